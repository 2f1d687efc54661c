package org.genomod.model.cnn.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.genomod.dl4j.FilterBankModel;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;
import org.genomod.api.model.Batch;
import org.genomod.api.model.Model;
import org.genomod.api.model.ModelRequest;
import org.genomod.api.param.ParameterException;
import org.genomod.api.train.EarlyStopping;
import org.genomod.api.train.LearningRateSchedule;
import org.genomod.api.train.TrainingOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;

/**
 * A DeepBind-shaped network trained through the {@link GlobalMaxScan} (and {@link DirectUpdates} where they apply)
 * takes the steps Deeplearning4j's stock network takes from the same parameters: scores at every step, parameters and
 * updater state afterwards, to 1e-5 of the largest value.
 */
class GlobalMaxScanTest {
    private static final int LENGTH = 101;

    private static MultiLayerConfiguration configuration(Map<String, ?> raw, TrainingOptions training, int labels)
            throws ParameterException {
        List<String> names = labels == 1 ? List.of("bound") : List.of("a", "b", "c").subList(0, labels);
        DatasetSchema schema = new DatasetSchema(List.of(LENGTH, 4), "dna-one-hot",
                labels == 1 ? TaskType.BINARY : TaskType.MULTILABEL, names, null);
        return CnnNetworks.configuration(CnnHyperParameters.architecture(CnnHyperParameters.SCHEMA.validate(raw, Path.of(""))),
                schema, training, 7, "auto");
    }

    private static TrainingOptions training(String optimizer, double gradientClip) {
        return new TrainingOptions(1, 16, optimizer, optimizer.equals("adam") ? 1e-2 : 0.1, gradientClip, false,
                EarlyStopping.none());
    }

    @ParameterizedTest
    @ValueSource(strings = {"adam", "sgd"})
    void deepBindTrainsAsTheStockNetwork(String optimizer) throws ParameterException {
        for (int labels : new int[] {1, 3}) {
            UnfoldingNetwork ours = assertTrainsAsStock(configuration(Map.of("preset", "deepbind"), training(optimizer, 0), labels),
                    oneHot(16, 1), null);
            assertTrue(ours.scans());
            assertTrue(ours.updatesDirectly());
            ours.close();
        }
    }

    /** A batch split over three threads (one unfolded chunk and product each) takes the stock network's steps. */
    @Test
    void batchesSplitOverThreadsTrainAsTheStockNetwork() {
        PartsTest.withThreads(3, () -> {
            try {
                assertTrainsAsStock(configuration(Map.of("preset", "deepbind"), training("adam", 0), 3), oneHot(48, 13), null)
                        .close();
            } catch (ParameterException e) {
                throw new AssertionError(e);
            }
        });
    }

    /** A learning-rate schedule keyed by epoch (the trainer's) steps the direct updates as it steps Deeplearning4j's. */
    @Test
    void scheduledLearningRatesFollowTheEpoch() throws ParameterException {
        TrainingOptions scheduled = new TrainingOptions(3, 16, "adam", 1e-2, 0, false, EarlyStopping.none(),
                new LearningRateSchedule("step", 0.1, 1));
        MultiLayerConfiguration conf = configuration(Map.of("preset", "deepbind"), scheduled, 1);
        UnfoldingNetwork ours = new UnfoldingNetwork(conf);
        ours.init();
        MultiLayerNetwork stock = new MultiLayerNetwork(conf.clone());
        stock.init(ours.params().dup(), true);
        INDArray features = oneHot(16, 8);
        INDArray labels = Nd4j.rand(DataType.FLOAT, 16, 1).gt(0.5).castTo(DataType.FLOAT);
        for (int epoch = 0; epoch < 3; epoch++) {
            for (MultiLayerNetwork network : List.of(ours, stock)) {
                network.getLayerWiseConfigurations().setEpochCount(epoch);
                network.fit(features, labels, null, null);
                network.fit(features, labels, null, null);
            }
        }
        assertTrue(ours.updatesDirectly());
        StockComparison.assertClose(stock.params(), ours.params(), "parameters after three epochs");
        ours.close();
        stock.close();
    }

    /** Through the family and the platform's model (whose output layer weighs class weights) the scan still trains. */
    @Test
    void familyModelsTrainThroughTheScan() throws Exception {
        DatasetSchema schema = new DatasetSchema(List.of(LENGTH, 4), "dna-one-hot", TaskType.BINARY, List.of("bound"), null);
        CnnModelFamily family = new CnnModelFamily();
        ModelRequest request = new ModelRequest(schema, family.hyperParameters().validate(Map.of("preset", "deepbind"), Path.of(".")),
                training("adam", 0), null, 0);
        try (Model model = family.create(request)) {
            float[] features = oneHot(4, 10).reshape(4 * 4 * LENGTH).toFloatVector();
            model.fit(new Batch(4, transposed(features, 4), new float[] {1, 0, 1, 0}));
            UnfoldingNetwork network = (UnfoldingNetwork) ((FilterBankModel) model).network().multiLayerNetwork();
            assertTrue(network.scans());
            assertTrue(network.updatesDirectly());
        }
    }

