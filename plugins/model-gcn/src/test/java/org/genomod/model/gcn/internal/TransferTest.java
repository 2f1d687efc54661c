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
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.model.Batch;
import org.genomod.api.model.Model;
import org.genomod.api.model.ModelRequest;
import org.genomod.api.model.Transfer;
import org.genomod.api.param.Parameters;
import org.genomod.api.train.TrainingOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fine-tuning a saved GCN for other classes on the nodes of a network: frozen convolutions keep the parent's
 * weights, the new head trains, and the fine-tuned model reloads with equal predictions. A learnt identity table
 * does not carry over to other nodes.
 */
class TransferTest {
    private static final int COMMUNITIES = 4;
    private static final int SIZE = 30;
    private static final TrainingOptions ADAM = Fixtures.adam(0.01, 5, 64, 0);
    /** Widths [8, 8, 4]: the first convolution is 8 x 8 weights and 8 biases. */
    private static final int FIRST_LAYER = 8 * 8 + 8;

    private final GcnModelFamily family = Fixtures.family();

    @TempDir
    Path dir;

    /** Communities linked densely inside, features that carry the community in two columns plus noise. */
    private static TestNetwork network(int nodes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        TestNetwork.Builder b = TestNetwork.builder(nodes, false);
        for (int i = 0; i < nodes; i++) {
            for (int j = i + 1; j < nodes; j++) {
                if (random.nextDouble() < (i % COMMUNITIES == j % COMMUNITIES ? 0.3 : 0.01)) {
                    b.edge(i, j, 1);
                }
            }
        }
        float[] features = new float[nodes * 8];
        for (int n = 0; n < nodes; n++) {
            for (int c = 0; c < 8; c++) {
                features[n * 8 + c] = (float) TestNetwork.gaussian(random);
            }
            features[n * 8] += n % COMMUNITIES;
            features[n * 8 + 1] += n % 2;
        }
        return b.features(8, features).build();
    }

    private static Dataset nodes(TestNetwork network, DatasetSchema schema, int classes) {
        int[] labels = IntStream.range(0, network.nodes().size()).map(n -> n % COMMUNITIES % classes).toArray();
        return Fixtures.nodes(network, schema, labels, IntStream.range(0, network.nodes().size()).toArray());
    }

    private Parameters parameters(boolean identity) {
        return Fixtures.parameters(Map.of("hidden", java.util.List.of(8), "dropout", 0.1, "identity_features", identity));
    }

    private GcnModel parent(boolean identity, TestNetwork network) throws IOException {
        Path saved = Files.createDirectories(dir.resolve("parent"));
        DatasetSchema schema = Fixtures.nodeSchema(8, COMMUNITIES);
        try (Model parent = family.create(new ModelRequest(schema, parameters(identity), ADAM, null, 3))) {
            Batch batch = Fixtures.batch(nodes(network, schema, COMMUNITIES));
            for (int i = 0; i < 20; i++) {
                parent.fit(batch);
            }
            parent.save(saved);
        }
        return (GcnModel) family.load(saved, schema, parameters(identity));
    }

    private GcnModel child(GcnModel parent, DatasetSchema schema, boolean identity, Transfer transfer, long seed) {
        return (GcnModel) family.transfer(parent, new ModelRequest(schema, parameters(identity), ADAM, null, seed), transfer);
    }

    @Test
    void frozenConvolutionKeepsTheParentsWeightsAndTheNewHeadReloads() throws IOException {
        TestNetwork network = network(COMMUNITIES * SIZE, 1);
        DatasetSchema parity = Fixtures.nodeSchema(8, 2);
        Batch batch = Fixtures.batch(nodes(network, parity, 2));
        Path saved = Files.createDirectories(dir.resolve("child"));
        float[] before;
        try (GcnModel parent = parent(false, network); GcnModel child = child(parent, parity, false, new Transfer(Transfer.ALL_BUT_HEAD, true), 7)) {
            assertArrayEquals(Arrays.copyOf(parent.parameters(), FIRST_LAYER), Arrays.copyOf(child.parameters(), FIRST_LAYER),
                    "the first convolution starts as the parent's");
            float[] head = Arrays.copyOfRange(child.parameters(), FIRST_LAYER, child.parameters().length);
            double first = child.fit(batch);
            for (int i = 0; i < 30; i++) {
                child.fit(batch);
            }
            assertArrayEquals(Arrays.copyOf(parent.parameters(), FIRST_LAYER), Arrays.copyOf(child.parameters(), FIRST_LAYER), "frozen");
            assertFalse(Arrays.equals(head, Arrays.copyOfRange(child.parameters(), FIRST_LAYER, child.parameters().length)), "head trained");
            assertEquals(8 * 2 + 2, child.parameters().length - FIRST_LAYER, "a head for two classes");
            assertEquals(true, child.loss(batch) < first, "the new head learns the parity: " + first + " -> " + child.loss(batch));
            before = child.predict(batch);
            child.save(saved);
        }
        try (Model loaded = family.load(saved, parity, parameters(false))) {
            assertArrayEquals(before, loaded.predict(batch), "reloaded predictions");
        }
    }

