package org.genomod.model.cnn.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;
import org.genomod.api.model.Batch;
import org.genomod.api.model.Model;
import org.genomod.api.model.ModelRequest;
import org.genomod.api.param.ParameterException;
import org.genomod.api.train.EarlyStopping;
import org.genomod.api.train.TrainingOptions;
import org.genomod.dl4j.Dl4jModel;
import org.genomod.dl4j.FilterBankModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The Java batch normalisation, ReLU and max pooling layers ({@link StreamingBatchNormalization},
 * {@link StreamingRelu}, {@link StreamingMaxPooling}) in an {@link UnfoldingNetwork} compute what Deeplearning4j's
 * layers compute in a stock {@code MultiLayerNetwork} with the same parameters: activations of every layer in
 * training and inference, the score, every parameter's gradient, input gradients, and the parameters (running
 * statistics included) after Adam steps, to 1e-5; ties in max pooling and zeros in ReLU exactly as Deeplearning4j
 * treats them; and only the cases they implement are replaced.
 */
class StreamingLayersTest {
    private static final TrainingOptions ADAM = new TrainingOptions(1, 64, "adam", 1e-3, 0, false, EarlyStopping.none());

    private static MultiLayerConfiguration configuration(int length, Map<String, ?> raw) throws ParameterException {
        DatasetSchema schema = new DatasetSchema(List.of(length, 4), "dna-one-hot", TaskType.MULTILABEL, List.of("a", "b", "c"), null);
        return CnnNetworks.configuration(CnnHyperParameters.architecture(CnnHyperParameters.SCHEMA.validate(raw, Path.of(""))),
                schema, ADAM, 7, "auto");
    }

    private static Map<String, ?> bassetLike(List<Integer> pooling) {
        return Map.of("filters", List.of(8, 6, 5), "widths", List.of(5, 3, 3), "pooling", pooling, "batch_norm", true,
                "dense", List.of(7), "dropout", 0.0);
    }

    /**
     * Lengths that pool evenly (60 / 3 / 2 / 2) and with remainders (71), global pooling last, both variance forms;
     * and a batch whose first layers' passes split into three tasks ({@link FloatRows#split}) on three threads.
     */
    static Stream<Arguments> networks() {
        return Stream.of(Arguments.of(60, List.of(3, 2, 2), true, 6, 1), Arguments.of(71, List.of(3, 2, 2), true, 6, 1),
                Arguments.of(64, List.of(4, 2, -1), true, 6, 1), Arguments.of(60, List.of(3, 2, 2), false, 6, 1),
                Arguments.of(2400, List.of(3, 2, 2), true, 48, 3));
    }

    @ParameterizedTest(name = "length {0}, pooling {1}, log std {2}, batch {3}, {4} threads")
    @MethodSource("networks")
    void networksComputeWhatTheStockLayersCompute(int length, List<Integer> pooling, boolean logStd, int batch, int threads) {
        // the first convolution's 8 filters: its batch normalisation's, ReLU's and pooling's passes
        assertEquals(threads > 1 ? 3 : 1, FloatRows.tasks(batch * 8, length), "tasks of the first layers' passes");
        PartsTest.withThreads(threads, () -> computeWhatTheStockLayersCompute(length, pooling, logStd, batch));
    }