    /** {@code [size, 4, LENGTH]} values as the batch's row-major {@code [size, LENGTH, 4]}. */
    private static float[] transposed(float[] channelsFirst, int size) {
        float[] values = new float[channelsFirst.length];
        for (int b = 0; b < size; b++) {
            for (int c = 0; c < 4; c++) {
                for (int t = 0; t < LENGTH; t++) {
                    values[(b * LENGTH + t) * 4 + c] = channelsFirst[(b * 4 + c) * LENGTH + t];
                }
            }
        }
        return values;
    }

    /** Clipping and L2 leave the update to Deeplearning4j's updater, which takes the scan's gradient. */
    @Test
    void clippingAndL2AreDeeplearning4jsUpdatesOfTheScansGradient() throws ParameterException {
        UnfoldingNetwork clipped = assertTrainsAsStock(configuration(Map.of("preset", "deepbind"), training("adam", 0.05), 1),
                oneHot(16, 2), null);
        UnfoldingNetwork penalised = assertTrainsAsStock(configuration(Map.of("preset", "deepbind", "l2", 1e-3),
                training("sgd", 0), 1), oneHot(16, 3), null);
        for (UnfoldingNetwork network : List.of(clipped, penalised)) {
            assertTrue(network.scans());
            assertFalse(network.updatesDirectly());
            network.close();
        }
    }

    /**
     * Label weights (the labels' mask, as class weights arrive) keep Deeplearning4j's layers: weighing them is the
     * output layer's work (in the platform's models, {@code WeightedOutputLayer}'s), not the scan's.
     */
    @Test
    void weightedLabelsTrainAsTheStockNetwork() throws ParameterException {
        Nd4j.getRandom().setSeed(5);
        INDArray weights = Nd4j.rand(DataType.FLOAT, 16, 3).muli(2);
        UnfoldingNetwork ours = assertTrainsAsStock(configuration(Map.of("preset", "deepbind"), training("adam", 0), 3),
                oneHot(16, 4), weights);
        assertFalse(ours.updatesDirectly());
        ours.close();
    }

    /**
     * Same padding, a ReLU activation layer of its own and two dense layers: still the scan's shape. 12 outputs are
     * eight summed side by side and four one by one.
     */
    @Test
    void samePaddedScansWithDenseStacksTrainAsTheStockNetwork() throws ParameterException {
        MultiLayerConfiguration conf = configuration(Map.of("filters", List.of(6), "widths", List.of(5), "pooling", List.of(-1),
                "padding", "same", "dense", List.of(12, 5), "dropout", 0.0, "batch_norm", false), training("adam", 0), 3);
        Nd4j.getRandom().setSeed(6);
        UnfoldingNetwork ours = assertTrainsAsStock(conf, Nd4j.rand(DataType.FLOAT, 16, 4, LENGTH).subi(0.5), null);
        assertTrue(ours.scans());
        ours.close();
    }

    /** A run of one base makes every window alike: the first takes the gradient, as Deeplearning4j's IsMax gives it. */
    @Test
    void tiedMaximaSendTheGradientToTheFirstWindow() throws ParameterException {
        INDArray sameBase = Nd4j.zeros(DataType.FLOAT, 16, 4, LENGTH);
        for (int b = 0; b < 16; b++) {
            sameBase.get(org.nd4j.linalg.indexing.NDArrayIndex.point(b), org.nd4j.linalg.indexing.NDArrayIndex.point(b % 4),
                    org.nd4j.linalg.indexing.NDArrayIndex.all()).assign(1);
        }
        assertTrainsAsStock(configuration(Map.of("preset", "deepbind"), training("sgd", 0), 1), sameBase, null).close();
    }

    /**
     * Inference on one-hot input (Ns included) goes through {@link OneHotMaxima}, whose table must follow the filters
     * as they train; input that is not one-hot (a soft N) through the convolution. Both give the stock outputs.
     */
    @Test
    void inferenceGivesTheStockOutputsWithAndWithoutOneHotInput() throws ParameterException {
        MultiLayerConfiguration conf = configuration(Map.of("preset", "deepbind"), training("adam", 0), 1);
        UnfoldingNetwork ours = new UnfoldingNetwork(conf);
        ours.init();
        MultiLayerNetwork stock = new MultiLayerNetwork(conf.clone());
        stock.init(ours.params().dup(), true);
        INDArray withNs = Nd4j.createFromArray(OneHotMaximaTest.oneHot(16, 4, LENGTH, new java.util.Random(11)))
                .reshape(16, 4, LENGTH);
        INDArray softN = withNs.dup();
        softN.get(org.nd4j.linalg.indexing.NDArrayIndex.point(2), org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.point(50)).assign(0.25);
        INDArray labels = Nd4j.rand(DataType.FLOAT, 16, 1).gt(0.5).castTo(DataType.FLOAT);
        for (int step = 0; step < 2; step++) {
            for (INDArray features : List.of(oneHot(16, 12), withNs, softN)) {
                StockComparison.assertClose(stock.output(features), ours.output(features), "outputs at step " + step);
            }
            ours.fit(withNs, labels);
            stock.fit(withNs, labels);
        }
        assertTrue(ours.scans());
        ours.close();
        stock.close();
    }