    /**
     * {@code freeze: [layer1]} keeps the middle convolution of three layers bit for bit under L2 and Adam while the
     * first (with its identity rows) and the head train; a grandchild of the saved child that names {@code layer0}
     * keeps exactly that layer and its identity rows (the child's frozen layer trains again) and starts from the
     * child's predictions. Unknown names and the head are refused, listing the layers.
     */
    @Test
    void namedLayersKeepTheirWeightsAnywhereInTheNetwork() throws IOException {
        TestNetwork network = network(COMMUNITIES * SIZE, 1);
        DatasetSchema schema = Fixtures.nodeSchema(8, COMMUNITIES);
        Batch batch = Fixtures.batch(nodes(network, schema, COMMUNITIES));
        Parameters deep = Fixtures.parameters(Map.of("hidden", java.util.List.of(8, 8), "dropout", 0.1, "l2", 0.01,
                "identity_features", true));
        int[] layerEnds = {8 * 8 + 8, 2 * (8 * 8 + 8), 2 * (8 * 8 + 8) + 8 * 4 + 4}; // then the identity table
        Path saved = Files.createDirectories(dir.resolve("named"));
        float[] predicted;
        try (Model parent = family.create(new ModelRequest(schema, deep, ADAM, null, 3))) {
            for (int i = 0; i < 5; i++) {
                parent.fit(batch);
            }
            GcnModel source = (GcnModel) parent;
            assertEquals(java.util.List.of("layer0", "layer1", "layer2"), source.layerNames());
            assertTrue(parent.summary().contains("layer1: graph convolution 8 -> 8"), parent.summary());
            try (GcnModel child = (GcnModel) family.transfer(parent, new ModelRequest(schema, deep, ADAM, null, 7),
                    Transfer.named(java.util.List.of("layer1"), false))) {
                float[] start = child.parameters().clone();
                for (int i = 0; i < 5; i++) {
                    child.fit(batch);
                }
                assertEquals(java.util.List.of(false, true, false, false), kept(start, child.parameters(), layerEnds));
                predicted = child.predict(batch);
                child.save(saved);
            }
            IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> family.transfer(parent,
                    new ModelRequest(schema, deep, ADAM, null, 7), Transfer.named(java.util.List.of("layer0", "conv1"), true)));
            assertEquals("the parent model has no layer named 'conv1': its layers are [layer0, layer1, layer2]", unknown.getMessage());
            IllegalArgumentException head = assertThrows(IllegalArgumentException.class, () -> family.transfer(parent,
                    new ModelRequest(schema, deep, ADAM, null, 7), Transfer.named(java.util.List.of("layer2"), false)));
            assertEquals("cannot freeze the output head 'layer2': the head at least must train", head.getMessage());
        }
        try (Model child = family.load(saved, schema, deep);
             GcnModel grandchild = (GcnModel) family.transfer(child, new ModelRequest(schema, deep, ADAM, null, 9),
                     Transfer.named(java.util.List.of("layer0"), false))) {
            assertArrayEquals(predicted, grandchild.predict(batch), "the child's predictions to start");
            float[] start = grandchild.parameters().clone();
            for (int i = 0; i < 5; i++) {
                grandchild.fit(batch);
            }
            assertEquals(java.util.List.of(true, false, false, true), kept(start, grandchild.parameters(), layerEnds));
        }
    }

    /** Per layer, then for the identity table after {@code ends}' last: whether {@code now} keeps {@code start}'s values. */
    private static java.util.List<Boolean> kept(float[] start, float[] now, int[] ends) {
        java.util.List<Boolean> kept = new java.util.ArrayList<>();
        int from = 0;
        for (int end : ends) {
            kept.add(Arrays.equals(start, from, end, now, from, end));
            from = end;
        }
        kept.add(Arrays.equals(start, from, start.length, now, from, now.length));
        return kept;
    }

    @Test
    void fineTuningEverythingMovesEveryLayerAndRepeatsForASeed() throws IOException {
        TestNetwork network = network(COMMUNITIES * SIZE, 1);
        DatasetSchema schema = Fixtures.nodeSchema(8, COMMUNITIES);
        Batch batch = Fixtures.batch(nodes(network, schema, COMMUNITIES));
        try (GcnModel parent = parent(false, network);
             GcnModel a = child(parent, schema, false, new Transfer(0, false), 7);
             GcnModel b = child(parent, schema, false, new Transfer(0, false), 7)) {
            assertArrayEquals(parent.predict(batch), a.predict(batch), "the parent's head kept");
            for (int i = 0; i < 3; i++) {
                a.fit(batch);
                b.fit(batch);
            }
            assertArrayEquals(a.parameters(), b.parameters(), "one seed, one fine-tuning");
            assertFalse(Arrays.equals(Arrays.copyOf(parent.parameters(), FIRST_LAYER), Arrays.copyOf(a.parameters(), FIRST_LAYER)));
        }
    }

    @Test
    void identityRowsCarryOverToTheSameNodesOnly() throws IOException {
        TestNetwork network = network(COMMUNITIES * SIZE, 1);
        DatasetSchema parity = Fixtures.nodeSchema(8, 2);
        try (GcnModel parent = parent(true, network)) {
            float[] table = Arrays.copyOfRange(parent.parameters(), FIRST_LAYER + 8 * 4 + 4, parent.parameters().length);
            assertEquals(COMMUNITIES * SIZE * 8, table.length);
            try (GcnModel same = child(parent, parity, true, new Transfer(1, true), 7)) {
                Batch batch = Fixtures.batch(nodes(network, parity, 2));
                same.fit(batch);
                same.fit(batch);
                float[] values = same.parameters();
                assertArrayEquals(table, Arrays.copyOfRange(values, values.length - table.length, values.length), "frozen identity rows");
            }
            TestNetwork other = network(COMMUNITIES * SIZE + 4, 2); // nodes n0 .. n123: four the parent never saw
            try (GcnModel moved = child(parent, parity, true, new Transfer(0, true), 7)) {
                Batch batch = Fixtures.batch(nodes(other, parity, 2));
                String message = assertThrows(IllegalArgumentException.class, () -> moved.fit(batch)).getMessage();
                assertEquals("the parent model learnt a feature row per node of its own network (identity_features), which cannot carry "
                        + "over to other nodes: 4 of this network's 124 nodes are not among the parent's 120 (e.g. 'n120'); fine-tune on "
                        + "the parent's network, or train from scratch", message);
            }
        }
    }

    @Test
    void refusesWhatCannotCarryOver() throws IOException {
        TestNetwork network = network(COMMUNITIES * SIZE, 1);
        try (GcnModel parent = parent(false, network)) {
            assertEquals("cannot freeze 2 layers of a network of 2: the head at least must train", assertThrows(IllegalArgumentException.class,
                    () -> child(parent, Fixtures.nodeSchema(8, 2), false, new Transfer(2, true), 1)).getMessage());
            assertEquals("keeping the parent's head needs the same outputs: the parent predicts [c0, c1, c2, c3], the data has [c0, c1] "
                    + "(replace the head instead)", assertThrows(IllegalArgumentException.class,
                    () -> child(parent, Fixtures.nodeSchema(8, 2), false, new Transfer(0, false), 1)).getMessage());
            assertEquals("the parent model reads 8 features per node through 2 layers, the data gives 5: a fine-tuned model keeps its "
                    + "parent's inputs", assertThrows(IllegalArgumentException.class,
                    () -> child(parent, Fixtures.nodeSchema(5, 2), false, new Transfer(0, true), 1)).getMessage());
        }
    }
}