    private static void computeWhatTheStockLayersCompute(int length, List<Integer> pooling, boolean logStd, int batch) {
        MultiLayerConfiguration conf;
        try {
            conf = configuration(length, bassetLike(pooling));
        } catch (ParameterException e) {
            throw new AssertionError(e);
        }
        for (int i = 0; i < conf.getConfs().size(); i++) {
            if (conf.getConf(i).getLayer() instanceof BatchNormalization norm) {
                norm.setUseLogStd(logStd);
            }
            if (conf.getConf(i).getLayer() instanceof BaseLayer layer) {
                // Adam's epsilon well above rounding noise: the convolution biases before batch normalisation have
                // gradients that are exactly 0 but for rounding, which Adam's 1e-8 would turn into whole steps
                layer.setIUpdater(new Adam(1e-3, 0.9, 0.999, 1e-4));
            }
        }
        UnfoldingNetwork ours = new UnfoldingNetwork(conf);
        ours.init();
        assertEquals(3, count(ours, StreamingBatchNormalization.class));
        assertEquals(3, count(ours, StreamingRelu.class));
        // pooling over windows streams; global pooling over the whole sequence (-1) keeps Deeplearning4j's
        assertEquals(pooling.contains(-1) ? 2 : 3, count(ours, StreamingMaxPooling.class));
        MultiLayerNetwork stock = new MultiLayerNetwork(conf.clone());
        stock.init(ours.params().dup(), true);
        assertEquals(0, count(stock, StreamingBatchNormalization.class) + count(stock, StreamingRelu.class)
                + count(stock, StreamingMaxPooling.class));

        Nd4j.getRandom().setSeed(3);
        INDArray input = Nd4j.rand(DataType.FLOAT, batch, 4, length).subi(0.5);
        INDArray labels = Nd4j.rand(DataType.FLOAT, batch, 3).gt(0.5).castTo(DataType.FLOAT);
        assertActivationsClose(stock.feedForward(input, true), ours.feedForward(input, true), "training");
        assertActivationsClose(stock.feedForward(input, false), ours.feedForward(input, false), "inference");

        for (MultiLayerNetwork network : List.of(ours, stock)) {
            network.setInput(input);
            network.setLabels(labels);
            network.computeGradientAndScore();
        }
        assertEquals(stock.score(), ours.score(), 1e-6);
        Map<String, INDArray> expected = stock.gradient().gradientForVariable();
        Map<String, INDArray> actual = ours.gradient().gradientForVariable();
        assertEquals(expected.keySet(), actual.keySet());
        double largest = Transforms.abs(stock.gradient().gradient()).maxNumber().doubleValue();
        for (String parameter : expected.keySet()) {
            if (normalisedBias(conf, parameter)) {
                // batch normalisation takes out a bias before it: its gradient is 0 but for rounding, in both
                assertTrue(Transforms.abs(expected.get(parameter)).maxNumber().doubleValue() <= 1e-5 * largest, parameter);
                assertTrue(Transforms.abs(actual.get(parameter)).maxNumber().doubleValue() <= 1e-5 * largest, parameter);
            } else {
                assertClose(expected.get(parameter), actual.get(parameter), 0, "gradient of " + parameter);
            }
        }
        INDArray stockInputGradient = stock.calculateGradients(input, labels, null, null).getSecond();
        assertClose(stockInputGradient, ours.calculateGradients(input, labels, null, null).getSecond(),
                Transforms.abs(stockInputGradient).maxNumber().doubleValue(), "input gradients");

        for (int step = 0; step < 4; step++) {
            ours.fit(input, labels);
            stock.fit(input, labels);
        }
        for (Map.Entry<String, INDArray> parameter : stock.paramTable().entrySet()) {
            // running means, log10 deviations (or variances), gammas, betas, weights, biases
            assertClose(parameter.getValue(), ours.paramTable().get(parameter.getKey()), 1, parameter.getKey() + " after four steps");
        }
        assertClose(stock.output(input, false), ours.output(input, false), 1, "inference outputs after four steps");
        assertClose(stock.output(input, true), ours.output(input, true), 1, "training-mode outputs after four steps");
        ours.close();
        stock.close();
    }

    /** Whether {@code parameter} ("layer_name") is the bias of a layer that batch normalisation follows. */
    private static boolean normalisedBias(MultiLayerConfiguration conf, String parameter) {
        int layer = Integer.parseInt(parameter.substring(0, parameter.indexOf('_')));
        return parameter.endsWith("_b") && layer + 1 < conf.getConfs().size()
                && conf.getConf(layer + 1).getLayer() instanceof BatchNormalization;
    }

    private static long count(MultiLayerNetwork network, Class<? extends Layer> type) {
        return Stream.of(network.getLayers()).filter(type::isInstance).count();
    }

