package org.genomod.model.cnn.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A resolved CNN architecture: convolution blocks (convolution, optional batch norm, activation, optional
 * max pooling), then hidden dense layers, then the task's output layer.
 *
 * @param filters   filters per convolution layer
 * @param widths    kernel width per convolution layer
 * @param pooling   max-pool size after each convolution layer: 0 none, {@value #GLOBAL_POOLING} global
 * @param padding   {@code same} keeps the length through a convolution, {@code valid} shrinks it by width - 1
 * @param dense     hidden dense layer sizes
 * @param dropout   rate after each hidden dense layer (after the convolutional features when there is none)
 * @param l2        L2 penalty on weights
 * @param batchNorm batch normalisation between each convolution and its activation
 * @param activation hidden activation: relu, elu, tanh or leakyrelu
 */
record CnnArchitecture(List<Integer> filters, List<Integer> widths, List<Integer> pooling, String padding,
                       List<Integer> dense, double dropout, double l2, boolean batchNorm, String activation) {
    static final int GLOBAL_POOLING = -1;

    CnnArchitecture {
        filters = List.copyOf(filters);
        widths = List.copyOf(widths);
        pooling = List.copyOf(pooling);
        dense = List.copyOf(dense);
    }

    int convolutionLayers() {
        return filters.size();
    }

    boolean globalPooling() {
        return !pooling.isEmpty() && pooling.get(pooling.size() - 1) == GLOBAL_POOLING;
    }

    /** What keeps this architecture from taking examples of {@code featureShape}; empty when it fits. */
    List<String> problems(List<Integer> featureShape) {
        List<String> problems = new ArrayList<>();
        if (featureShape.size() != 2) {
            problems.add("the cnn family needs sequences of shape [length, channels], got " + featureShape);
        }
        if (filters.isEmpty()) {
            problems.add("filters must name at least one convolution layer");
        }
        if (widths.size() != filters.size() || pooling.size() != filters.size()) {
            problems.add("filters, widths and pooling need one entry per convolution layer, got "
                    + filters.size() + ", " + widths.size() + " and " + pooling.size());
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        int length = featureShape.get(0);
        for (int i = 0; i < filters.size(); i++) {
            int layer = i + 1;
            int width = widths.get(i);
            if ("valid".equals(padding)) {
                if (width > length) {
                    problems.add("convolution layer " + layer + " (width " + width + ", valid padding) is wider than the "
                            + length + " positions it gets");
                    return problems;
                }
                length -= width - 1;
            }
            int pool = pooling.get(i);
            if (pool == GLOBAL_POOLING) {
                if (layer < filters.size()) {
                    problems.add("global pooling (-1) leaves one position, so it must come after the last convolution layer, not layer "
                            + layer);
                    return problems;
                }
                length = 1;
            } else if (pool > length) {
                problems.add("pooling " + pool + " after convolution layer " + layer + " is wider than the " + length
                        + " positions left");
                return problems;
            } else if (pool > 0) {
                length /= pool;
            }
        }
        return problems;
    }
}
