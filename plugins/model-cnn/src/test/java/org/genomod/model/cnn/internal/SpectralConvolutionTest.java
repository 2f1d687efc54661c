package org.genomod.model.cnn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;
import org.genomod.api.param.ParameterException;
import org.genomod.api.train.EarlyStopping;
import org.genomod.api.train.TrainingOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Same-padded convolutions computed from spectra ({@link SpectralConvolution} in an {@link UnfoldingNetwork}) compute
 * what Deeplearning4j's Convolution1DLayer computes: scores, parameter gradients, updates, outputs and input
 * gradients, to 1e-5 of the largest value.
 */
class SpectralConvolutionTest {
    // SGD: Adam would turn the float noise of a gradient that is zero in exact arithmetic (a convolution's bias before
    // batch norm) into a whole step of either sign
    private static final TrainingOptions SGD = new TrainingOptions(1, 5, "sgd", 0.1, 0, false, EarlyStopping.none());

    private static MultiLayerConfiguration configuration(int length, Map<String, ?> raw, int outputs) throws ParameterException {
        DatasetSchema schema = new DatasetSchema(List.of(length, 4), "dna-one-hot", TaskType.MULTILABEL,
                IntStream.range(0, outputs).mapToObj(i -> "task" + i).toList(), null);
        return CnnNetworks.configuration(CnnHyperParameters.architecture(CnnHyperParameters.SCHEMA.validate(raw, Path.of(""))),
                schema, SGD, 7, "auto");
    }


    /** Every same-padded convolution but the first (unfolded) forced onto the spectral route; odd and even transform sizes, with and without batch norm. */
    @ParameterizedTest
    @ValueSource(ints = {33, 40})
    void forcedSpectralNetworksComputeWhatTheStockLayersCompute(int length) throws ParameterException {
        assertEquivalent(configuration(length, Map.of("filters", List.of(8, 6, 5), "widths", List.of(5, 3, 7),
                "pooling", List.of(2, 0, 0), "dense", List.of(7), "dropout", 0.0, "batch_norm", true), 3), length, true, 2);
        assertEquivalent(configuration(length, Map.of("filters", List.of(6, 5), "widths", List.of(9, 3),
                "pooling", List.of(0, 0), "dense", List.of(4), "dropout", 0.0, "activation", "tanh"), 2), length, true, 1);
    }

    /** The frequencies' products split over three threads: the same results. */
    @Test
    void frequenciesSplitOverThreadsComputeWhatTheStockLayersCompute() {
        PartsTest.withThreads(3, () -> {
            try {
                assertEquivalent(configuration(60, Map.of("filters", List.of(8, 6), "widths", List.of(5, 3),
                        "pooling", List.of(2, 0), "dense", List.of(7), "dropout", 0.0), 2), 60, true, 1);
            } catch (ParameterException e) {
                throw new AssertionError(e);
            }
        });
    }

    /** Valid convolutions, even widths included, forced onto the spectral route after the unfolded first one. */
    @Test
    void forcedSpectralValidNetworksComputeWhatTheStockLayersCompute() throws ParameterException {
        assertEquivalent(configuration(50, Map.of("filters", List.of(8, 6, 5), "widths", List.of(5, 4, 3), "padding", "valid",
                "pooling", List.of(2, 0, 0), "dense", List.of(7), "dropout", 0.0, "batch_norm", true), 3), 50, true, 2);
        assertEquivalent(configuration(41, Map.of("filters", List.of(6, 5), "widths", List.of(8, 8), "padding", "valid",
                "pooling", List.of(3, 0), "dense", List.of(4), "dropout", 0.0), 2), 41, true, 1);
    }

    @Test
    void deepSeaTakesTheSpectralRouteInItsSecondAndThirdConvolutions() throws ParameterException {
        UnfoldingNetwork network = new UnfoldingNetwork(configuration(1000, Map.of("preset", "deepsea"), 3));
        network.init();
        assertInstanceOf(UnfoldedConvolution.class, network.getLayer(0));
        List<SpectralConvolution> convolutions = spectralLayers(network);
        assertEquals(2, convolutions.size());
        assertTrue(convolutions.get(0).pays(64, 320, 248)); // 1000 - 7 = 993 positions, pooled by 4
        assertTrue(convolutions.get(1).pays(64, 480, 60));
        network.close();
    }

    /** Channels enough for the spectral route to pay by itself (the second layer). */
    @Test
    void wideLayersTakeTheSpectralRouteByThemselves() throws ParameterException {
        assertEquivalent(configuration(40, Map.of("filters", List.of(64, 64), "widths", List.of(5, 11),
                "pooling", List.of(0, 0), "dense", List.of(8), "dropout", 0.0, "batch_norm", true), 2), 40, false, 1);
    }

    @Test
    void bassetUnfoldsItsFirstConvolutionAndTakesTheSpectralRouteInTheOthers() throws ParameterException {
        UnfoldingNetwork network = new UnfoldingNetwork(configuration(600, Map.of("preset", "basset"), 164));
        network.init();
        List<SpectralConvolution> convolutions = spectralLayers(network);
        assertInstanceOf(UnfoldedConvolution.class, network.getLayer(0));
        assertEquals(2, convolutions.size());
        assertTrue(convolutions.get(0).pays(64, 300, 200));
        assertTrue(convolutions.get(1).pays(64, 200, 50));
        assertFalse(convolutions.get(0).pays(64, 8, 200)); // few channels: the direct convolution is cheaper
        network.close();
    }

    private static List<SpectralConvolution> spectralLayers(UnfoldingNetwork network) {
        List<SpectralConvolution> convolutions = new ArrayList<>();
        for (int i = 0; i < network.getnLayers(); i++) {
            if (network.getLayer(i) instanceof SpectralConvolution spectral) {
                convolutions.add(spectral);
            }
        }
        return convolutions;
    }

    /** @param spectralLayers how many layers must run spectrally */
    private static void assertEquivalent(MultiLayerConfiguration conf, int length, boolean force, int spectralLayers) {
        UnfoldingNetwork ours = new UnfoldingNetwork(conf);
        ours.init();
        int spectral = 0;
        for (int i = 0; i < ours.getnLayers(); i++) {
            if (ours.getLayer(i) instanceof SpectralConvolution layer) {
                if (force) {
                    layer.always();
                }
                if (force || layer.pays(5, layer.getParam("W").size(1), length)) {
                    spectral++;
                }
            }
        }
        assertEquals(spectralLayers, spectral);
        StockComparison.assertComputesAsStock(ours, length, 2);
        ours.close();
    }
}