    @Test
    void binaryCrossEntropyIsDeeplearning4jsIncludingSaturatedProbabilities() {
        float[] logits = {-30f, -12f, -3f, -0.5f, 0f, 0.7f, 4f, 11.5f, 25f, -8f};
        float[] labels = {0, 1, 0, 1, 1, 0, 1, 0, 1, 1};
        INDArray logitArray = Nd4j.createFromArray(logits).reshape(5, 2);
        INDArray labelArray = Nd4j.createFromArray(labels).reshape(5, 2);
        LossBinaryXENT loss = new LossBinaryXENT();
        double expectedScore = loss.computeScore(labelArray, logitArray.dup(), new ActivationSigmoid(), null, false);
        float[] expectedGradient = loss.computeGradient(labelArray, logitArray.dup(), new ActivationSigmoid(), null)
                .reshape(10).toFloatVector();
        float[] gradient = new float[10];
        double score = GlobalMaxScan.binaryCrossEntropy(logits, labels, (float) loss.getClipEps(), gradient);
        assertEquals(expectedScore, score, 1e-5 * Math.abs(expectedScore));
        for (int i = 0; i < 10; i++) {
            assertEquals(expectedGradient[i], gradient[i], 1e-6 + 1e-5 * Math.abs(expectedGradient[i]), "gradient " + i);
        }
    }

    @Test
    void otherShapesKeepDeeplearning4jsLayers() throws ParameterException {
        List<Map<String, ?>> others = List.of(
                Map.of("preset", "deepbind", "dropout", 0.2),
                Map.of("preset", "deepbind", "activation", "tanh"),
                Map.of("preset", "basset"),
                Map.of("filters", List.of(6), "widths", List.of(5), "pooling", List.of(4), "dense", List.of(7), "dropout", 0.0));
        for (Map<String, ?> raw : others) {
            UnfoldingNetwork network = new UnfoldingNetwork(configuration(raw, training("adam", 0), 1));
            network.init();
            assertFalse(network.scans(), raw.toString());
            network.close();
        }
    }

    /** Five steps of ours and of the stock network from the same parameters; returns ours, trained. */
    private static UnfoldingNetwork assertTrainsAsStock(MultiLayerConfiguration conf, INDArray features, INDArray labelWeights) {
        UnfoldingNetwork ours = new UnfoldingNetwork(conf);
        ours.init();
        MultiLayerNetwork stock = new MultiLayerNetwork(conf.clone());
        stock.init(ours.params().dup(), true);
        int outputs = (int) stock.layerSize(stock.getnLayers() - 1);
        Nd4j.getRandom().setSeed(9);
        INDArray labels = Nd4j.rand(DataType.FLOAT, features.size(0), outputs).gt(0.5).castTo(DataType.FLOAT);
        for (int step = 0; step < 5; step++) {
            ours.fit(features, labels, null, labelWeights);
            stock.fit(features, labels, null, labelWeights);
            assertEquals(stock.score(), ours.score(), 1e-5 * Math.max(1, Math.abs(stock.score())), "score at step " + step);
        }
        StockComparison.assertClose(stock.params(), ours.params(), "parameters after five steps");
        if (stock.getUpdater().getStateViewArray() != null) {
            StockComparison.assertClose(stock.getUpdater().getStateViewArray(), ours.getUpdater().getStateViewArray(),
                    "updater state after five steps");
        }
        assertEquals(stock.getLayerWiseConfigurations().getIterationCount(), ours.getLayerWiseConfigurations().getIterationCount());
        StockComparison.assertClose(stock.output(features), ours.output(features), "outputs after five steps");
        stock.close();
        return ours;
    }

    /** {@code size} random one-hot sequences {@code [size, 4, LENGTH]}. */
    private static INDArray oneHot(int size, long seed) {
        java.util.Random random = new java.util.Random(seed);
        float[] values = new float[size * 4 * LENGTH];
        for (int b = 0; b < size; b++) {
            for (int position = 0; position < LENGTH; position++) {
                values[(b * 4 + random.nextInt(4)) * LENGTH + position] = 1;
            }
        }
        return Nd4j.createFromArray(values).reshape(size, 4, LENGTH);
    }
}