    private static void assertActivationsClose(List<INDArray> expected, List<INDArray> actual, String mode) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertClose(expected.get(i), actual.get(i), 1, mode + " activations of layer " + (i - 1));
        }
    }

    /** {@code actual} within {@code 1e-5 × max(scale, max |expected|)} of {@code expected}, elementwise. */
    private static void assertClose(INDArray expected, INDArray actual, double scale, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what);
        double difference = Transforms.abs(expected.sub(actual)).maxNumber().doubleValue();
        double tolerance = 1e-5 * Math.max(scale, Transforms.abs(expected).maxNumber().doubleValue());
        assertTrue(difference <= tolerance, what + " differ by " + difference + " (tolerance " + tolerance + ")");
    }

    /** Windows with equal maxima: the gradient goes to the first of them, as Deeplearning4j's IsMax puts it. */
    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 5})
    void maxPoolingPassesTiedMaximaTheGradientAsDeeplearning4jDoes(int width) {
        Layer stock = instantiate(new GlobalPoolingLayer.Builder(PoolingType.MAX).build());
        assertSame(stock, LayerSwaps.faster(stock, 1, DataType.FLOAT, null), "a whole sequence keeps Deeplearning4j's pooling");
        Layer ours = LayerSwaps.faster(stock, 1, DataType.FLOAT, new PoolingWindows(2, 200 * width, width));
        assertInstanceOf(StreamingMaxPooling.class, ours);
        Random random = new Random(5);
        float[] values = new float[200 * 2 * width];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextInt(3) - (i % 7 == 0 ? 0.0f : 1.0f); // many ties, some of them at 0
        }
        INDArray input = Nd4j.createFromArray(values).reshape('c', 200, 2, width);
        INDArray epsilon = Nd4j.rand(DataType.FLOAT, 200, 2).addi(0.5);
        for (boolean training : new boolean[] {true, false}) {
            assertSameLayerResults(stock, ours, input, epsilon, training);
        }
    }

    /** Zeros and negative zeros: ReLU keeps them and passes them no gradient, as Deeplearning4j's ops do. */
    @Test
    void reluTreatsZerosAsDeeplearning4jDoes() {
        Layer stock = instantiate(new ActivationLayer(Activation.RELU));
        Layer ours = LayerSwaps.faster(stock, 1, DataType.FLOAT, null);
        assertInstanceOf(StreamingRelu.class, ours);
        float[] choices = {-2f, -0f, 0f, 0.25f, 3f};
        Random random = new Random(6);
        float[] values = new float[9 * 5 * 7];
        for (int i = 0; i < values.length; i++) {
            values[i] = choices[random.nextInt(choices.length)];
        }
        INDArray input = Nd4j.createFromArray(values).reshape('c', 9, 5, 7);
        INDArray epsilon = Nd4j.rand(DataType.FLOAT, 9, 5, 7).subi(0.5);
        for (boolean training : new boolean[] {true, false}) {
            assertSameLayerResults(stock, ours, input, epsilon, training);
        }
    }

    private static Layer instantiate(org.deeplearning4j.nn.conf.layers.Layer layer) {
        NeuralNetConfiguration conf = new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT).layer(layer).build();
        return conf.getLayer().instantiate(conf, List.of(), 1, null, false, DataType.FLOAT);
    }

    /** The same output (both given a copy of the input: inference may work in place) and input gradient, exactly. */
    private static void assertSameLayerResults(Layer stock, Layer ours, INDArray input, INDArray epsilon, boolean training) {
        LayerWorkspaceMgr workspaces = LayerWorkspaceMgr.noWorkspaces();
        INDArray[] outputs = new INDArray[2];
        INDArray[] gradients = new INDArray[2];
        Layer[] layers = {stock, ours};
        for (int i = 0; i < 2; i++) {
            layers[i].setInput(input.dup(), workspaces);
            outputs[i] = layers[i].activate(training, workspaces).dup();
            gradients[i] = layers[i].backpropGradient(epsilon.dup(), workspaces).getSecond().dup();
        }
        String mode = training ? "training" : "inference";
        assertEquals(outputs[0], outputs[1], mode + " outputs");
        assertEquals(gradients[0], gradients[1], mode + " input gradients");
    }

    /** ReLUs with a cap or slope, other poolings and fixed gamma and beta keep Deeplearning4j's layers. */
    @Test
    void onlyTheCasesImplementedAreReplaced() {
        List<org.deeplearning4j.nn.conf.layers.Layer> kept = List.of(
                new ActivationLayer(new ActivationReLU(6.0, null, null)),
                new ActivationLayer(Activation.LEAKYRELU),
                new ActivationLayer(Activation.ELU),
                new GlobalPoolingLayer.Builder(PoolingType.AVG).build(),
                new GlobalPoolingLayer.Builder(PoolingType.MAX).collapseDimensions(false).build());
        for (org.deeplearning4j.nn.conf.layers.Layer layer : kept) {
            Layer stock = instantiate(layer);
            assertSame(stock, LayerSwaps.faster(stock, 1, DataType.FLOAT, new PoolingWindows(2, 12, 3)), layer.toString());
        }
        Layer relu = instantiate(new ActivationLayer(Activation.RELU));
        assertSame(relu, LayerSwaps.faster(relu, 1, DataType.DOUBLE, null), "a double network keeps Deeplearning4j's ReLU");
    }

    @Test
    void batchNormalisationWithFixedGammaAndBetaKeepsTheStockLayer() throws ParameterException {
        MultiLayerConfiguration conf = configuration(60, bassetLike(List.of(3, 2, 2)));
        for (int i = 0; i < conf.getConfs().size(); i++) {
            if (conf.getConf(i).getLayer() instanceof BatchNormalization norm) {
                norm.setLockGammaBeta(true);
            }
        }
        UnfoldingNetwork network = new UnfoldingNetwork(conf);
        network.init();
        assertEquals(0, count(network, StreamingBatchNormalization.class));
        assertEquals(3, count(network, StreamingRelu.class));
        network.close();
    }

    /**
     * A family model trained, differentiated and saved: the same predictions and input gradients as the stock layers
     * with its parameters (input gradients pass the Java ReLU and pooling after an inference forward pass), and once
     * loaded, the Java layers again and the same predictions and loss.
     */
    @Test
    void familyModelsPredictDifferentiateAndLoadAsTheStockLayers(@TempDir Path directory) throws Exception {
        DatasetSchema schema = new DatasetSchema(List.of(80, 4), "dna-one-hot", TaskType.MULTILABEL, List.of("a", "b", "c"), null);
        CnnModelFamily family = new CnnModelFamily();
        ModelRequest request = new ModelRequest(schema, family.hyperParameters().validate(bassetLike(List.of(3, 2, 2)), Path.of(".")),
                ADAM, null, 0);
        Batch batch = randomBatch(10, new Random(4));
        try (Model model = family.create(request)) {
            for (int i = 0; i < 3; i++) {
                model.fit(batch);
            }
            FilterBankModel filters = (FilterBankModel) model;
            MultiLayerNetwork network = filters.network().multiLayerNetwork();
            assertEquals(3, count(network, StreamingBatchNormalization.class));
            MultiLayerNetwork plain = new MultiLayerNetwork(network.getLayerWiseConfigurations().clone());
            plain.init(network.params().dup(), true);
            try (FilterBankModel stock = new FilterBankModel(Dl4jModel.of(plain, schema, CnnNetworks.LAYOUT, null))) {
                assertArrayEquals(stock.predict(batch), model.predict(batch), 1e-5f);
                assertEquals(stock.loss(batch), model.loss(batch), 1e-5);
                float[] expected = stock.inputGradients(batch, 1);
                assertArrayEquals(expected, filters.inputGradients(batch, 1), 1e-5f * max(expected));
            }

            model.save(directory);
            try (Model loaded = family.load(directory, schema, request.hyperParameters())) {
                MultiLayerNetwork reloaded = ((FilterBankModel) loaded).network().multiLayerNetwork();
                assertEquals(3, count(reloaded, StreamingBatchNormalization.class));
                assertEquals(3, count(reloaded, StreamingMaxPooling.class));
                assertArrayEquals(model.predict(batch), loaded.predict(batch));
                assertEquals(model.loss(batch), loaded.loss(batch), 1e-6);
            }
        }
    }

    private static float max(float[] values) {
        float max = 0;
        for (float v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    private static Batch randomBatch(int size, Random random) {
        float[] features = new float[size * 80 * 4];
        float[] labels = new float[size * 3];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < 80; j++) {
                features[(i * 80 + j) * 4 + random.nextInt(4)] = 1;
            }
            for (int k = 0; k < 3; k++) {
                labels[i * 3 + k] = random.nextBoolean() ? 1 : 0;
            }
        }
        return new Batch(size, features, labels);
    }
}
