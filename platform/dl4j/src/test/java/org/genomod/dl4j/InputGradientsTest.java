package org.genomod.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToRnnPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.RnnToCnnPreProcessor;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;
import org.genomod.api.model.Batch;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/** Input gradients against finite differences of the scores the models predict, for each kind of output. */
class InputGradientsTest {
    private static final double STEP = 1e-2;
    private static final double TOLERANCE = 0.02;

    private static Batch gaussian(int examples, int features, int outputs, long seed) {
        Random random = new Random(seed);
        float[] x = new float[examples * features];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        float[] y = new float[examples * outputs];
        for (int e = 0; e < examples; e++) {
            y[e * outputs + (x[e * features] > 0 ? outputs - 1 : 0)] = 1;
        }
        return new Batch(examples, x, y);
    }

    /** Tanh hidden layers with dropout (which gradients must leave out) and the task's head, which has dropout too. */
    private static MultiLayerNetwork dense(DatasetSchema schema, boolean batchNorm) {
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
                .seed(3).updater(new Adam(0.01)).dataType(DataType.FLOAT).list()
                .layer(new DenseLayer.Builder().nOut(12).activation(Activation.TANH).build())
                .layer(new DenseLayer.Builder().nOut(8).activation(Activation.TANH).dropOut(new Dropout(0.5)).build());
        if (batchNorm) {
            layers.layer(new BatchNormalization.Builder().build());
        }
        MultiLayerNetwork network = new MultiLayerNetwork(layers
                .layer(OutputHead.builder(schema).dropOut(new Dropout(0.5)).build())
                .setInputType(InputLayout.FLAT.inputType(schema.featureShape()))
                .build());
        network.init();
        return network;
    }

    private static void check(Dl4jModel model, Batch batch) {
        for (int output = 0; output < model.schema().labelSize(); output++) {
            FiniteDifferences.assertClose(FiniteDifferences.gradients(model, batch, output, STEP),
                    model.inputGradients(batch, output), TOLERANCE);
        }
    }

    @Test
    void binaryGradientsAreThoseOfTheLogOddsWithoutDropout() {
        DatasetSchema schema = new DatasetSchema(List.of(5), "test", TaskType.BINARY, List.of("positive"), null);
        Batch batch = gaussian(16, 5, 1, 1);
        MultiLayerNetwork network = dense(schema, false);
        try (Dl4jModel model = Dl4jModel.of(network, schema, InputLayout.FLAT, null)) {
            check(model, batch);
            for (int i = 0; i < 20; i++) {
                model.fit(batch); // the gradient copy shares the parameters, so it follows training
            }
            check(model, batch);
            // the copy left the original's configuration alone
            assertNotNull(network.getLayerWiseConfigurations().getConf(1).getLayer().getIDropout());
        }
    }

    @Test
    void multiclassGradientsAreThoseOfEachLogProbability() {
        DatasetSchema schema = new DatasetSchema(List.of(4), "test", TaskType.MULTICLASS, List.of("a", "b", "c"), null);
        try (Dl4jModel model = Dl4jModel.of(dense(schema, false), schema, InputLayout.FLAT, null)) {
            check(model, gaussian(12, 4, 3, 2));
        }
    }

    @Test
    void regressionGradientsAreThoseOfTheValues() {
        DatasetSchema schema = new DatasetSchema(List.of(4), "test", TaskType.REGRESSION, List.of("y", "z"), null);
        try (Dl4jModel model = Dl4jModel.of(dense(schema, false), schema, InputLayout.FLAT, null)) {
            check(model, gaussian(12, 4, 2, 3));
        }
    }

    @Test
    void classWeightsDoNotChangeTheGradients() {
        DatasetSchema schema = new DatasetSchema(List.of(5), "test", TaskType.BINARY, List.of("positive"), null);
        Batch batch = gaussian(8, 5, 1, 4);
        try (Dl4jModel plain = Dl4jModel.of(dense(schema, false), schema, InputLayout.FLAT, null);
             Dl4jModel weighted = Dl4jModel.of(dense(schema, false), schema, InputLayout.FLAT, new float[] {7})) {
            assertArrayEquals(plain.inputGradients(batch, 0), weighted.inputGradients(batch, 0), 1e-6f);
        }
    }

