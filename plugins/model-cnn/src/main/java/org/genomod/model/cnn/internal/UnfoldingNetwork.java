package org.genomod.model.cnn.internal;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.Convolution1DLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The cnn family's layer network: Deeplearning4j's, except that some layers run as faster implementations of the same
 * computation: a first layer that is a valid 1-D convolution as an {@link UnfoldedConvolution} (one matrix product,
 * no recomputation, no input gradient in training), same-padded convolutions as {@link SpectralConvolution}s (products
 * of spectra, where that needs fewer operations). The configuration is untouched, so a saved network is
 * Deeplearning4j's and loads anywhere; the family loads it back into this class ({@link CnnNetworks#load}).
 */
final class UnfoldingNetwork extends MultiLayerNetwork {
    private static final long serialVersionUID = 1L;

    UnfoldingNetwork(MultiLayerConfiguration configuration) {
        super(configuration);
    }

    @Override
    public void init(INDArray parameters, boolean cloneParametersArray) {
        super.init(parameters, cloneParametersArray);
        for (int i = 0; i < layers.length; i++) {
            if (layers[i] instanceof Convolution1DLayer stock) {
                if (i == 0 && UnfoldedConvolution.replaces(stock)) {
                    replace(i, UnfoldedConvolution.of(stock));
                } else if (SpectralConvolution.replaces(stock)) {
                    replace(i, SpectralConvolution.of(stock));
                }
            }
        }
    }

    private void replace(int index, Layer faster) {
        Layer stock = layers[index];
        layers[index] = faster;
        String name = stock.conf().getLayer().getLayerName();
        if (layerMap.get(name) == stock) {
            layerMap.put(name, faster);
        }
    }

    /** Tells a first layer that can skip it whether the gradient with respect to the network's input is wanted. */
    @Override
    protected Pair<Gradient, INDArray> calcBackpropGradients(INDArray epsilon, boolean withOutputLayer, boolean tbptt,
                                                             boolean returnInputActGrad) {
        if (layers[0] instanceof FasterConvolution first) {
            first.inputGradientWanted(returnInputActGrad);
        }
        return super.calcBackpropGradients(epsilon, withOutputLayer, tbptt, returnInputActGrad);
    }
}
