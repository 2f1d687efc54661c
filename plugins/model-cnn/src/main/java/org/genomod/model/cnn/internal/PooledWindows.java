package org.genomod.model.cnn.internal;

import java.util.Objects;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * The way back from {@link PoolingWindows}: the maxima of {@code [batch * channels * windows, 1]} windows
 * as {@code [batch, channels, windows]} sequences for a following convolution, or flattened channel-major
 * to {@code [batch, channels * windows]} for a dense layer (PyTorch's Flatten order). Views, no copies.
 */
public final class PooledWindows extends ViewPreprocessor {
    private static final long serialVersionUID = 1L;

    private final int channels;
    private final int windows;
    private final boolean flatten;

    public PooledWindows(@JsonProperty("channels") int channels, @JsonProperty("windows") int windows,
                         @JsonProperty("flatten") boolean flatten) {
        this.channels = channels;
        this.windows = windows;
        this.flatten = flatten;
    }

    public int getChannels() {
        return channels;
    }

    public int getWindows() {
        return windows;
    }

    public boolean isFlatten() {
        return flatten;
    }

    @Override
    public INDArray preProcess(INDArray input, int miniBatchSize, LayerWorkspaceMgr workspaces) {
        long batch = input.size(0) / ((long) channels * windows);
        return flatten ? reshaped(input, ArrayType.ACTIVATIONS, workspaces, batch, (long) channels * windows)
                : reshaped(input, ArrayType.ACTIVATIONS, workspaces, batch, channels, windows);
    }

    @Override
    public INDArray backprop(INDArray gradient, int miniBatchSize, LayerWorkspaceMgr workspaces) {
        return reshaped(gradient, ArrayType.ACTIVATION_GRAD, workspaces, gradient.size(0) * channels * windows, 1);
    }

    @Override
    public InputType getOutputType(InputType inputType) {
        return flatten ? InputType.feedForward((long) channels * windows) : InputType.recurrent(channels, windows, RNNFormat.NCW);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PooledWindows p && p.channels == channels && p.windows == windows && p.flatten == flatten;
    }

    @Override
    public int hashCode() {
        return Objects.hash(channels, windows, flatten);
    }
}
