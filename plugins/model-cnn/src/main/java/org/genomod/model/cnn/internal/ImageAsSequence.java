package org.genomod.model.cnn.internal;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.inputs.InvalidInputTypeException;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The way back from {@link SequenceAsImage}: an NCHW image {@code [batch, channels, length, 1]} shown as
 * {@code [batch, channels, length]} sequences (NCW), without copying.
 */
public final class ImageAsSequence extends ViewPreprocessor {
    private static final long serialVersionUID = 1L;

    @Override
    public INDArray preProcess(INDArray input, int miniBatchSize, LayerWorkspaceMgr workspaces) {
        return reshaped(input, ArrayType.ACTIVATIONS, workspaces, input.size(0), input.size(1), input.size(2));
    }

    @Override
    public INDArray backprop(INDArray gradient, int miniBatchSize, LayerWorkspaceMgr workspaces) {
        return reshaped(gradient, ArrayType.ACTIVATION_GRAD, workspaces, gradient.size(0), gradient.size(1),
                gradient.size(2), 1);
    }

    @Override
    public InputType getOutputType(InputType inputType) {
        if (!(inputType instanceof InputType.InputTypeConvolutional image) || image.getFormat() != CNN2DFormat.NCHW
                || image.getWidth() != 1) {
            throw new InvalidInputTypeException("expected [batch, channels, length, 1] (NCHW) images, got " + inputType);
        }
        return InputType.recurrent(image.getChannels(), image.getHeight(), RNNFormat.NCW);
    }
}
