package org.genomod.dl4j;

import java.util.Optional;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.genomod.api.model.Batch;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The bank of filters a sequence network starts with: a {@link Convolution1DLayer} as its first layer, with
 * unit stride and dilation, followed perhaps by batch normalisation and an activation layer. Its activations are
 * read after the non-linearity (where a filter's response to a motif shows), at the placements that lie wholly
 * on the sequence: a layer with {@code same} or causal padding computes more, which are left out.
 */
@ProviderType
public final class ConvolutionFilters {
    private final int count;
    private final int width;
    /** The network layer whose output is the filters' activation: the convolution, or the batch norm/activation after it. */
    private final int activationLayer;
    /** The output position of placement 0 (the padding on the left). */
    private final int firstPlacement;

    private ConvolutionFilters(int count, int width, int activationLayer, int firstPlacement) {
        this.count = count;
        this.width = width;
        this.activationLayer = activationLayer;
        this.firstPlacement = firstPlacement;
    }

    /** The network's first-layer filters, or empty when it does not start with a plain 1-D convolution. */
    public static Optional<ConvolutionFilters> of(MultiLayerNetwork network) {
        if (network.getnLayers() == 0 || !(layer(network, 0) instanceof Convolution1DLayer convolution)
                || convolution.getStride()[0] != 1 || convolution.getDilation()[0] != 1) {
            return Optional.empty();
        }
        int width = convolution.getKernelSize()[0];
        int left = switch (convolution.getConvolutionMode()) {
            // Deeplearning4j puts the smaller half of same padding on the left
            case Same -> (width - 1) / 2;
            case Causal -> width - 1;
            default -> convolution.getPadding()[0];
        };
        int last = 0;
        while (last + 1 < network.getnLayers()
                && (layer(network, last + 1) instanceof BatchNormalization || layer(network, last + 1) instanceof ActivationLayer)) {
            last++;
        }
        return Optional.of(new ConvolutionFilters((int) convolution.getNOut(), width, last, left));
    }

    /** Layer {@code index}'s configuration, seen through the freezing of transfer learning. */
    private static Layer layer(MultiLayerNetwork network, int index) {
        Layer layer = network.getLayerWiseConfigurations().getConf(index).getLayer();
        if (layer instanceof FrozenLayer frozen) {
            return frozen.getLayer();
        }
        return layer instanceof FrozenLayerWithBackprop frozen ? frozen.getUnderlying() : layer;
    }

    public int count() {
        return count;
    }

    public int width() {
        return width;
    }

    /**
     * Activations of {@code model}'s filters (the model must wrap the network this was made from), {@code size ×
     * windows × count} row-major with {@code windows = length - width + 1}.
     */
    public float[] activations(Dl4jModel model, Batch batch) {
        int length = model.schema().featureShape().get(0);
        int windows = length - width + 1;
        if (windows < 1) {
            throw new IllegalArgumentException("sequences of " + length + " positions are shorter than the filters' width " + width);
        }
        // [size, count, positions] (channels first), perhaps with a trailing unit dimension after batch norm
        float[] output = model.layerOutput(batch, activationLayer);
        int positions = output.length / (batch.size() * count);
        if (firstPlacement + windows > positions) {
            throw new IllegalStateException("the first layer gives " + positions + " positions, not the " + (firstPlacement + windows)
                    + " its padding implies");
        }
        float[] activations = new float[batch.size() * windows * count];
        for (int e = 0; e < batch.size(); e++) {
            for (int f = 0; f < count; f++) {
                int from = (e * count + f) * positions + firstPlacement;
                for (int p = 0; p < windows; p++) {
                    activations[(e * windows + p) * count + f] = output[from + p];
                }
            }
        }
        return activations;
    }
}
