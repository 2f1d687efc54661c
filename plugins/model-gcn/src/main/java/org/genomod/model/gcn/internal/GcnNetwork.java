package org.genomod.model.gcn.internal;

import java.util.SplittableRandom;

/**
 * The forward and backward passes. A graph convolution maps node states {@code H} to
 * {@code act(Â · (H·W) + b)} (Kipf & Welling 2017), multiplying by {@code H·W} first because the layers
 * narrow towards the outputs. Node mode stacks convolutions and reads the last one's output as each node's
 * logits. Graph mode propagates a batch of {@code B} signals together: node states are laid out
 * {@code [node][example][channel]}, so one sparse product {@code Â · (nodes × B·width)} serves every example
 * and the dense products see {@code nodes·B} rows; after the last convolution the nodes are pooled and a
 * dense layer gives the logits.
 *
 * <p>Backward: the gradient of {@code Â·M} with respect to {@code M} is {@code Âᵀ·G}, taken through
 * {@link Propagation#backward}. Dropout (inverted: kept inputs are scaled by {@code 1/(1-p)}) applies to the
 * input of every layer, identity columns included, and only while training.
 */
final class GcnNetwork {
    private final GcnArchitecture architecture;
    private final Weights weights;

    GcnNetwork(GcnArchitecture architecture, Weights weights) {
        this.architecture = architecture;
        this.weights = weights;
    }

    /** The activations a backward pass needs. */
    static final class Pass {
        final NetworkInputs graph;
        final int examples;
        final float[][] inputs;   // per layer, after dropout
        final float[][] masks;    // per layer, dropout scale factors, or null
        final float[][] outputs;  // per convolution, after its activation (node mode's last: the logits)
        float[] identityMask;     // per node, or null
        int[] argmax;             // graph mode, max pooling: the node chosen per [example][channel]
        float[] logits;

        Pass(NetworkInputs graph, int examples, int layers) {
            this.graph = graph;
            this.examples = examples;
            this.inputs = new float[layers][];
            this.masks = new float[layers][];
            this.outputs = new float[layers][];
        }
    }

    /**
     * @param input    node states {@code nodes × examples × widths[0]}, laid out {@code [node][example][channel]}
     * @param examples 1 in node mode
     * @param random   dropout randomness while training; {@code null} for inference
     */
    Pass forward(NetworkInputs graph, float[] input, int examples, SplittableRandom random) {
        int nodes = graph.nodes();
        int rows = nodes * examples;
        int convolutions = architecture.convolutions();
        Pass pass = new Pass(graph, examples, weights.layers());
        float[] h = input;
        for (int l = 0; l < convolutions; l++) {
            int in = weights.width(l);
            int out = weights.width(l + 1);
            float[] hd = dropout(pass, l, h, random);
            float[] m = Matrices.multiply(hd, rows, in, weights.values(), weights.weightOffset(l), out);
            if (l == 0 && graph.identityRows() != null) {
                pass.identityMask = random == null ? null : mask(nodes, random);
                addIdentity(graph.identityRows(), pass.identityMask, examples, m);
            }
            float[] z = graph.propagation().forward(m, examples * out);
            Matrices.addRowVector(z, out, weights.values(), weights.biasOffset(l));
            if (architecture.mode() == GcnArchitecture.Mode.GRAPH || l < convolutions - 1) {
                architecture.activation().applyInPlace(z);
            }
            pass.outputs[l] = z;
            h = z;
        }
        if (architecture.mode() == GcnArchitecture.Mode.NODE) {
            pass.logits = h;
            return pass;
        }
        int last = weights.layers() - 1;
        float[] pooled = pool(pass, h, nodes, examples, weights.width(last));
        float[] pd = dropout(pass, last, pooled, random);
        pass.logits = Matrices.multiply(pd, examples, weights.width(last), weights.values(), weights.weightOffset(last),
                weights.width(last + 1));
        Matrices.addRowVector(pass.logits, weights.width(last + 1), weights.values(), weights.biasOffset(last));
        return pass;
    }

    /**
     * Adds {@code ∂loss/∂θ} to {@code gradient}, given {@code ∂loss/∂logits} (same layout as the logits;
     * node mode: zero rows for nodes outside the batch).
     */
    void backward(Pass pass, float[] logitGradient, float[] gradient) {
        backward(pass, logitGradient, gradient, false);
    }

    /**
     * {@link #backward(Pass, float[], float[])} that also returns {@code ∂loss/∂input} in the input's layout
     * ({@code [node][example][channel]}) when {@code inputGradient} is set, else {@code null}.
     */
    float[] backward(Pass pass, float[] logitGradient, float[] gradient, boolean inputGradient) {
        int nodes = pass.graph.nodes();
        int examples = pass.examples;
        int rows = nodes * examples;
        int convolutions = architecture.convolutions();
        float[] dz;
        if (architecture.mode() == GcnArchitecture.Mode.NODE) {
            dz = logitGradient;
        } else {
            int last = weights.layers() - 1;
            int in = weights.width(last);
            int out = weights.width(last + 1);
            Matrices.addTransposedProduct(pass.inputs[last], examples, in, logitGradient, out, gradient, weights.weightOffset(last));
            Matrices.addColumnSums(logitGradient, out, gradient, weights.biasOffset(last));
            float[] dPooled = Matrices.multiplyTransposed(logitGradient, examples, out, weights.values(), weights.weightOffset(last), in);
            applyMask(dPooled, pass.masks[last]);
            dz = unpool(pass, dPooled, nodes, examples, in);
            architecture.activation().backpropagate(pass.outputs[convolutions - 1], dz);
        }
        for (int l = convolutions - 1; ; l--) { // returns at layer 0
            int in = weights.width(l);
            int out = weights.width(l + 1);
            Matrices.addColumnSums(dz, out, gradient, weights.biasOffset(l));
            float[] dm = pass.graph.propagation().backward(dz, examples * out);
            if (in > 0) {
                Matrices.addTransposedProduct(pass.inputs[l], rows, in, dm, out, gradient, weights.weightOffset(l));
            }
            if (l == 0) {
                if (pass.graph.identityRows() != null) {
                    addIdentityGradient(pass.graph.identityRows(), pass.identityMask, examples, dm, gradient);
                }
                if (!inputGradient) {
                    return null;
                }
                float[] dx = Matrices.multiplyTransposed(dm, rows, out, weights.values(), weights.weightOffset(0), in);
                applyMask(dx, pass.masks[0]);
                return dx;
            }
            float[] dh = Matrices.multiplyTransposed(dm, rows, out, weights.values(), weights.weightOffset(l), in);
            applyMask(dh, pass.masks[l]);
            architecture.activation().backpropagate(pass.outputs[l - 1], dh);
            dz = dh;
        }
    }

