package org.genomod.model.rnn.internal;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.adapters.OutputAdapter;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * A layer network that masks the padding of its sequence input ({@link PaddingMask}) whenever the caller
 * gives no feature mask, so that {@code Dl4jModel}, which feeds plain arrays, trains and predicts with
 * masks. The mask travels through the layers: a convolution zeroes padded positions, pooling reduces the
 * mask, recurrent layers restart from a zero state after leading padding and output zeros at padded
 * steps, global pooling and the last time step leave padded steps out.
 */
final class PaddingMaskedNetwork extends MultiLayerNetwork {
    private static final long serialVersionUID = 1L;

    PaddingMaskedNetwork(MultiLayerConfiguration configuration) {
        super(configuration);
    }

    /**
     * Deeplearning4j 1.0.0-M2.1 hands each layer the mask of its input through this method, but LSTM,
     * Bidirectional and Convolution1D only pass the mask on without keeping it for their own forward and
     * backward pass (an LSTM then carries state out of leading padding, a convolution leaves its bias at
     * padded positions). So each layer is also given its input's mask, as the other layers keep it.
     */
    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArray(INDArray mask, MaskState state, int minibatchSize) {
        if (mask == null) {
            return super.feedForwardMaskArray(null, state, minibatchSize);
        }
        for (int i = 0; i < getnLayers(); i++) {
            InputPreProcessor preProcessor = getLayerWiseConfigurations().getInputPreProcess(i);
            if (preProcessor != null) {
                Pair<INDArray, MaskState> next = preProcessor.feedForwardMaskArray(mask, state, minibatchSize);
                mask = next == null ? null : next.getFirst();
                state = next == null ? null : next.getSecond();
            }
            Layer layer = getLayer(i);
            layer.setMaskArray(mask);
            Pair<INDArray, MaskState> next = layer.feedForwardMaskArray(mask, state, minibatchSize);
            mask = next == null ? null : next.getFirst();
            state = next == null ? null : next.getSecond();
        }
        return new Pair<>(mask, state);
    }

    @Override
    public synchronized void fit(INDArray features, INDArray labels, INDArray featuresMask, INDArray labelsMask) {
        super.fit(features, labels, featuresMask != null ? featuresMask : PaddingMask.of(features), labelsMask);
    }

    @Override
    public double score(DataSet data, boolean training) {
        if (data.getFeaturesMaskArray() != null) {
            return super.score(data, training);
        }
        INDArray mask = PaddingMask.of(data.getFeatures());
        return super.score(mask == null ? data
                : new DataSet(data.getFeatures(), data.getLabels(), mask, data.getLabelsMaskArray()), training);
    }

    @Override
    public synchronized INDArray output(INDArray input, boolean train, INDArray featuresMask, INDArray labelsMask,
                                        MemoryWorkspace outputWorkspace) {
        return super.output(input, train, featuresMask != null ? featuresMask : PaddingMask.of(input), labelsMask,
                outputWorkspace);
    }

    /**
     * Input gradients (on the copy {@code Dl4jModel} makes of this network's class) of unpadded batches. Deeplearning4j
     * 1.0.0-M2.1's {@code calculateGradients} hands a feature mask on to the output layer, which then refuses it, so
     * a padded batch, which predictions mask, is refused rather than differentiated unmasked.
     */
    @Override
    public Pair<Gradient, INDArray> calculateGradients(INDArray features, INDArray labels, INDArray featuresMask, INDArray labelsMask) {
        if (featuresMask == null && PaddingMask.of(features) != null) {
            throw new UnsupportedOperationException("input gradients of padded (variable-length) sequences are not supported by "
                    + "the rnn family; give sequences of one length");
        }
        return super.calculateGradients(features, labels, featuresMask, labelsMask);
    }

    @Override
    public synchronized <T> T output(INDArray input, INDArray featuresMask, INDArray labelsMask, OutputAdapter<T> adapter) {
        return super.output(input, featuresMask != null ? featuresMask : PaddingMask.of(input), labelsMask, adapter);
    }
}
