package org.genomod.model.cnn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInitRelu;
import org.deeplearning4j.nn.weights.WeightInitXavier;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;
import org.genomod.api.param.ParameterException;
import org.genomod.api.param.Parameters;
import org.genomod.api.train.EarlyStopping;
import org.genomod.api.train.TrainingOptions;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;

class CnnArchitectureTest {
    private static final TrainingOptions DEFAULTS = TrainingOptions.defaults();
    private static final DatasetSchema SPLICE = schema(60, TaskType.MULTICLASS, "EI", "IE", "N");

    private static DatasetSchema schema(int length, TaskType task, String... outputs) {
        return new DatasetSchema(List.of(length, 4), "dna-one-hot", task, List.of(outputs), null);
    }

    private static Parameters parameters(Map<String, ?> raw) throws ParameterException {
        return CnnHyperParameters.SCHEMA.validate(raw, Path.of("."));
    }

    private static List<String> problems(DatasetSchema schema, Map<String, ?> raw) throws ParameterException {
        return new CnnModelFamily().check(schema, parameters(raw));
    }

    private static MultiLayerConfiguration configuration(DatasetSchema schema, Map<String, ?> raw, TrainingOptions training)
            throws ParameterException {
        return CnnNetworks.configuration(CnnHyperParameters.architecture(parameters(raw)), schema, training, 123, "auto");
    }

    private static Layer layer(MultiLayerConfiguration conf, int index) {
        return conf.getConf(index).getLayer();
    }

    private static long parameterCount(MultiLayerConfiguration conf) {
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        try {
            return network.numParams();
        } finally {
            network.close();
        }
    }

    @Test
    void deepbindPresetIsTheBenchmarkArchitecture() throws ParameterException {
        MultiLayerConfiguration conf = configuration(schema(101, TaskType.BINARY, "bound"), Map.of("preset", "deepbind"), DEFAULTS);
        assertEquals(4, conf.getConfs().size());
        Convolution1DLayer conv = assertInstanceOf(Convolution1DLayer.class, layer(conf, 0));
        assertEquals(24, conv.getKernelSize()[0]);
        assertEquals(16, conv.getNOut());
        assertEquals(ConvolutionMode.Truncate, conv.getConvolutionMode()); // valid
        assertEquals(PoolingType.MAX, assertInstanceOf(GlobalPoolingLayer.class, layer(conf, 1)).getPoolingType());
        assertEquals(32, assertInstanceOf(DenseLayer.class, layer(conf, 2)).getNOut());
        OutputLayer output = assertInstanceOf(OutputLayer.class, layer(conf, 3));
        assertEquals(1, output.getNOut());
        assertEquals(Activation.SIGMOID.getActivationFunction(), output.getActivationFn());
        assertInstanceOf(LossBinaryXENT.class, output.getLossFn());
        // Conv1d(4→16, w24) + Dense(16→32) + Dense(32→1), as the PyTorch reference counts them
        assertEquals((4 * 24 * 16 + 16) + (16 * 32 + 32) + (32 + 1), parameterCount(conf));
    }

    @Test
    void deepseaPresetHasThePapersShapeAndSize() throws ParameterException {
        DatasetSchema schema = new DatasetSchema(List.of(1000, 4), "dna-one-hot", TaskType.MULTILABEL,
                IntStream.range(0, 919).mapToObj(i -> "feature" + i).toList(), null);
        MultiLayerConfiguration conf = configuration(schema, Map.of("preset", "deepsea"), DEFAULTS);
        // conv 4->320 w8, pool 4, conv 320->480 w8, pool 4, conv 480->960 w8 (1000 -> 993 -> 248 -> 241 -> 60 -> 53 positions),
        // dense 53 x 960 -> 925, 919 sigmoid outputs: 52,843,119 parameters as in DeepSEA
        assertEquals((4 * 8 * 320 + 320) + (320 * 8 * 480 + 480) + (480 * 8 * 960 + 960) + (53 * 960 * 925 + 925) + (925 * 919 + 919),
                parameterCount(conf));
        assertEquals(52_843_119, parameterCount(conf));
    }

