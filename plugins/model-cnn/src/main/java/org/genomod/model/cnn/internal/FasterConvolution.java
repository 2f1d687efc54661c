package org.genomod.model.cnn.internal;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.layers.convolution.Convolution1DLayer;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * What the family's faster 1-D convolutions share: which of Deeplearning4j's layers they stand in for (its own class,
 * configuration and parameters, so saved networks are unchanged), and that a first layer need not
 * compute the gradient with respect to the network's input (in training nothing reads it, and for a convolution it
 * costs as much as the forward pass); {@link UnfoldingNetwork} says before each backward pass whether it is wanted.
 */
abstract class FasterConvolution extends Convolution1DLayer {
    private static final long serialVersionUID = 1L;

    protected boolean inputGradientWanted = true;

    protected FasterConvolution(NeuralNetConfiguration conf) {
        super(conf, DataType.FLOAT);
    }

    /**
     * Whether {@code layer} is Deeplearning4j's own 1-D convolution (not a subclass) in {@code mode}, over NCW input,
     * with unit stride and dilation, float weights and neither dropout nor weight noise: what the faster ones compute.
     */
    static boolean plain(Layer layer, ConvolutionMode mode) {
        if (layer.getClass() != Convolution1DLayer.class) {
            return false;
        }
        org.deeplearning4j.nn.conf.layers.Convolution1DLayer conf =
                (org.deeplearning4j.nn.conf.layers.Convolution1DLayer) layer.conf().getLayer();
        return conf.getConvolutionMode() == mode && conf.getRnnDataFormat() == RNNFormat.NCW
                && conf.getStride()[0] == 1 && conf.getDilation()[0] == 1
                && conf.getIDropout() == null && conf.getWeightNoise() == null
                && ((Convolution1DLayer) layer).getParam(ConvolutionParamInitializer.WEIGHT_KEY).dataType() == DataType.FLOAT;
    }

    /** Whether the next backward pass must compute the gradient with respect to the input; the network sets it. */
    final void inputGradientWanted(boolean wanted) {
        inputGradientWanted = wanted;
    }

    final int width() {
        return layerConf().getKernelSize()[0];
    }

    final int filters() {
        return (int) layerConf().getNOut();
    }

    /** Positions a window starts before the input: none when valid, half the (odd) width when same-padded. */
    final int padding() {
        return layerConf().getConvolutionMode() == ConvolutionMode.Same ? (width() - 1) / 2 : 0;
    }

    /** Output positions for an input of {@code length}. */
    final int windows(long length) {
        return (int) length - width() + 1 + 2 * padding();
    }

    /** Whether {@code layer} is a {@link #plain} convolution, valid without explicit padding or same-padded with an odd width. */
    static boolean validOrOddSame(Layer layer) {
        org.deeplearning4j.nn.conf.layers.Convolution1DLayer conf =
                (org.deeplearning4j.nn.conf.layers.Convolution1DLayer) layer.conf().getLayer();
        return plain(layer, ConvolutionMode.Truncate) && conf.getPadding()[0] == 0
                || plain(layer, ConvolutionMode.Same) && conf.getKernelSize()[0] % 2 == 1;
    }
}
