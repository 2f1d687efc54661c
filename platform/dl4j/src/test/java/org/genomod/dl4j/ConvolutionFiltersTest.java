package org.genomod.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;
import org.genomod.api.model.Batch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;

/** First-layer filter activations against the convolution computed by hand from the layer's weights. */
class ConvolutionFiltersTest {
    private static final int LENGTH = 15;
    private static final DatasetSchema SCHEMA = new DatasetSchema(List.of(LENGTH, 4), "dna-one-hot", TaskType.BINARY, List.of("p"), null);

    private static MultiLayerNetwork network(ConvolutionMode mode, int width) {
        MultiLayerNetwork network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(2).dataType(DataType.FLOAT).list()
                .layer(new Convolution1DLayer.Builder(width).nOut(5).convolutionMode(mode).activation(Activation.TANH).build())
                .layer(new GlobalPoolingLayer.Builder(PoolingType.MAX).build())
                .layer(OutputHead.layer(SCHEMA))
                .setInputType(InputLayout.CHANNELS_FIRST.inputType(SCHEMA.featureShape()))
                .build());
        network.init();
        return network;
    }

    @ParameterizedTest
    @EnumSource(value = ConvolutionMode.class, names = {"Same", "Truncate", "Causal"})
    void activationsAreTheFilterAppliedToEachWholeWindow(ConvolutionMode mode) {
        for (int width : new int[] {4, 5}) {
            MultiLayerNetwork network = network(mode, width);
            ConvolutionFilters filters = ConvolutionFilters.of(network).orElseThrow();
            assertEquals(5, filters.count());
            assertEquals(width, filters.width());
            Random random = new Random(width);
            float[] x = new float[3 * LENGTH * 4];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) random.nextGaussian();
            }
            Batch batch = new Batch(3, x, null);
            // the layer's flat parameters: 5 biases, then the kernel [filters, channels, width] in column-major order
            float[] parameters = network.getLayer(0).params().toFloatVector();
            try (Dl4jModel model = Dl4jModel.of(network, SCHEMA, InputLayout.CHANNELS_FIRST, null)) {
                float[] activations = filters.activations(model, batch);
                int windows = LENGTH - width + 1;
                assertEquals(3 * windows * 5, activations.length);
                for (int e = 0; e < 3; e++) {
                    for (int p = 0; p < windows; p++) {
                        for (int f = 0; f < 5; f++) {
                            double sum = parameters[f];
                            for (int k = 0; k < width; k++) {
                                for (int c = 0; c < 4; c++) {
                                    sum += parameters[5 + f + 5 * (c + 4 * k)] * x[(e * LENGTH + p + k) * 4 + c];
                                }
                            }
                            assertEquals(Math.tanh(sum), activations[(e * windows + p) * 5 + f], 1e-5,
                                    mode + " width " + width + " window " + p + " filter " + f);
                        }
                    }
                }
            }
        }
    }

    @Test
    void aFrozenFirstConvolutionStillHasFilters() {
        MultiLayerNetwork network = network(ConvolutionMode.Same, 5);
        MultiLayerNetwork frozen = new TransferLearning.Builder(network).setFeatureExtractor(0).build();
        ConvolutionFilters filters = ConvolutionFilters.of(frozen).orElseThrow();
        assertEquals(5, filters.count());
        assertEquals(5, filters.width());
    }

    @Test
    void networksThatDoNotStartWithAConvolutionHaveNoFilters() {
        MultiLayerNetwork dense = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(3).build())
                .layer(OutputHead.builder(SCHEMA).nIn(3).build())
                .build());
        dense.init();
        assertTrue(ConvolutionFilters.of(dense).isEmpty());
    }
}