    @Test
    void bassetPresetIsTheBenchmarkArchitecture() throws ParameterException {
        DatasetSchema schema = new DatasetSchema(List.of(600, 4), "dna-one-hot", TaskType.MULTILABEL,
                IntStream.range(0, 164).mapToObj(i -> "cell" + i).toList(), null);
        MultiLayerConfiguration conf = configuration(schema, Map.of("preset", "basset"), DEFAULTS);
        int[][] blocks = {{300, 19, 3}, {200, 11, 4}, {200, 7, 4}};
        for (int b = 0; b < 3; b++) {
            Convolution1DLayer conv = assertInstanceOf(Convolution1DLayer.class, layer(conf, 4 * b));
            assertEquals(blocks[b][0], conv.getNOut());
            assertEquals(blocks[b][1], conv.getKernelSize()[0]);
            assertEquals(ConvolutionMode.Same, conv.getConvolutionMode());
            assertInstanceOf(BatchNormalization.class, layer(conf, 4 * b + 1));
            assertInstanceOf(ActivationLayer.class, layer(conf, 4 * b + 2));
            assertInstanceOf(GlobalPoolingLayer.class, layer(conf, 4 * b + 3)); // max over each window of the pool size
            assertEquals(blocks[b][2], assertInstanceOf(PoolingWindows.class, conf.getInputPreProcess(4 * b + 3)).getPool());
        }
        DenseLayer dense1 = assertInstanceOf(DenseLayer.class, layer(conf, 12));
        assertEquals(200 * 12, dense1.getNIn()); // 600 / 3 / 4 / 4 = 12 positions, flattened
        assertEquals(1000, dense1.getNOut());
        assertEquals(0.7, ((Dropout) layer(conf, 13).getIDropout()).getP(), 1e-12); // dropout 0.3 = retain 0.7
        assertEquals(164, ((OutputLayer) layer(conf, 14)).getNOut());
        long pytorch = (4 * 19 * 300 + 300) + 2 * 300 + (300 * 11 * 200 + 200) + 2 * 200 + (200 * 7 * 200 + 200) + 2 * 200
                + (2400 * 1000 + 1000) + (1000 * 1000 + 1000) + (1000 * 164 + 164);
        long runningStatistics = 2 * (300 + 200 + 200); // Deeplearning4j counts batch norm's running mean and variance
        assertEquals(pytorch + runningStatistics, parameterCount(conf));
    }

    @Test
    void bassetRunsForwardOnItsInput() throws ParameterException {
        DatasetSchema schema = schema(600, TaskType.MULTILABEL, "a", "b");
        MultiLayerNetwork network = new MultiLayerNetwork(configuration(schema, Map.of("preset", "basset"), DEFAULTS));
        network.init();
        INDArray out = network.output(Nd4j.rand(DataType.FLOAT, 2, 4, 600));
        assertEquals(List.of(2L, 2L), List.of(out.size(0), out.size(1)));
        network.close();
    }

    @Test
    void batchNormNormalisesEachChannelOverBatchAndPositions() throws ParameterException {
        DatasetSchema schema = schema(50, TaskType.BINARY, "b");
        MultiLayerNetwork network = new MultiLayerNetwork(configuration(schema,
                Map.of("filters", List.of(6), "widths", List.of(5), "pooling", List.of(0), "batch_norm", true), DEFAULTS));
        network.init();
        INDArray input = Nd4j.rand(DataType.FLOAT, 8, 4, 50).muli(3).addi(1);
        INDArray normalised = network.feedForwardToLayer(1, input, true).get(2); // [input, conv, batch norm]
        assertEquals(List.of(8L, 6L, 50L, 1L), List.of(normalised.size(0), normalised.size(1), normalised.size(2), normalised.size(3)));
        for (int c = 0; c < 6; c++) {
            INDArray channel = normalised.get(NDArrayIndex.all(), NDArrayIndex.point(c), NDArrayIndex.all(), NDArrayIndex.all());
            assertEquals(0, channel.meanNumber().doubleValue(), 1e-3);
            assertEquals(1, channel.varNumber().doubleValue(), 0.01);
        }
        network.close();
    }

    @Test
    void explicitKeysOverrideThePreset() throws ParameterException {
        MultiLayerConfiguration conf = configuration(schema(101, TaskType.BINARY, "bound"),
                Map.of("preset", "deepbind", "filters", List.of(8), "dense", List.of()), DEFAULTS);
        assertEquals(3, conf.getConfs().size());
        assertEquals(8, ((Convolution1DLayer) layer(conf, 0)).getNOut());
        assertEquals((4 * 24 * 8 + 8) + (8 + 1), parameterCount(conf));

        // no dense layers and no global pooling: the output layer reads the flattened positions
        MultiLayerConfiguration flat = configuration(SPLICE, Map.of("dense", List.of()), DEFAULTS);
        assertEquals(32 * 15, ((OutputLayer) layer(flat, 3)).getNIn()); // 60 positions pooled by 4, 32 filters
        assertEquals((4 * 9 * 32 + 32) + (32 * 5 * 32 + 32) + (32 * 15 * 3 + 3), parameterCount(flat));
    }