    private float[] dropout(Pass pass, int layer, float[] h, SplittableRandom random) {
        if (random == null || architecture.dropout() == 0 || h.length == 0) {
            pass.inputs[layer] = h;
            return h;
        }
        float[] mask = mask(h.length, random);
        float[] dropped = new float[h.length];
        for (int i = 0; i < h.length; i++) {
            dropped[i] = h[i] * mask[i];
        }
        pass.masks[layer] = mask;
        pass.inputs[layer] = dropped;
        return dropped;
    }

    /**
     * Inverted-dropout scale factors: 0 with probability p, else 1/(1-p); {@code null} without dropout. Each
     * 64-bit draw decides two elements (32-bit uniforms), which halves the cost of the random numbers.
     */
    private float[] mask(int size, SplittableRandom random) {
        double p = architecture.dropout();
        if (p == 0) {
            return null;
        }
        float keep = (float) (1 / (1 - p));
        long threshold = (long) (p * (1L << 32));
        float[] mask = new float[size];
        for (int i = 0; i < size; i += 2) {
            long bits = random.nextLong();
            mask[i] = (bits >>> 32) < threshold ? 0f : keep;
            if (i + 1 < size) {
                mask[i + 1] = (bits & 0xffffffffL) < threshold ? 0f : keep;
            }
        }
        return mask;
    }

    private static void applyMask(float[] values, float[] mask) {
        if (mask != null) {
            for (int i = 0; i < values.length; i++) {
                values[i] *= mask[i];
            }
        }
    }

    /** {@code m[node][example] += scale(node) · identity row of node}: the one-hot columns' contribution. */
    private void addIdentity(int[] identityRows, float[] mask, int examples, float[] m) {
        int width = weights.identityWidth();
        float[] values = weights.values();
        for (int n = 0; n < identityRows.length; n++) {
            int row = identityRows[n];
            float scale = mask == null ? 1f : mask[n];
            if (row < 0 || scale == 0f) {
                continue;
            }
            int from = weights.identityOffset() + row * width;
            for (int e = 0; e < examples; e++) {
                int to = (n * examples + e) * width;
                for (int j = 0; j < width; j++) {
                    m[to + j] += scale * values[from + j];
                }
            }
        }
    }

    private void addIdentityGradient(int[] identityRows, float[] mask, int examples, float[] dm, float[] gradient) {
        int width = weights.identityWidth();
        for (int n = 0; n < identityRows.length; n++) {
            int row = identityRows[n];
            float scale = mask == null ? 1f : mask[n];
            if (row < 0 || scale == 0f) {
                continue;
            }
            int to = weights.identityOffset() + row * width;
            for (int e = 0; e < examples; e++) {
                int from = (n * examples + e) * width;
                for (int j = 0; j < width; j++) {
                    gradient[to + j] += scale * dm[from + j];
                }
            }
        }
    }

    /** {@code [node][example][channel] → [example][channel]} by mean or max over the nodes. */
    private float[] pool(Pass pass, float[] h, int nodes, int examples, int channels) {
        float[] pooled = new float[examples * channels];
        if (architecture.pooling() == GcnArchitecture.Pooling.MEAN) {
            for (int n = 0; n < nodes; n++) {
                int base = n * examples * channels;
                for (int i = 0; i < examples * channels; i++) {
                    pooled[i] += h[base + i];
                }
            }
            for (int i = 0; i < pooled.length; i++) {
                pooled[i] /= nodes;
            }
            return pooled;
        }
        int[] argmax = new int[examples * channels];
        System.arraycopy(h, 0, pooled, 0, pooled.length);
        for (int n = 1; n < nodes; n++) {
            int base = n * examples * channels;
            for (int i = 0; i < examples * channels; i++) {
                if (h[base + i] > pooled[i]) {
                    pooled[i] = h[base + i];
                    argmax[i] = n;
                }
            }
        }
        pass.argmax = argmax;
        return pooled;
    }

    private float[] unpool(Pass pass, float[] dPooled, int nodes, int examples, int channels) {
        float[] dh = new float[nodes * examples * channels];
        int block = examples * channels;
        if (architecture.pooling() == GcnArchitecture.Pooling.MEAN) {
            for (int n = 0; n < nodes; n++) {
                for (int i = 0; i < block; i++) {
                    dh[n * block + i] = dPooled[i] / nodes;
                }
            }
        } else {
            for (int i = 0; i < block; i++) {
                dh[pass.argmax[i] * block + i] = dPooled[i];
            }
        }
        return dh;
    }
}
