package org.genomod.model.gcn.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Every learnable value in one flat array, so that snapshots, clipping, the L2 penalty, the optimiser and
 * saving each see a single vector: layer {@code l}'s weight matrix ({@code widths[l] × widths[l+1]},
 * row-major) and bias, layer after layer, then the node identity table.
 *
 * <p>The identity table holds one row of first-layer weights per node of the network the model was trained
 * on, looked up by node name. It is the weight block of one-hot identity input columns, stored as a table
 * because a one-hot input would be an {@code n × n} matrix. It is created when the model first sees its
 * network, since a {@link org.genomod.api.data.DatasetSchema} does not carry node names.
 */
final class Weights {
    private final int[] widths;
    private final int[] weightOffsets;
    private final int[] biasOffsets;
    private final int layerValues;
    private float[] values;
    private List<String> identityNodes = List.of();
    private Map<String, Integer> identityRows = Map.of();

    Weights(int[] widths) {
        this.widths = widths.clone();
        int layers = widths.length - 1;
        weightOffsets = new int[layers];
        biasOffsets = new int[layers];
        int offset = 0;
        for (int l = 0; l < layers; l++) {
            weightOffsets[l] = offset;
            offset += widths[l] * widths[l + 1];
            biasOffsets[l] = offset;
            offset += widths[l + 1];
        }
        layerValues = offset;
        values = new float[offset];
    }

    /** Glorot-uniform weights (as Kipf & Welling), zero biases. */
    void initialise(SplittableRandom random) {
        for (int l = 0; l < layers(); l++) {
            glorot(values, weightOffsets[l], widths[l] * widths[l + 1], widths[l], widths[l + 1], random);
        }
    }

    /**
     * Adds an identity row for each of {@code nodes}, Glorot-initialised as the one-hot columns they stand
     * for (fan-in: the nodes plus the feature columns).
     */
    void bindIdentity(List<String> nodes, SplittableRandom random) {
        allocateIdentity(nodes);
        glorot(values, layerValues, nodes.size() * identityWidth(), nodes.size() + widths[0], identityWidth(), random);
    }

    /** Makes room for a saved identity table of {@code nodes}; its values come with {@link #setValues}. */
    void allocateIdentity(List<String> nodes) {
        if (!identityNodes.isEmpty()) {
            throw new IllegalStateException("the identity table is already bound to " + identityNodes.size() + " nodes");
        }
        Map<String, Integer> rows = new HashMap<>(nodes.size() * 2);
        for (int i = 0; i < nodes.size(); i++) {
            if (rows.put(nodes.get(i), i) != null) {
                throw new IllegalArgumentException("node '" + nodes.get(i) + "' occurs twice in the identity table");
            }
        }
        identityNodes = List.copyOf(nodes);
        identityRows = rows;
        values = Arrays.copyOf(values, layerValues + nodes.size() * identityWidth());
    }

    private static void glorot(float[] target, int offset, int count, int fanIn, int fanOut, SplittableRandom random) {
        double limit = Math.sqrt(6.0 / (fanIn + fanOut));
        for (int i = offset; i < offset + count; i++) {
            target[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
        }
    }

    int[] widths() {
        return widths.clone();
    }

    int width(int index) {
        return widths[index];
    }

    int layers() {
        return widths.length - 1;
    }

    int weightOffset(int layer) {
        return weightOffsets[layer];
    }

    int biasOffset(int layer) {
        return biasOffsets[layer];
    }

    /** Where layer {@code layer}'s values (weights, then biases) end. */
    int layerEnd(int layer) {
        return biasOffsets[layer] + widths[layer + 1];
    }

    /** Identity rows are first-layer weights, as wide as the first layer's output. */
    int identityWidth() {
        return widths[1];
    }

    int identityOffset() {
        return layerValues;
    }

    boolean identityBound() {
        return !identityNodes.isEmpty();
    }

    List<String> identityNodes() {
        return identityNodes;
    }

    /** The identity row of {@code node}, or -1 when the model has none for it. */
    int identityRow(String node) {
        return identityRows.getOrDefault(node, -1);
    }

    /** The live parameter vector (not a copy). */
    float[] values() {
        return values;
    }

    void setValues(float[] newValues) {
        if (newValues.length != values.length) {
            throw new IllegalArgumentException("expected " + values.length + " parameter values, got " + newValues.length);
        }
        System.arraycopy(newValues, 0, values, 0, values.length);
    }

    /** {@code l2/2 · Σ w²} over the weights. */
    double penalty(double l2) {
        if (l2 == 0) {
            return 0;
        }
        double sum = 0;
        for (int l = 0; l < layers(); l++) {
            sum += squares(weightOffsets[l], weightOffsets[l] + widths[l] * widths[l + 1]);
        }
        sum += squares(layerValues, values.length);
        return 0.5 * l2 * sum;
    }

    /** {@code gradient += l2 · w} over the weights. */
    void addPenaltyGradient(double l2, float[] gradient) {
        if (l2 == 0) {
            return;
        }
        float c = (float) l2;
        for (int l = 0; l < layers(); l++) {
            for (int i = weightOffsets[l]; i < weightOffsets[l] + widths[l] * widths[l + 1]; i++) {
                gradient[i] += c * values[i];
            }
        }
        for (int i = layerValues; i < values.length; i++) {
            gradient[i] += c * values[i];
        }
    }

    private double squares(int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) values[i] * values[i];
        }
        return sum;
    }
}