    @Test
    void trainingOptionsRegularisationAndDropoutReachTheNetwork() throws ParameterException {
        TrainingOptions sgd = new TrainingOptions(1, 32, "sgd", 0.05, 1.0, false, EarlyStopping.none());
        MultiLayerConfiguration conf = configuration(SPLICE, Map.of("l2", 1e-4, "dropout", 0.25), sgd);
        BaseLayer conv = (BaseLayer) layer(conf, 0);
        assertEquals(0.05, assertInstanceOf(Sgd.class, conv.getIUpdater()).getLearningRate(), 1e-12);
        assertEquals(GradientNormalization.ClipElementWiseAbsoluteValue, conv.getGradientNormalization());
        assertEquals(1.0, conv.getGradientNormalizationThreshold(), 1e-12);
        assertTrue(conv.getRegularization().stream().anyMatch(r -> r instanceof L2Regularization), conv.getRegularization().toString());
        assertInstanceOf(WeightInitRelu.class, conv.getWeightInitFn());
        assertEquals(123, conf.getConf(0).getSeed());
        // custom: conv, conv, pool, dense, output; dropout after the hidden dense layer only
        assertEquals(null, layer(conf, 3).getIDropout());
        assertEquals(0.75, ((Dropout) layer(conf, 4).getIDropout()).getP(), 1e-12);
        assertEquals(3, ((OutputLayer) layer(conf, 4)).getNOut());

        MultiLayerConfiguration tanh = configuration(SPLICE, Map.of("activation", "tanh"), DEFAULTS);
        assertInstanceOf(WeightInitXavier.class, ((BaseLayer) layer(tanh, 0)).getWeightInitFn());
        assertEquals(Activation.TANH.getActivationFunction(), ((BaseLayer) layer(tanh, 0)).getActivationFn());
    }

    @Test
    void defaultsFitShortSequences() throws ParameterException {
        assertEquals(List.of(), problems(SPLICE, Map.of()));
        assertEquals(List.of(), problems(schema(101, TaskType.BINARY, "b"), Map.of("preset", "deepbind")));
        assertEquals(List.of(), problems(schema(600, TaskType.BINARY, "b"), Map.of("preset", "basset")));
    }

    @Test
    void checkReportsWhatDoesNotFit() throws ParameterException {
        assertProblem(problems(SPLICE, Map.of("filters", List.of(8, 8), "widths", List.of(5))), "one entry per convolution layer");
        assertProblem(problems(schema(20, TaskType.BINARY, "b"), Map.of("preset", "deepbind")), "wider than the 20 positions");
        assertProblem(problems(SPLICE, Map.of("filters", List.of(8), "widths", List.of(3), "pooling", List.of(61))),
                "pooling 61 after convolution layer 1 is wider than the 60 positions left");
        assertProblem(problems(schema(30, TaskType.BINARY, "b"), Map.of("preset", "basset")),
                "pooling 4 after convolution layer 3 is wider than the 2 positions left");
        assertProblem(problems(SPLICE, Map.of("filters", List.of(8, 8), "widths", List.of(3, 3), "pooling", List.of(-1, 0))),
                "must come after the last convolution layer");
        DatasetSchema flat = new DatasetSchema(List.of(240), "flat", TaskType.BINARY, List.of("b"), null);
        assertProblem(problems(flat, Map.of()), "needs sequences of shape [length, channels]");
    }

    private static void assertProblem(List<String> problems, String expected) {
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains(expected), problems.get(0));
    }

    @Test
    void schemaRejectsValuesOutOfRange() {
        assertThrows(ParameterException.class, () -> parameters(Map.of("dropout", 0.95)));
        assertThrows(ParameterException.class, () -> parameters(Map.of("pooling", List.of(-2))));
        assertThrows(ParameterException.class, () -> parameters(Map.of("filters", List.of(0))));
        assertThrows(ParameterException.class, () -> parameters(Map.of("activation", "sigmoid")));
        assertThrows(ParameterException.class, () -> parameters(Map.of("preset", "resnet")));
        assertThrows(ParameterException.class, () -> parameters(Map.of("l2", -1)));
        assertThrows(ParameterException.class, () -> parameters(Map.of("kernel", 3)));
    }

    @Test
    void onlyThePresetAndLossHaveSchemaDefaults() throws ParameterException {
        Parameters none = parameters(Map.of());
        assertEquals(Map.of("preset", "custom", "loss", "auto", "strands", "forward"), none.asMap());
        assertEquals(Preset.CUSTOM.architecture(), CnnHyperParameters.architecture(none));
        assertTrue(CnnHyperParameters.SCHEMA.parameter("filters").orElseThrow().description()
                .contains("deepbind [16], deepsea [320, 480, 960], basset [300, 200, 200]"));
    }
}
