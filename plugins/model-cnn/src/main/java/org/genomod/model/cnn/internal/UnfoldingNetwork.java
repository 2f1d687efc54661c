package org.genomod.model.cnn.internal;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.Convolution1DLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The cnn family's layer network: Deeplearning4j's, except that a first layer that is a valid 1-D convolution runs
 * as an {@link UnfoldedConvolution} (one matrix product, no recomputation, no input gradient in training). The
 * configuration is untouched, so a saved network is Deeplearning4j's and loads anywhere; the family loads it back
 * into this class ({@link CnnNetworks#load}).
 */
final class UnfoldingNetwork extends MultiLayerNetwork {
    private static final long serialVersionUID = 1L;

    UnfoldingNetwork(MultiLayerConfiguration configuration) {
        super(configuration);
    }

    @Override
    public void init(INDArray parameters, boolean cloneParametersArray) {
        super.init(parameters, cloneParametersArray);
        if (layers.length > 0 && layers[0] instanceof Convolution1DLayer first && UnfoldedConvolution.replaces(first)) {
            UnfoldedConvolution unfolded = UnfoldedConvolution.of(first);
            layers[0] = unfolded;
            String name = first.conf().getLayer().getLayerName();
            if (layerMap.get(name) == first) {
                layerMap.put(name, unfolded);
            }
        }
    }

    /** Tells an unfolded first layer whether the gradient with respect to the network's input is wanted. */
    @Override
    protected Pair<Gradient, INDArray> calcBackpropGradients(INDArray epsilon, boolean withOutputLayer, boolean tbptt,
                                                             boolean returnInputActGrad) {
        if (layers[0] instanceof UnfoldedConvolution first) {
            first.inputGradientWanted(returnInputActGrad);
        }
        return super.calcBackpropGradients(epsilon, withOutputLayer, tbptt, returnInputActGrad);
    }
}