    @Test
    void sequenceGradientsComeBackInStoredOrder() {
        // [length 12, channels 4] fed channels-first to a convolution
        DatasetSchema schema = new DatasetSchema(List.of(12, 4), "dna-one-hot", TaskType.MULTILABEL, List.of("a", "b"), null);
        MultiLayerNetwork network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(5).dataType(DataType.FLOAT).list()
                .layer(new Convolution1DLayer.Builder(5).nOut(6).activation(Activation.TANH).build())
                .layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build())
                .layer(OutputHead.builder(schema).dropOut(new Dropout(0.8)).build())
                .setInputType(InputLayout.CHANNELS_FIRST.inputType(schema.featureShape()))
                .build());
        network.init();
        try (Dl4jModel model = Dl4jModel.of(network, schema, InputLayout.CHANNELS_FIRST, null)) {
            check(model, gaussian(6, 48, 2, 6));
        }
    }

    @Test
    void batchNormalisationIsTheAffineMapOfItsRunningStatistics() {
        DatasetSchema schema = new DatasetSchema(List.of(5), "test", TaskType.BINARY, List.of("positive"), null);
        Batch batch = gaussian(16, 5, 1, 7);
        MultiLayerNetwork network = dense(schema, true);
        try (Dl4jModel model = Dl4jModel.of(network, schema, InputLayout.FLAT, null)) {
            for (int i = 0; i < 30; i++) {
                model.fit(batch); // running mean and variance move away from 0 and 1
            }
            assertRunningStatisticsMoved(network, 2);
            check(model, batch);
            check(model, gaussian(3, 5, 1, 8)); // a small batch: its own statistics would be far from the running ones
        }
    }

    @Test
    void batchNormalisationOfChannelsOverAnImageView() {
        // convolution, batch norm on 4-D activations (each position an image of 5 channels), then the non-linearity
        DatasetSchema schema = new DatasetSchema(List.of(10, 4), "dna-one-hot", TaskType.MULTILABEL, List.of("a", "b"), null);
        MultiLayerNetwork network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(12).updater(new Adam(0.02)).dataType(DataType.FLOAT).list()
                .layer(new Convolution1DLayer.Builder(3).nOut(5).activation(Activation.IDENTITY).build())
                .inputPreProcessor(1, new RnnToCnnPreProcessor(1, 1, 5, RNNFormat.NCW))
                .layer(new BatchNormalization.Builder().build())
                .inputPreProcessor(2, new CnnToRnnPreProcessor(1, 1, 5, RNNFormat.NCW))
                .layer(new ActivationLayer(Activation.TANH))
                .layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build())
                .layer(OutputHead.builder(schema).build())
                .setInputType(InputLayout.CHANNELS_FIRST.inputType(schema.featureShape()))
                .build());
        network.init();
        Batch batch = gaussian(12, 40, 2, 13);
        try (Dl4jModel model = Dl4jModel.of(network, schema, InputLayout.CHANNELS_FIRST, null)) {
            for (int i = 0; i < 30; i++) {
                model.fit(batch);
            }
            assertRunningStatisticsMoved(network, 1);
            check(model, gaussian(4, 40, 2, 14));
        }
    }

    private static void assertRunningStatisticsMoved(MultiLayerNetwork network, int layer) {
        double mean = network.getLayer(layer).getParam("mean").ameanNumber().doubleValue();
        assertTrue(mean > 0.01, "running mean still near 0: " + mean);
    }

    @Test
    void graphGradientsCoverEveryInputAtItsOffset() {
        // a flat input of 3, then a [4, 2] sequence; two sigmoid heads, one with a loss weight
        DatasetSchema schema = new DatasetSchema(List.of(11), "joined", TaskType.MULTILABEL, List.of("a", "b"), null);
        List<Dl4jGraphModel.Input> inputs = List.of(new Dl4jGraphModel.Input(0, List.of(3), InputLayout.FLAT),
                new Dl4jGraphModel.Input(3, List.of(4, 2), InputLayout.CHANNELS_FIRST));
        ComputationGraph graph = new ComputationGraph(new NeuralNetConfiguration.Builder()
                .seed(8).updater(new Adam(0.01)).dataType(DataType.FLOAT).graphBuilder()
                .addInputs("flat", "sequence")
                .setInputTypes(inputs.get(0).inputType(), inputs.get(1).inputType())
                .addLayer("flat_dense", new DenseLayer.Builder().nOut(6).activation(Activation.TANH).build(), "flat")
                .addLayer("sequence_conv", new Convolution1DLayer.Builder(2).nOut(3).activation(Activation.TANH).build(), "sequence")
                .addLayer("sequence_pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "sequence_conv")
                .addVertex("merge", new MergeVertex(), "flat_dense", "sequence_pool")
                .addLayer("shared", new DenseLayer.Builder().nOut(8).activation(Activation.TANH).dropOut(new Dropout(0.5)).build(), "merge")
                .addLayer("head_a", new OutputLayer.Builder().nOut(1).activation(Activation.SIGMOID).lossFunction(new LossBinaryXENT()).build(), "shared")
                .addLayer("head_b", new OutputLayer.Builder().nOut(1).activation(Activation.SIGMOID)
                        .lossFunction(new LossBinaryXENT(Nd4j.create(new float[] {4f}, 1, 1))).build(), "shared")
                .setOutputs("head_a", "head_b")
                .build());
        graph.init();
        Batch batch = gaussian(10, 11, 2, 9);
        try (Dl4jGraphModel model = Dl4jGraphModel.of(graph, schema, inputs,
                List.of(new Dl4jGraphModel.Output(0, 1), new Dl4jGraphModel.Output(1, 1)), null)) {
            for (int output = 0; output < 2; output++) {
                FiniteDifferences.assertClose(FiniteDifferences.gradients(model, batch, output, STEP),
                        model.inputGradients(batch, output), TOLERANCE);
            }
            for (int i = 0; i < 10; i++) {
                model.fit(batch);
            }
            FiniteDifferences.assertClose(FiniteDifferences.gradients(model, batch, 1, STEP), model.inputGradients(batch, 1), TOLERANCE);
        }
    }

    @Test
    void multiclassGraphGradientsAreThoseOfTheLogProbability() {
        DatasetSchema schema = new DatasetSchema(List.of(4), "test", TaskType.MULTICLASS, List.of("a", "b", "c"), null);
        ComputationGraph graph = new ComputationGraph(new NeuralNetConfiguration.Builder()
                .seed(10).dataType(DataType.FLOAT).graphBuilder()
                .addInputs("x")
                .setInputTypes(InputLayout.FLAT.inputType(List.of(4)))
                .addLayer("hidden", new DenseLayer.Builder().nOut(6).activation(Activation.TANH).build(), "x")
                .addLayer("head", new OutputLayer.Builder().nOut(3).activation(Activation.SOFTMAX).lossFunction(new LossMCXENT()).build(), "hidden")
                .setOutputs("head")
                .build());
        graph.init();
        Batch batch = gaussian(8, 4, 3, 11);
        try (Dl4jGraphModel model = Dl4jGraphModel.of(graph, schema, List.of(new Dl4jGraphModel.Input(0, List.of(4), InputLayout.FLAT)),
                List.of(new Dl4jGraphModel.Output(0, 3)), null)) {
            for (int output = 0; output < 3; output++) {
                FiniteDifferences.assertClose(FiniteDifferences.gradients(model, batch, output, STEP),
                        model.inputGradients(batch, output), TOLERANCE);
            }
        }
    }
}
