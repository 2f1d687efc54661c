package org.genomod.model.cnn.internal;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.inputs.InvalidInputTypeException;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Shows {@code [batch, channels, length]} activations to the next layer as an NCHW image
 * {@code [batch, channels, length, 1]}, and its gradient back: the same memory with one more axis.
 * Deeplearning4j 1.0.0-M2.1's batch normalisation takes no {@code [batch, channels, length]} input; on the
 * image it normalises each channel over the batch and every position, as PyTorch's BatchNorm1d does. The
 * stock way there (RnnToFeedForward and back) permuted and copied activations and gradients at every step.
 */
public final class SequenceAsImage extends ViewPreprocessor {
    private static final long serialVersionUID = 1L;

    @Override
    public INDArray preProcess(INDArray input, int miniBatchSize, LayerWorkspaceMgr workspaces) {
        return reshaped(input, ArrayType.ACTIVATIONS, workspaces, input.size(0), input.size(1), input.size(2), 1);
    }

    @Override
    public INDArray backprop(INDArray gradient, int miniBatchSize, LayerWorkspaceMgr workspaces) {
        return reshaped(gradient, ArrayType.ACTIVATION_GRAD, workspaces, gradient.size(0), gradient.size(1), gradient.size(2));
    }

    @Override
    public InputType getOutputType(InputType inputType) {
        if (!(inputType instanceof InputType.InputTypeRecurrent sequence) || sequence.getFormat() != RNNFormat.NCW) {
            throw new InvalidInputTypeException("expected [batch, channels, length] (NCW) sequences, got " + inputType);
        }
        return InputType.convolutional(sequence.getTimeSeriesLength(), 1, sequence.getSize(), CNN2DFormat.NCHW);
    }
}
