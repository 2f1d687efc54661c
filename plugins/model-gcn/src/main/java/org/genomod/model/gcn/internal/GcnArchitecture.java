package org.genomod.model.gcn.internal;

import java.util.ArrayList;
import java.util.List;
import org.genomod.api.data.DatasetSchema;

/**
 * What the hyper-parameters describe.
 *
 * @param mode             whether the examples are nodes, or signals on all nodes pooled to one output each
 * @param hidden           widths of the hidden graph convolutions
 * @param activation       their nonlinearity
 * @param dropout          probability of zeroing each input of every layer while training
 * @param l2               L2 penalty coefficient on the weights (not biases): {@code l2/2 · Σw²} added to the loss
 * @param identityFeatures one-hot node identity columns appended to the first layer's input (learned per-node weights)
 * @param standardize      node mode: centre and scale each node-feature column over all nodes of the first network seen
 * @param pooling          graph mode: how node states become one vector per example
 */
record GcnArchitecture(Mode mode, List<Integer> hidden, Activation activation, double dropout, double l2,
                       boolean identityFeatures, boolean standardize, Pooling pooling) {

    enum Mode { NODE, GRAPH }

    enum Pooling { MEAN, MAX }

    GcnArchitecture {
        hidden = List.copyOf(hidden);
    }

    /** Problems with this architecture for data of {@code schema}; empty when it fits. */
    List<String> problems(DatasetSchema schema) {
        List<String> problems = new ArrayList<>();
        if (mode == Mode.GRAPH) {
            if (hidden.isEmpty()) {
                problems.add("mode graph needs at least one hidden graph convolution before pooling (hidden is empty)");
            }
            if (schema.featureShape().size() > 2) {
                problems.add("mode graph reads each example as [nodes] or [nodes, channels], got feature shape "
                        + schema.featureShape());
            }
        }
        return problems;
    }

    /**
     * Layer widths {@code [input channels, hidden..., outputs]}. In node mode every layer is a graph
     * convolution; in graph mode the last one is a dense layer after pooling.
     */
    int[] widths(DatasetSchema schema) {
        int[] widths = new int[hidden.size() + 2];
        widths[0] = inputChannels(schema);
        for (int i = 0; i < hidden.size(); i++) {
            widths[i + 1] = hidden.get(i);
        }
        widths[widths.length - 1] = schema.labelSize();
        return widths;
    }

    /** Node mode: one value per node feature. Graph mode: the channels of each node's signal. */
    int inputChannels(DatasetSchema schema) {
        if (mode == Mode.NODE) {
            return schema.featureSize();
        }
        return schema.featureShape().size() == 2 ? schema.featureShape().get(1) : 1;
    }

    /** Number of graph convolutions: all layers in node mode, all but the dense output layer in graph mode. */
    int convolutions() {
        return mode == Mode.NODE ? hidden.size() + 1 : hidden.size();
    }
}
