package org.genomod.model.cnn.internal;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.layers.convolution.Convolution1DLayer;
import org.genomod.dl4j.LayerObjects;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Which of a network's Deeplearning4j layer objects the family runs as its own faster implementations of the same
 * configuration (each takes its place through {@link org.genomod.dl4j.LayerObjects#adopt}). Each faster class
 * extends the Deeplearning4j layer it replaces and says, in a static {@code replaces}, the exact cases it computes;
 * everything else keeps Deeplearning4j's code.
 */
final class LayerSwaps {
    private LayerSwaps() {
    }

    /**
     * The layer to run at {@code index} of a network of {@code configuration}: a faster implementation of
     * {@code layer}'s configuration, or {@code layer} itself. Max pooling streams only over windows
     * ({@link PoolingWindows}): over a whole sequence (DeepBind's 78 positions) Deeplearning4j's reduction was as fast
     * in training and faster in inference.
     */
    static Layer faster(Layer layer, int index, MultiLayerConfiguration configuration) {
        return faster(layer, index, configuration.getDataType(), configuration.getInputPreProcess(index));
    }

    /** The same, for a layer of a network of {@code dataType} whose input comes through {@code preprocessor} (or null). */
    static Layer faster(Layer layer, int index, DataType dataType, InputPreProcessor preprocessor) {
        if (layer instanceof Convolution1DLayer convolution) {
            if (index == 0 && UnfoldedConvolution.replaces(convolution)) {
                return UnfoldedConvolution.of(convolution);
            }
            if (SpectralConvolution.replaces(convolution)) {
                return SpectralConvolution.of(convolution);
            }
        }
        if (StreamingBatchNormalization.replaces(layer)) {
            return LayerObjects.adopt(layer, new StreamingBatchNormalization(layer.conf()));
        }
        if (dataType == DataType.FLOAT && StreamingRelu.replaces(layer)) {
            return LayerObjects.adopt(layer, new StreamingRelu(layer.conf()));
        }
        if (dataType == DataType.FLOAT && preprocessor instanceof PoolingWindows
                && StreamingMaxPooling.replaces(layer)) {
            return LayerObjects.adopt(layer, new StreamingMaxPooling(layer.conf()));
        }
        return layer;
    }
}
