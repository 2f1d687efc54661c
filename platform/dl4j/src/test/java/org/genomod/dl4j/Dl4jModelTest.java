package org.genomod.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;
import org.genomod.api.model.Batch;
import org.genomod.api.model.ModelState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.regularization.Regularization;

class Dl4jModelTest {
    private static final DatasetSchema BINARY = new DatasetSchema(List.of(4), "test", TaskType.BINARY, List.of("positive"), null);
    private static final int EXAMPLES = 256;

    @TempDir
    Path dir;

    /** 4 normal features; positive when x0 + x1 > threshold. */
    private static Batch data(long seed, double threshold) {
        Random random = new Random(seed);
        float[] features = new float[EXAMPLES * 4];
        float[] labels = new float[EXAMPLES];
        for (int i = 0; i < EXAMPLES; i++) {
            for (int j = 0; j < 4; j++) {
                features[i * 4 + j] = (float) random.nextGaussian();
            }
            labels[i] = features[i * 4] + features[i * 4 + 1] > threshold ? 1 : 0;
        }
        return new Batch(EXAMPLES, features, labels);
    }

    private static MultiLayerNetwork dense(DatasetSchema schema, long seed) {
        MultiLayerNetwork network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(seed).updater(new Adam(0.05)).dataType(DataType.FLOAT).list()
                .layer(new DenseLayer.Builder().nOut(8).activation(Activation.TANH).build())
                .layer(OutputHead.layer(schema))
                .setInputType(InputLayout.FLAT.inputType(schema.featureShape()))
                .build());
        network.init();
        return network;
    }

    private static Dl4jModel model(long seed, float[] classWeights) {
        return Dl4jModel.of(dense(BINARY, seed), BINARY, InputLayout.FLAT, classWeights);
    }

    @Test
    void fitLowersTheLossAndPredictsProbabilities() {
        Batch batch = data(1, 0);
        try (Dl4jModel model = model(7, null)) {
            double before = model.loss(batch);
            for (int i = 0; i < 100; i++) {
                model.fit(batch);
            }
            assertTrue(model.loss(batch) < before / 3, "loss " + before + " -> " + model.loss(batch));
            float[] p = model.predict(batch);
            assertEquals(EXAMPLES, p.length);
            int correct = 0;
            for (int i = 0; i < EXAMPLES; i++) {
                assertTrue(p[i] > 0 && p[i] < 1);
                correct += (p[i] > 0.5) == (batch.labels()[i] == 1) ? 1 : 0;
            }
            assertTrue(correct > 0.9 * EXAMPLES, correct + " of " + EXAMPLES + " correct");
        }
    }

    @Test
    void fitReportsTheLossBeforeItsUpdate() {
        Batch batch = data(1, 0);
        try (Dl4jModel model = model(7, null)) {
            double scored = model.loss(batch);
            assertEquals(scored, model.fit(batch), 1e-5);
            assertTrue(model.loss(batch) < scored);
        }
    }

    @Test
    void lossDoesNotUpdate() {
        Batch batch = data(2, 0);
        try (Dl4jModel model = model(7, null)) {
            float[] before = model.predict(batch);
            model.loss(batch);
            model.loss(batch);
            assertArrayEquals(before, model.predict(batch));
        }
    }

    @Test
    void restoreReturnsToTheSnapshot() {
        Batch batch = data(3, 0);
        try (Dl4jModel model = model(7, null); Dl4jModel other = model(7, null)) {
            model.fit(batch);
            float[] atSnapshot = model.predict(batch);
            ModelState state = model.snapshot();
            for (int i = 0; i < 5; i++) {
                model.fit(batch);
            }
            assertFalse(Arrays.equals(atSnapshot, model.predict(batch)));
            model.restore(state);
            assertArrayEquals(atSnapshot, model.predict(batch));
            model.fit(batch);
            model.restore(state);
            assertArrayEquals(atSnapshot, model.predict(batch), "a state can be restored more than once");
            assertThrows(IllegalArgumentException.class, () -> other.restore(state));
        }
    }

    @Test
    void savedModelLoadsWithIdenticalPredictions() throws IOException {
        Batch batch = data(4, 0);
        float[] saved;
        try (Dl4jModel model = model(7, null)) {
            for (int i = 0; i < 10; i++) {
                model.fit(batch);
            }
            saved = model.predict(batch);
            model.save(dir);
        }
        assertTrue(Files.isRegularFile(dir.resolve(Dl4jModel.NETWORK_FILE)));
        try (Dl4jModel loaded = Dl4jModel.load(dir, BINARY, InputLayout.FLAT)) {
            assertArrayEquals(saved, loaded.predict(batch));
            assertEquals(4 * 8 + 8 + 8 + 1, loaded.parameterCount());
        }
    }

    @Test
    void loadingFromAnEmptyDirectoryNamesTheMissingFile(@TempDir Path empty) {
        IOException e = assertThrows(IOException.class, () -> Dl4jModel.load(empty, BINARY, InputLayout.FLAT));
        assertTrue(e.getMessage().contains(Dl4jModel.NETWORK_FILE), e.getMessage());
    }

    @Test
    void sameSeedSameInitialPredictions() {
        Batch batch = data(5, 0);
        try (Dl4jModel a = model(11, null); Dl4jModel b = model(11, null); Dl4jModel c = model(12, null)) {
            assertArrayEquals(a.predict(batch), b.predict(batch));
            assertFalse(Arrays.equals(a.predict(batch), c.predict(batch)));
        }
    }

    @Test
    void batchesOfEachSizeReadOnlyTheirOwnExamples() {
        Batch full = data(6, 0);
        try (Dl4jModel model = model(7, null)) {
            float[] all = model.predict(full);
            // a smaller batch in the same (larger, reused) arrays, then the full size again
            Batch three = new Batch(3, full.features(), full.labels());
            assertArrayEquals(Arrays.copyOf(all, 3), model.predict(three));
            assertArrayEquals(all, model.predict(full));
            assertThrows(IllegalArgumentException.class, () -> model.predict(new Batch(EXAMPLES + 1, full.features(), null)));
            assertThrows(IllegalArgumentException.class, () -> model.fit(new Batch(3, full.features(), null)));
        }
    }

    @Test
    void positiveClassWeightBalancesRareLabels() {
        // labels independent of the features, 10 % positive: the best a model can do is predict the base rate,
        // which a positive weight of 9 moves from 0.1 to 0.5
        Random random = new Random(8);
        Batch batch = data(8, 0);
        for (int i = 0; i < EXAMPLES; i++) {
            batch.labels()[i] = random.nextDouble() < 0.1 ? 1 : 0;
        }
        double unweighted = meanPrediction(batch, null);
        double weighted = meanPrediction(batch, new float[] {9});
        assertTrue(unweighted < 0.2 && weighted > 0.35, "mean probability " + unweighted + " unweighted, " + weighted + " weighted");
    }

    private static double meanPrediction(Batch batch, float[] weights) {
        try (Dl4jModel model = model(7, weights)) {
            for (int i = 0; i < 60; i++) {
                model.fit(batch);
            }
            double sum = 0;
            for (float p : model.predict(batch)) {
                sum += p;
            }
            return sum / batch.size();
        }
    }

    @Test
    void channelsFirstFeedsConv1dTheTransposedSequence() {
        int length = 12;
        int channels = 4;
        DatasetSchema schema = new DatasetSchema(List.of(length, channels), "dna-one-hot", TaskType.MULTICLASS,
                List.of("a", "b", "c"), null);
        MultiLayerNetwork network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(3).dataType(DataType.FLOAT).convolutionMode(ConvolutionMode.Truncate).list()
                .layer(new Convolution1DLayer.Builder(5).nOut(6).activation(Activation.RELU).build())
                .layer(new GlobalPoolingLayer.Builder(PoolingType.MAX).build())
                .layer(OutputHead.layer(schema))
                .setInputType(InputLayout.CHANNELS_FIRST.inputType(schema.featureShape()))
                .build());
        network.init();
        Random random = new Random(9);
        int n = 5;
        float[] features = new float[n * length * channels];
        for (int i = 0; i < features.length; i++) {
            features[i] = random.nextFloat();
        }
        try (Dl4jModel model = Dl4jModel.of(network, schema, InputLayout.CHANNELS_FIRST, null)) {
            float[] predicted = model.predict(new Batch(n, features, null));
            INDArray ncw = Nd4j.create(features, new long[] {n, length, channels}).permute(0, 2, 1).dup('c');
            assertArrayEquals(network.output(ncw).reshape(n * 3L).toFloatVector(), predicted, 1e-6f);
            for (int i = 0; i < n; i++) {
                assertEquals(1, predicted[3 * i] + predicted[3 * i + 1] + predicted[3 * i + 2], 1e-5);
            }
            assertEquals(4 * 5 * 6 + 6 + 6 * 3 + 3, model.parameterCount());
            assertTrue(model.summary().contains("Convolution1DLayer"), model.summary());
        }
    }

    @Test
    void closedModelRefusesWork() {
        Dl4jModel model = model(7, null);
        model.close();
        model.close();
        assertThrows(IllegalStateException.class, () -> model.predict(data(1, 0)));
    }

    private static org.genomod.api.param.Parameters noParameters() {
        try {
            return org.genomod.api.param.ParameterSchema.empty().validate(java.util.Map.of(), Path.of("."));
        } catch (org.genomod.api.param.ParameterException e) {
            throw new AssertionError(e);
        }
    }

    /** Transfer: frozen layers keep the parent's weights, a new head is sized for the new outputs and trains. */
    @Test
    void transferFreezesLeadingLayersAndReplacesTheHead() {
        DatasetSchema multiclass = new DatasetSchema(List.of(4), "test", TaskType.MULTICLASS, List.of("a", "b", "c"), null);
        org.genomod.api.train.TrainingOptions adam = new org.genomod.api.train.TrainingOptions(1, 64, "adam", 0.05, 0, false,
                org.genomod.api.train.EarlyStopping.none());
        try (Dl4jModel parent = Dl4jModel.of(dense(BINARY, 1), BINARY, InputLayout.FLAT, null)) {
            Batch a = data(1, 0);
            for (int i = 0; i < 20; i++) {
                parent.fit(a);
            }
            INDArray parentHidden = ((SequentialNetwork) parent.network()).multiLayerNetwork().getLayer(0).params().dup();
            org.genomod.api.model.ModelRequest request = new org.genomod.api.model.ModelRequest(multiclass,
                    noParameters(), adam, null, 5);
            try (Dl4jModel child = Dl4jModel.transfer(parent, request, new org.genomod.api.model.Transfer(
                    org.genomod.api.model.Transfer.ALL_BUT_HEAD, true), "auto")) {
                Batch b = data(2, 0);
                float[] labels = new float[EXAMPLES * 3];
                for (int i = 0; i < EXAMPLES; i++) {
                    labels[i * 3 + (b.labels()[i] > 0 ? 0 : 1 + (i % 2))] = 1;
                }
                Batch three = new Batch(EXAMPLES, b.features(), labels);
                float[] before = child.predict(three);
                assertEquals(EXAMPLES * 3, before.length);
                double first = child.fit(three);
                double last = first;
                for (int i = 0; i < 30; i++) {
                    last = child.fit(three);
                }
                assertTrue(last < first, "the new head trains: " + first + " -> " + last);
                MultiLayerNetwork net = ((SequentialNetwork) child.network()).multiLayerNetwork();
                assertEquals(parentHidden, net.getLayer(0).params(), "the frozen layer keeps the parent's weights");
                // the parent is untouched by the child's training and still predicts
                assertEquals(parentHidden, ((SequentialNetwork) parent.network()).multiLayerNetwork().getLayer(0).params());
            }
            IllegalArgumentException keep = assertThrows(IllegalArgumentException.class, () -> Dl4jModel.transfer(parent,
                    new org.genomod.api.model.ModelRequest(multiclass, noParameters(), adam, null, 5),
                    new org.genomod.api.model.Transfer(0, false), "auto"));
            assertTrue(keep.getMessage().startsWith("keeping the parent's head needs the same outputs"), keep.getMessage());
            DatasetSchema wider = new DatasetSchema(List.of(5), "test", TaskType.BINARY, List.of("positive"), null);
            IllegalArgumentException shape = assertThrows(IllegalArgumentException.class, () -> Dl4jModel.transfer(parent,
                    new org.genomod.api.model.ModelRequest(wider, noParameters(), adam, null, 5),
                    new org.genomod.api.model.Transfer(0, true), "auto"));
            assertEquals("the parent model takes test examples of shape [4], the data is test of shape [5]", shape.getMessage());
        }
    }

    /**
     * Named layers, here only the middle one of three hidden layers (not a prefix), keep the parent's weights
     * while the layers before and after it train; the frozen model saves and reloads with equal predictions.
     */
    @Test
    void transferFreezesNamedLayersAnywhereInTheStack(@TempDir Path directory) throws IOException {
        org.genomod.api.train.TrainingOptions adam = new org.genomod.api.train.TrainingOptions(1, 64, "adam", 0.05, 0, false,
                org.genomod.api.train.EarlyStopping.none());
        MultiLayerNetwork stack = threeHidden();
        try (Dl4jModel parent = Dl4jModel.of(stack, BINARY, InputLayout.FLAT, null)) {
            assertEquals(List.of("layer0", "layer1", "layer2", "layer3"), Dl4jModel.layerNames(stack));
            org.genomod.api.model.ModelRequest request = new org.genomod.api.model.ModelRequest(BINARY, noParameters(), adam, null, 5);
            org.genomod.api.model.Transfer middle = org.genomod.api.model.Transfer.named(List.of("layer1"), true);
            Batch batch = data(2, 0);
            float[] reloaded;
            float[] predicted;
            try (Dl4jModel child = Dl4jModel.transfer(parent, request, middle, "auto")) {
                MultiLayerNetwork net = child.multiLayerNetwork();
                INDArray before = net.params().dup();
                for (int i = 0; i < 10; i++) {
                    child.fit(batch);
                }
                assertEquals(stack.getLayer(1).params(), net.getLayer(1).params(), "the named layer keeps the parent's weights");
                for (int layer : new int[] {0, 2}) {
                    assertNotEquals(stack.getLayer(layer).params(), net.getLayer(layer).params(), "layer " + layer + " trains");
                }
                assertNotEquals(before, net.params(), "the new head trains");
                assertTrue(child.summary().contains("layer1"), child.summary());
                assertEquals(Dl4jModel.layerNames(stack), Dl4jModel.layerNames(net), "frozen layers keep their names");
                predicted = child.predict(batch);
                child.save(directory);
            }
            try (Dl4jModel loaded = Dl4jModel.load(directory, BINARY, InputLayout.FLAT)) {
                reloaded = loaded.predict(batch);
            }
            assertArrayEquals(predicted, reloaded);
            IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Dl4jModel.transfer(parent, request,
                    org.genomod.api.model.Transfer.named(List.of("layer1", "conv1"), true), "auto"));
            assertEquals("the parent model has no layer named 'conv1': its layers are [layer0, layer1, layer2, layer3]",
                    unknown.getMessage());
            IllegalArgumentException head = assertThrows(IllegalArgumentException.class, () -> Dl4jModel.transfer(parent, request,
                    org.genomod.api.model.Transfer.named(List.of("layer3"), false), "auto"));
            assertEquals("cannot freeze the output head 'layer3': the head at least must train", head.getMessage());
        }
    }

    /**
     * A transfer from a fine-tuned model freezes exactly the layers it names: the child froze layer0 (leading, a
     * {@code FrozenLayer}) and layer2 (behind a trainable layer, a {@code FrozenLayerWithBackprop}, saved with its own
     * L2); the grandchild, made from the child as saved, freezes layer1 alone, or nothing, and layers 0 and 2 train
     * again under their L2. Before fine-tuning the grandchild predicts what the child does.
     */
    @Test
    void transferFromAFineTunedModelFreezesOnlyWhatItNames(@TempDir Path directory) throws IOException {
        org.genomod.api.train.TrainingOptions adam = new org.genomod.api.train.TrainingOptions(1, 64, "adam", 0.05, 0, false,
                org.genomod.api.train.EarlyStopping.none());
        org.genomod.api.model.ModelRequest request = new org.genomod.api.model.ModelRequest(BINARY, noParameters(), adam, null, 5);
        MultiLayerNetwork stack = threeHidden();
        List<Regularization> l2 = ((BaseLayer) stack.getLayerWiseConfigurations().getConf(2).getLayer()).getRegularization();
        assertFalse(l2.isEmpty());
        Batch batch = data(2, 0);
        try (Dl4jModel parent = Dl4jModel.of(stack, BINARY, InputLayout.FLAT, null);
             Dl4jModel child = Dl4jModel.transfer(parent, request,
                     org.genomod.api.model.Transfer.named(List.of("layer2", "layer0"), true), "auto")) {
            assertEquals(List.of(true, false, true, false), frozen(child.multiLayerNetwork()));
            for (int i = 0; i < 5; i++) {
                child.fit(batch);
            }
            child.save(directory);
        }
        try (Dl4jModel child = Dl4jModel.load(directory, BINARY, InputLayout.FLAT)) {
            Layer saved = child.multiLayerNetwork().getLayerWiseConfigurations().getConf(2).getLayer();
            assertEquals(l2, ((BaseLayer) ((FrozenLayerWithBackprop) saved).getUnderlying()).getRegularization(),
                    "the saved wrapper keeps the layer's own L2");
            float[] childPredictions = child.predict(batch);
            for (org.genomod.api.model.Transfer transfer : List.of(org.genomod.api.model.Transfer.named(List.of("layer1"), false),
                    new org.genomod.api.model.Transfer(0, false))) {
                try (Dl4jModel grandchild = Dl4jModel.transfer(child, request, transfer, "auto")) {
                    assertArrayEquals(childPredictions, grandchild.predict(batch), transfer + ": the child's predictions to start");
                    MultiLayerNetwork net = grandchild.multiLayerNetwork();
                    assertEquals(List.of(false, transfer.byName(), false, false), frozen(net), transfer + ": frozen layers");
                    for (int layer : new int[] {0, 2}) {
                        assertEquals(l2, ((BaseLayer) net.getLayerWiseConfigurations().getConf(layer).getLayer()).getRegularization(),
                                "layer " + layer + " trains under its L2 again");
                    }
                    List<INDArray> start = Arrays.stream(net.getLayers()).map(layer -> layer.params().dup()).toList();
                    for (int i = 0; i < 5; i++) {
                        grandchild.fit(batch);
                    }
                    for (int layer = 0; layer < start.size(); layer++) {
                        boolean kept = start.get(layer).equals(net.getLayer(layer).params());
                        assertEquals(transfer.byName() && layer == 1, kept, transfer + ": layer " + layer + " frozen or trained");
                    }
                }
            }
        }
    }

    /**
     * Networks saved by dl4j 1.4 (before 1.5) kept a named frozen layer without updaters in the file (NoOp for its
     * weights and bias); a transfer that thaws it trains both again with the fine-tuning updater.
     */
    @Test
    void aLayerFrozenByTheEarlierFormatTrainsAgainWhenThawed(@TempDir Path directory) throws IOException {
        MultiLayerNetwork stack = threeHidden();
        org.deeplearning4j.nn.conf.MultiLayerConfiguration configuration = stack.getLayerWiseConfigurations().clone();
        BaseLayer inner = (BaseLayer) configuration.getConf(1).getLayer();
        inner.setIUpdater(new org.nd4j.linalg.learning.config.NoOp());
        inner.setBiasUpdater(new org.nd4j.linalg.learning.config.NoOp());
        configuration.getConf(1).setLayer(new FrozenLayerWithBackprop(inner));
        MultiLayerNetwork saved = new MultiLayerNetwork(configuration);
        saved.init(stack.params().dup(), false);
        try (Dl4jModel earlier = Dl4jModel.of(saved, BINARY, InputLayout.FLAT, null)) {
            earlier.save(directory);
        }
        org.genomod.api.train.TrainingOptions adam = new org.genomod.api.train.TrainingOptions(1, 64, "adam", 0.05, 0, false,
                org.genomod.api.train.EarlyStopping.none());
        org.genomod.api.model.ModelRequest request = new org.genomod.api.model.ModelRequest(BINARY, noParameters(), adam, null, 5);
        Batch batch = data(2, 0);
        try (Dl4jModel parent = Dl4jModel.load(directory, BINARY, InputLayout.FLAT);
             Dl4jModel child = Dl4jModel.transfer(parent, request, new org.genomod.api.model.Transfer(0, false), "auto")) {
            // a NoOp updater would apply the raw gradient (a step of learning rate 1), not leave the parameter alone
            BaseLayer conf = (BaseLayer) child.multiLayerNetwork().getLayerWiseConfigurations().getConf(1).getLayer();
            assertEquals(new Adam(0.05), conf.getIUpdater(), "the thawed layer's weights train with the fine-tuning updater");
            assertEquals(new Adam(0.05), conf.getUpdaterByParam("b"), "the thawed layer's bias trains with the fine-tuning updater");
            org.deeplearning4j.nn.api.Layer thawed = child.multiLayerNetwork().getLayer(1);
            INDArray weights = thawed.getParam("W").dup();
            for (int i = 0; i < 3; i++) {
                child.fit(batch);
            }
            assertNotEquals(weights, thawed.getParam("W"), "the thawed layer's weights train");
        }
    }

    /** Three hidden layers (the second with dropout) and a binary head, under Adam and L2. */
    private static MultiLayerNetwork threeHidden() {
        MultiLayerNetwork stack = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(3).updater(new Adam(0.05)).l2(1e-3).dataType(DataType.FLOAT).list()
                .layer(new DenseLayer.Builder().nOut(8).activation(Activation.TANH).build())
                .layer(new DenseLayer.Builder().nOut(8).activation(Activation.TANH).dropOut(0.5).build())
                .layer(new DenseLayer.Builder().nOut(8).activation(Activation.TANH).build())
                .layer(OutputHead.layer(BINARY))
                .setInputType(InputLayout.FLAT.inputType(BINARY.featureShape()))
                .build());
        stack.init();
        return stack;
    }

    /** Which layers of {@code network}'s configuration are frozen. */
    private static List<Boolean> frozen(MultiLayerNetwork network) {
        return network.getLayerWiseConfigurations().getConfs().stream()
                .map(conf -> conf.getLayer() instanceof FrozenLayer || conf.getLayer() instanceof FrozenLayerWithBackprop).toList();
    }

    /** The same parent and seed give the same fine-tuned model: the new head is drawn from the request's seed. */
    @Test
    void transferWithOneSeedIsReproducible() {
        org.genomod.api.train.TrainingOptions adam = new org.genomod.api.train.TrainingOptions(1, 64, "adam", 0.05, 0, false,
                org.genomod.api.train.EarlyStopping.none());
        try (Dl4jModel parent = Dl4jModel.of(dense(BINARY, 1), BINARY, InputLayout.FLAT, null)) {
            Batch batch = data(1, 0);
            parent.fit(batch);
            org.genomod.api.model.ModelRequest request = new org.genomod.api.model.ModelRequest(BINARY, noParameters(), adam, null, 7);
            org.genomod.api.model.Transfer newHead = new org.genomod.api.model.Transfer(0, true);
            float[] first;
            try (Dl4jModel child = Dl4jModel.transfer(parent, request, newHead, "auto")) {
                first = child.predict(batch);
            }
            org.nd4j.linalg.factory.Nd4j.getRandom().nextDouble(); // whatever ran in between
            try (Dl4jModel child = Dl4jModel.transfer(parent, request, newHead, "auto")) {
                assertArrayEquals(first, child.predict(batch));
            }
        }
    }

    /** The trainer's epochStarted reaches Deeplearning4j's updater: an epoch-keyed schedule changes the step size. */
    @Test
    void epochStartedDrivesTheLearningRateSchedule() {
        org.genomod.api.train.TrainingOptions options = new org.genomod.api.train.TrainingOptions(3, 64, "adam", 0.05, 0, false,
                org.genomod.api.train.EarlyStopping.none(), new org.genomod.api.train.LearningRateSchedule("step", 1e-6, 1));
        MultiLayerNetwork network = new MultiLayerNetwork(Optimizers.configure(new NeuralNetConfiguration.Builder().seed(3)
                        .dataType(DataType.FLOAT), options).list()
                .layer(new DenseLayer.Builder().nOut(8).activation(Activation.TANH).build())
                .layer(OutputHead.layer(BINARY))
                .setInputType(InputLayout.FLAT.inputType(BINARY.featureShape()))
                .build());
        network.init();
        try (Dl4jModel model = Dl4jModel.of(network, BINARY, InputLayout.FLAT, null)) {
            Batch batch = data(4, 0);
            model.epochStarted(1);
            INDArray before = network.params().dup();
            model.fit(batch);
            double firstEpochStep = network.params().sub(before).amaxNumber().doubleValue();
            model.epochStarted(2);
            before = network.params().dup();
            model.fit(batch);
            double secondEpochStep = network.params().sub(before).amaxNumber().doubleValue();
            assertTrue(firstEpochStep > 1e-3, "epoch 1 trains at 0.05: " + firstEpochStep);
            assertTrue(secondEpochStep < 1e-5, "epoch 2 trains at 5e-8: " + secondEpochStep);
        }
    }
}
