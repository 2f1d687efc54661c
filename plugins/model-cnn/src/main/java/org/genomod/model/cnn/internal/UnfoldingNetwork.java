package org.genomod.model.cnn.internal;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The cnn family's layer network: Deeplearning4j's, except that some layers run as the family's faster
 * implementations of the same configuration ({@link LayerSwaps}): a first convolution as an
 * {@link UnfoldedConvolution} (one matrix product, no recomputation, no input gradient in training), later
 * convolutions with many channels as {@link SpectralConvolution}s (products of spectra), batch normalisation, ReLU
 * activation layers and max pooling over windows as Java passes at memory speed ({@link StreamingBatchNormalization},
 * {@link StreamingRelu}, {@link StreamingMaxPooling}). The configuration is untouched, so a saved network is
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
            Layer stock = layers[i];
            Layer faster = LayerSwaps.faster(stock, i, getLayerWiseConfigurations());
            if (faster != stock) {
                layers[i] = faster;
                String name = stock.conf().getLayer().getLayerName();
                if (layerMap.get(name) == stock) {
                    layerMap.put(name, faster);
                }
            }
        }
    }

    /** Tells a faster first convolution whether the gradient with respect to the network's input is wanted. */
    @Override
    protected Pair<Gradient, INDArray> calcBackpropGradients(INDArray epsilon, boolean withOutputLayer, boolean tbptt,
                                                             boolean returnInputActGrad) {
        if (layers[0] instanceof FasterConvolution first) {
            first.inputGradientWanted(returnInputActGrad);
        }
        return super.calcBackpropGradients(epsilon, withOutputLayer, tbptt, returnInputActGrad);
    }
}
