package org.genomod.model.cnn.internal;

import java.util.Objects;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Max pooling by {@code pool} positions, as the windows of a global max pool: cuts {@code [batch, channels,
 * length]} into {@code length / pool} non-overlapping windows (a trailing remainder is dropped, as PyTorch's
 * MaxPool1d drops it) and shows each window to a following global max-pooling layer as one example,
 * {@code [batch * channels * windows, 1, pool]}, a view of the activations. {@link PooledWindows} puts the
 * maxima back in place. The same maxima and gradients as Deeplearning4j's Subsampling1DLayer, whose
 * max-pooling kernel (oneDNN, NCHW) took a fifth of Basset's training time and more of its inference.
 */
public final class PoolingWindows extends ViewPreprocessor {
    private static final long serialVersionUID = 1L;

    private final int channels;
    private final int length;
    private final int pool;

    public PoolingWindows(@JsonProperty("channels") int channels, @JsonProperty("length") int length,
                          @JsonProperty("pool") int pool) {
        if (channels < 1 || pool < 1 || length < pool) {
            throw new IllegalArgumentException("cannot pool " + length + " positions by " + pool);
        }
        this.channels = channels;
        this.length = length;
        this.pool = pool;
    }

    public int getChannels() {
        return channels;
    }

    public int getLength() {
        return length;
    }

    public int getPool() {
        return pool;
    }

    int windows() {
        return length / pool;
    }

    @Override
    public INDArray preProcess(INDArray input, int miniBatchSize, LayerWorkspaceMgr workspaces) {
        int covered = windows() * pool;
        INDArray windowed = covered == length ? input
                : input.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, covered));
        return reshaped(windowed, ArrayType.ACTIVATIONS, workspaces, input.size(0) * channels * windows(), 1, pool);
    }

    @Override
    public INDArray backprop(INDArray gradient, int miniBatchSize, LayerWorkspaceMgr workspaces) {
        long batch = gradient.size(0) / ((long) channels * windows());
        int covered = windows() * pool;
        INDArray windowed = reshaped(gradient, ArrayType.ACTIVATION_GRAD, workspaces, batch, channels, covered);
        if (covered == length) {
            return windowed;
        }
        // dropped positions get no gradient
        INDArray full = workspaces.create(ArrayType.ACTIVATION_GRAD, gradient.dataType(), new long[] {batch, channels, length}, 'c');
        full.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, covered)).assign(windowed);
        full.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(covered, length)).assign(0);
        return full;
    }

    @Override
    public InputType getOutputType(InputType inputType) {
        return InputType.recurrent(1, pool, RNNFormat.NCW);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PoolingWindows p && p.channels == channels && p.length == length && p.pool == pool;
    }

    @Override
    public int hashCode() {
        return Objects.hash(channels, length, pool);
    }
}
