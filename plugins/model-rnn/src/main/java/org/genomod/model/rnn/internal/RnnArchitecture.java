package org.genomod.model.rnn.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A resolved recurrent architecture: an optional convolution front-end (convolution, ReLU, max pooling,
 * dropout), stacked recurrent layers with dropout between them, pooling over time, hidden dense layers
 * and the task's output layer.
 *
 * @param cell          recurrent cell: {@code lstm} or {@code simple} (Elman); {@code gru} is refused
 * @param units         hidden units per recurrent layer, one entry per stacked layer
 * @param bidirectional each recurrent layer reads the sequence both ways; the two outputs are concatenated
 * @param pooling       how the last recurrent layer's positions reach the dense layers: {@code last},
 *                      {@code max}, {@code average} or {@code flatten}
 * @param convFilters   filters of the convolution front-end; 0 for none
 * @param convWidth     its kernel width
 * @param convPadding   {@code same} keeps the length, {@code valid} shrinks it by width - 1 (DanQ)
 * @param convPool      max-pool size and stride after it; 1 for none
 * @param convDropout   dropout rate after the front-end
 * @param dropout       dropout rate after each recurrent layer
 * @param dense         hidden dense layer sizes (ReLU)
 * @param l2            L2 penalty on weights
 */
record RnnArchitecture(String cell, List<Integer> units, boolean bidirectional, String pooling,
                       int convFilters, int convWidth, String convPadding, int convPool, double convDropout,
                       double dropout, List<Integer> dense, double l2) {
    static final String LSTM = "lstm";
    static final String GRU = "gru";
    static final String SIMPLE = "simple";
    static final List<String> CELLS = List.of(LSTM, GRU, SIMPLE);

    static final String SAME = "same";
    static final String VALID = "valid";

    static final String LAST = "last";
    static final String MAX = "max";
    static final String AVERAGE = "average";
    static final String FLATTEN = "flatten";
    static final List<String> POOLINGS = List.of(LAST, MAX, AVERAGE, FLATTEN);

    RnnArchitecture {
        units = List.copyOf(units);
        dense = List.copyOf(dense);
    }

    boolean convolution() {
        return convFilters > 0;
    }

    /** Width of the last recurrent layer's output at each position. */
    int recurrentOutputs() {
        return units.get(units.size() - 1) * (bidirectional ? 2 : 1);
    }

    /** Positions the recurrent layers see for an input of {@code length}; meaningful only when {@link #problems} is empty. */
    int steps(int length) {
        return convolution() ? convolved(length) / convPool : length;
    }

    private int convolved(int length) {
        return VALID.equals(convPadding) ? length - convWidth + 1 : length;
    }

    /**
     * Flatten reads each position with its own weights, so the network cannot skip padding; the other
     * poolings take a mask of the padded flanks.
     */
    boolean masksPadding() {
        return !FLATTEN.equals(pooling);
    }

    /** What keeps this architecture from taking examples of {@code featureShape}; empty when it fits. */
    List<String> problems(List<Integer> featureShape) {
        List<String> problems = new ArrayList<>();
        if (featureShape.size() != 2) {
            problems.add("the rnn family needs sequences of shape [length, channels], got " + featureShape);
        }
        if (GRU.equals(cell)) {
            problems.add("cell gru is not available: Deeplearning4j 1.0.0-M2.1 has no GRU layer for layer networks "
                    + "(only a SameDiff gru op); use lstm or simple");
        }
        if (units.isEmpty()) {
            problems.add("units must name at least one recurrent layer");
        }
        if (LAST.equals(pooling) && bidirectional) {
            problems.add("pooling last cannot read a bidirectional layer: Deeplearning4j takes the last position of both "
                    + "directions, where the backward one has read a single position; use max or average");
        }
        if (featureShape.size() == 2 && convolution()) {
            int length = featureShape.get(0);
            if (convWidth > length && VALID.equals(convPadding)) {
                problems.add("conv_width " + convWidth + " (valid padding) is wider than the " + length + " positions of a sequence");
            } else if (convPool > convolved(length)) {
                problems.add("conv_pool " + convPool + " is wider than the " + convolved(length) + " positions the convolution leaves");
            }
        }
        return problems;
    }
}
