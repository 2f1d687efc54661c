package org.genomod.model.gcn.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.genomod.api.data.ArrayDataset;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;
import org.genomod.api.model.Batch;
import org.genomod.api.model.Model;
import org.genomod.api.model.ModelFamily;
import org.genomod.api.model.ModelState;
import org.genomod.api.param.ParameterException;
import org.genomod.api.train.TrainingOptions;
import org.genomod.testing.PluginTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GcnModelFamilyTest {
    private static final TrainingOptions ADAM = Fixtures.adam(0.01, 5, 16, 0);

    @TempDir
    Path dir;

    /** A small two-community graph with 3 node features, all 12 nodes labelled by community. */
    private static TestNetwork network() {
        TestNetwork.Builder b = TestNetwork.builder(12, false);
        for (int i = 0; i < 12; i++) {
            b.edge(i, (i + 1) % 6 + (i / 6) * 6, 1);
        }
        return b.edge(0, 6, 1).noiseFeatures(3, new SplittableRandom(2)).build();
    }

    private static final int[] COMMUNITY = {0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1};

    private static ArrayDataset nodes(TestNetwork net) {
        return Fixtures.nodes(net, Fixtures.nodeSchema(3, 2), COMMUNITY, new int[] {0, 2, 3, 5, 7, 8, 9, 11});
    }

    @Test
    void isRegisteredAsTheGcnFamilyOnTheHighestRankingAccelerator() throws IOException {
        String xml = PluginTests.descriptorOnOneLine(GcnModelFamily.class);
        assertTrue(xml.contains("interface=\"" + ModelFamily.class.getName() + "\""), xml);
        assertTrue(xml.contains("name=\"" + ModelFamily.SERVICE_PROPERTY + "\"") && xml.contains("value=\"gcn\""), xml);
        assertTrue(xml.contains("interface=\"org.genomod.api.compute.Accelerator\""), xml);
        assertTrue(xml.contains("target=\"(genomod.accelerator=*)\""), xml);
        assertTrue(xml.contains("policy=\"dynamic\"") && xml.contains("policy-option=\"greedy\""), xml);
    }

    @Test
    void schemaRejectsUnknownIllTypedAndOutOfRangeValues() {
        ParameterException e = assertThrows(ParameterException.class, () -> GcnHyperParameters.SCHEMA.validate(
                Map.of("hiden", List.of(16), "hidden", "wide", "dropout", 1.5, "mode", "edge", "activation", "gelu"), Path.of(".")));
        String message = String.join("\n", e.problems());
        assertTrue(message.contains("unknown parameter 'hiden'"), message);
        assertTrue(message.contains("parameter 'hidden' must be a list of integers"), message);
        assertTrue(message.contains("parameter 'dropout' must be a number in [0, 0.9], got 1.5"), message);
        assertTrue(message.contains("parameter 'mode' must be one of node, graph"), message);
        assertTrue(message.contains("parameter 'activation' must be one of relu, elu, tanh"), message);
        assertThrows(ParameterException.class, () -> GcnHyperParameters.SCHEMA.validate(Map.of("hidden", List.of(0)), Path.of(".")));
    }

    @Test
    void defaultsAreKipfAndWelling() {
        GcnArchitecture a = GcnHyperParameters.architecture(Fixtures.parameters(Map.of()));
        assertEquals(new GcnArchitecture(GcnArchitecture.Mode.NODE, List.of(64), Activation.RELU, 0.5, 5e-4, false, true,
                GcnArchitecture.Pooling.MEAN), a);
    }

    @Test
    void checkRejectsGraphModeWithoutAConvolutionOrWithRank3Examples() {
        GcnModelFamily family = Fixtures.family();
        DatasetSchema flat = new DatasetSchema(List.of(100), "signal", TaskType.BINARY, List.of("case"), Map.of());
        List<String> problems = family.check(flat, Fixtures.parameters(Map.of("mode", "graph", "hidden", List.of())));
        assertEquals(List.of("mode graph needs at least one hidden graph convolution before pooling (hidden is empty)"), problems);
        DatasetSchema cube = new DatasetSchema(List.of(10, 10, 2), "signal", TaskType.BINARY, List.of("case"), Map.of());
        assertTrue(family.check(cube, Fixtures.parameters(Map.of("mode", "graph"))).get(0).contains("[nodes] or [nodes, channels]"));
        assertTrue(family.check(flat, Fixtures.parameters(Map.of())).isEmpty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Fixtures.create(flat, Map.of("mode", "graph", "hidden", List.of()), ADAM, null, 1));
        assertTrue(e.getMessage().contains("at least one hidden graph convolution"), e.getMessage());
    }

    @Test
    void savedNodeModelWithIdentityTableLoadsWithIdenticalPredictions() throws IOException {
        TestNetwork net = network();
        ArrayDataset data = nodes(net);
        Map<String, Object> raw = Map.of("hidden", List.of(8), "identity_features", true, "dropout", 0.3);
        float[] before;
        long parameters;
        try (Model model = Fixtures.create(data.schema(), raw, ADAM, new float[] {1, 2}, 5)) {
            Fixtures.train(model, data, data, ADAM, 5);
            before = model.predict(Fixtures.batch(data));
            parameters = model.parameterCount();
            assertEquals(3 * 8 + 8 + 8 * 2 + 2 + 12 * 8, parameters, "layers plus one identity row per node");
            model.save(dir);
        }
        assertTrue(Files.isRegularFile(dir.resolve(ModelFile.NAME)));
        try (Model loaded = Fixtures.family().load(dir, data.schema(), Fixtures.parameters(raw))) {
            assertArrayEquals(before, loaded.predict(Fixtures.batch(data)));
            assertEquals(parameters, loaded.parameterCount());
            assertTrue(loaded.summary().contains("node identity (12 nodes x 8)"), loaded.summary());
            // the feature scaling fitted on the training network is kept, not refitted to the network predicted on
            ArrayDataset shifted = Fixtures.nodes(net.withFeaturesShifted(1f), data.schema(), COMMUNITY, new int[] {0, 2, 3, 5, 7, 8, 9, 11});
            assertFalse(Arrays.equals(before, loaded.predict(Fixtures.batch(shifted))));
        }
    }

    @Test
    void savedGraphModelLoadsWithIdenticalPredictions() throws IOException {
        TestNetwork net = network();
        DatasetSchema schema = new DatasetSchema(List.of(12, 2), "signal", TaskType.MULTILABEL, List.of("a", "b"), Map.of());
        SplittableRandom random = new SplittableRandom(4);
        ArrayDataset.Builder b = ArrayDataset.builder(schema, true).network(net);
        for (int e = 0; e < 20; e++) {
            float[] signal = new float[24];
            for (int i = 0; i < signal.length; i++) {
                signal[i] = (float) TestNetwork.gaussian(random);
            }
            b.add("s" + e, null, signal, new float[] {e % 2, e % 3 == 0 ? 1 : 0});
        }
        ArrayDataset data = b.build();
        Map<String, Object> raw = Map.of("mode", "graph", "hidden", List.of(4, 4), "pooling", "max");
        float[] before;
        try (Model model = Fixtures.create(schema, raw, ADAM, null, 5)) {
            Fixtures.train(model, data, data, new TrainingOptions(3, 8, "rmsprop", 0.01, 1, false,
                    org.genomod.api.train.EarlyStopping.none()), 5);
            before = model.predict(Fixtures.batch(data));
            model.save(dir);
        }
        try (Model loaded = Fixtures.family().load(dir, schema, Fixtures.parameters(raw))) {
            assertArrayEquals(before, loaded.predict(Fixtures.batch(data)));
        }
    }

    @Test
    void loadRejectsHyperParametersThatDoNotMatchTheSavedWeights() throws IOException {
        ArrayDataset data = nodes(network());
        try (Model model = Fixtures.create(data.schema(), Map.of("hidden", List.of(8)), ADAM, null, 5)) {
            model.save(dir);
        }
        IOException e = assertThrows(IOException.class,
                () -> Fixtures.family().load(dir, data.schema(), Fixtures.parameters(Map.of("hidden", List.of(16)))));
        assertTrue(e.getMessage().contains("saved layer widths [3, 8, 2] do not match") && e.getMessage().contains("[3, 16, 2]"),
                e.getMessage());
        Files.write(dir.resolve(ModelFile.NAME), new byte[] {1, 2, 3, 4, 5});
        e = assertThrows(IOException.class, () -> Fixtures.family().load(dir, data.schema(), Fixtures.parameters(Map.of())));
        assertTrue(e.getMessage().contains("not a saved graph convolution model"), e.getMessage());
    }

    @Test
    void sameSeedSameInitialModel() {
        ArrayDataset data = nodes(network());
        Batch batch = Fixtures.batch(data);
        try (Model a = Fixtures.create(data.schema(), Map.of("identity_features", true), ADAM, null, 42);
             Model b = Fixtures.create(data.schema(), Map.of("identity_features", true), ADAM, null, 42);
             Model c = Fixtures.create(data.schema(), Map.of("identity_features", true), ADAM, null, 43)) {
            float[] first = a.predict(batch);
            assertArrayEquals(first, b.predict(batch));
            assertFalse(Arrays.equals(first, c.predict(batch)));
            a.fit(batch);
            b.fit(batch);
            assertArrayEquals(a.predict(batch), b.predict(batch), "dropout is seeded too");
        }
    }

    @Test
    void fitReportsTheClassWeightedLossBeforeItsUpdateAndLossStaysUnweighted() {
        ArrayDataset data = nodes(network());
        Batch batch = Fixtures.batch(data);
        Map<String, Object> raw = Map.of("dropout", 0);
        try (Model weighted = Fixtures.create(data.schema(), raw, ADAM, new float[] {1, 3}, 7);
             Model plain = Fixtures.create(data.schema(), raw, ADAM, null, 7)) {
            double unweighted = plain.loss(batch);
            assertEquals(unweighted, weighted.loss(batch), 1e-12);
            double objective = ((GcnModel) weighted).objective(batch, new float[(int) weighted.parameterCount()]);
            assertEquals(objective, weighted.fit(batch), 1e-6);
            assertTrue(objective > unweighted, objective + " vs " + unweighted);
            assertTrue(weighted.loss(batch) < unweighted, "one step lowered the loss");
        }
    }

    @Test
    void epochStartFollowsTheLearningRateSchedule() {
        ArrayDataset data = nodes(network());
        Batch batch = Fixtures.batch(data);
        Map<String, Object> raw = Map.of("dropout", 0);
        TrainingOptions constant = new TrainingOptions(5, 16, "sgd", 0.5, 0, false, org.genomod.api.train.EarlyStopping.none());
        TrainingOptions halving = new TrainingOptions(5, 16, "sgd", 0.5, 0, false, org.genomod.api.train.EarlyStopping.none(),
                new org.genomod.api.train.LearningRateSchedule("exponential", 0.5, 1));
        try (Model a = Fixtures.create(data.schema(), raw, constant, null, 9);
             Model b = Fixtures.create(data.schema(), raw, halving, null, 9)) {
            a.epochStarted(1);
            b.epochStarted(1);
            a.fit(batch);
            b.fit(batch);
            assertArrayEquals(a.predict(batch), b.predict(batch), "epoch 1 runs at the initial rate");
            a.epochStarted(3);
            b.epochStarted(3);
            a.fit(batch);
            b.fit(batch);
            assertFalse(Arrays.equals(a.predict(batch), b.predict(batch)), "epoch 3 runs at a quarter of it");
        }
    }

    @Test
    void predictionsAreProbabilitiesAndSnapshotsRestoreExactly() {
        ArrayDataset data = nodes(network());
        Batch batch = Fixtures.batch(data);
        try (Model model = Fixtures.create(data.schema(), Map.of(), ADAM, null, 3)) {
            ModelState state = model.snapshot();
            float[] before = model.predict(batch);
            for (int e = 0; e < batch.size(); e++) {
                assertEquals(1.0, before[2 * e] + before[2 * e + 1], 1e-6);
                assertTrue(before[2 * e] > 0 && before[2 * e] < 1);
            }
            model.fit(batch);
            assertFalse(Arrays.equals(before, model.predict(batch)));
            model.restore(state);
            assertArrayEquals(before, model.predict(batch));
            try (Model other = Fixtures.create(data.schema(), Map.of(), ADAM, null, 3)) {
                assertThrows(IllegalArgumentException.class, () -> other.restore(state));
            }
        }
    }

    @Test
    void batchesWithoutTheirNetworkOrWithForeignNodesAreRejected() {
        TestNetwork net = network();
        ArrayDataset data = nodes(net);
        try (Model model = Fixtures.create(data.schema(), Map.of(), ADAM, null, 3)) {
            float[] features = new float[3];
            float[] labels = {1, 0};
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> model.fit(new Batch(1, features, labels)));
            assertTrue(e.getMessage().contains("needs the network the examples live on"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class,
                    () -> model.predict(new Batch(1, features, null, List.of("YFG1"), net)));
            assertEquals("example 'YFG1' is not a node of the network", e.getMessage());
            e = assertThrows(IllegalArgumentException.class,
                    () -> model.predict(new Batch(1, new float[1], null, List.of("n0"), net.withFeatureColumns(0))));
            assertTrue(e.getMessage().contains("carries 1 features per node but the model was built for 3"), e.getMessage());
        }
        DatasetSchema signals = new DatasetSchema(List.of(10), "signal", TaskType.BINARY, List.of("case"), Map.of());
        try (Model model = Fixtures.create(signals, Map.of("mode", "graph"), ADAM, null, 3)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> model.predict(new Batch(1, new float[10], null, List.of("s1"), net)));
            assertTrue(e.getMessage().contains("each of the network's 12 nodes (12 values), but the examples have 10"), e.getMessage());
        }
    }

    @Test
    void closedModelsRefuseWork() {
        ArrayDataset data = nodes(network());
        Model model = Fixtures.create(data.schema(), Map.of(), ADAM, null, 3);
        model.close();
        assertThrows(IllegalStateException.class, () -> model.predict(Fixtures.batch(data)));
    }
}
