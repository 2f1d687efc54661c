package org.genomod.model.gcn.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.genomod.api.data.ArrayDataset;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;
import org.genomod.api.model.Model;
import org.genomod.api.train.TrainingOptions;
import org.junit.jupiter.api.Test;

/**
 * Tasks that only propagation can solve. The same family on the same nodes without edges (propagation
 * becomes the identity) is the node-wise baseline: an MLP of the same shape. Measured: communities 0.98 vs
 * 0.24 (chance 0.25), signals 1.0 vs 0.5 (chance 0.5).
 */
class SyntheticGraphTest {

    /** Stochastic block model: {@code communities × size} nodes, edges likelier within a community. */
    private static TestNetwork.Builder blocks(int communities, int size, double pIn, double pOut, SplittableRandom random) {
        TestNetwork.Builder b = TestNetwork.builder(communities * size, false);
        for (int i = 0; i < communities * size; i++) {
            for (int j = i + 1; j < communities * size; j++) {
                if (random.nextDouble() < (i / size == j / size ? pIn : pOut)) {
                    b.edge(i, j, 1);
                }
            }
        }
        return b;
    }

    /**
     * Node features are noise and every node has a learned identity vector; communities decide the labels.
     * Propagation carries the vectors that labelled neighbours trained into unlabelled nodes; without edges
     * an unlabelled node's vector never receives a gradient, so the MLP is at chance.
     */
    @Test
    void communitiesDecideTheLabelsAndTheFeaturesAreNoise() {
        SplittableRandom random = new SplittableRandom(11);
        int communities = 4;
        int size = 50;
        TestNetwork net = blocks(communities, size, 0.15, 0.01, random).noiseFeatures(8, random).build();
        int[] labels = new int[communities * size];
        List<Integer> order = new ArrayList<>();
        for (int n = 0; n < labels.length; n++) {
            labels[n] = n / size;
            order.add(n);
        }
        java.util.Collections.shuffle(order, new java.util.Random(5));
        int[] train = order.subList(0, 60).stream().mapToInt(Integer::intValue).toArray();
        int[] validation = order.subList(60, 100).stream().mapToInt(Integer::intValue).toArray();
        int[] test = order.subList(100, 200).stream().mapToInt(Integer::intValue).toArray();
        double gcn = testAccuracy(net, labels, train, validation, test);
        double mlp = testAccuracy(net.withoutEdges(), labels, train, validation, test);
        assertTrue(gcn >= 0.85, "GCN test accuracy " + gcn);
        assertTrue(mlp <= 0.45, "node-wise baseline test accuracy " + mlp + " (chance 0.25)");
    }

    private static double testAccuracy(TestNetwork net, int[] labels, int[] train, int[] validation, int[] test) {
        DatasetSchema schema = Fixtures.nodeSchema(net.featureSize(), 4);
        TrainingOptions options = Fixtures.adam(0.01, 100, 32, 20);
        try (Model model = Fixtures.create(schema, Map.of("hidden", List.of(16), "identity_features", true), options, null, 3)) {
            Fixtures.train(model, Fixtures.nodes(net, schema, labels, train), Fixtures.nodes(net, schema, labels, validation),
                    options, 3);
            return Fixtures.accuracy(model, Fixtures.nodes(net, schema, labels, test));
        }
    }

    /**
     * Graph signals: each example lights up 5 nodes, inside one community (class 1) or scattered over five
     * (class 0). Every example has the same multiset of values, so a node-wise model with pooling sees the
     * two classes identically; propagation makes concentrated spikes reinforce each other.
     */
    @Test
    void graphModeTellsConcentratedFromScatteredSignals() {
        SplittableRandom random = new SplittableRandom(21);
        int communities = 10;
        int size = 10;
        TestNetwork net = blocks(communities, size, 0.6, 0.01, random).build();
        int nodes = communities * size;
        DatasetSchema schema = new DatasetSchema(List.of(nodes), "signal-test", TaskType.BINARY, List.of("concentrated"), Map.of());
        Dataset train = signals(net, schema, 400, random);
        Dataset validation = signals(net, schema, 100, random);
        Dataset test = signals(net, schema, 200, random);
        TrainingOptions options = Fixtures.adam(0.01, 60, 32, 15);
        double gcn = signalAccuracy(schema, net, train, validation, test, options);
        double nodeWise = signalAccuracy(schema, net.withoutEdges(), rewire(train, net.withoutEdges()),
                rewire(validation, net.withoutEdges()), rewire(test, net.withoutEdges()), options);
        assertTrue(gcn >= 0.9, "GCN test accuracy " + gcn);
        assertTrue(nodeWise <= 0.65, "node-wise baseline test accuracy " + nodeWise + " (chance 0.5)");
    }

    private static double signalAccuracy(DatasetSchema schema, TestNetwork net, Dataset train, Dataset validation, Dataset test,
                                         TrainingOptions options) {
        try (Model model = Fixtures.create(schema, Map.of("mode", "graph", "hidden", List.of(8), "dropout", 0.1),
                options, null, 4)) {
            Fixtures.train(model, train, validation, options, 4);
            return Fixtures.accuracy(model, test);
        }
    }

    private static ArrayDataset signals(TestNetwork net, DatasetSchema schema, int count, SplittableRandom random) {
        int nodes = net.nodes().size();
        ArrayDataset.Builder data = ArrayDataset.builder(schema, true).network(net);
        for (int e = 0; e < count; e++) {
            boolean concentrated = e % 2 == 0;
            float[] signal = new float[nodes];
            if (concentrated) {
                int community = random.nextInt(10);
                for (int lit = 0; lit < 5; ) {
                    int n = community * 10 + random.nextInt(10);
                    lit += signal[n] == 0 ? 1 : 0;
                    signal[n] = 1;
                }
            } else {
                List<Integer> chosen = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
                java.util.Collections.shuffle(chosen, new java.util.Random(random.nextLong()));
                for (int c = 0; c < 5; c++) {
                    signal[chosen.get(c) * 10 + random.nextInt(10)] = 1;
                }
            }
            data.add("s" + e, null, signal, new float[] {concentrated ? 1 : 0});
        }
        return data.build();
    }

    /** The same examples on another network. */
    private static ArrayDataset rewire(Dataset data, TestNetwork net) {
        ArrayDataset.Builder copy = ArrayDataset.builder(data.schema(), true).network(net);
        for (int e = 0; e < data.size(); e++) {
            float[] f = new float[data.schema().featureSize()];
            float[] y = new float[1];
            data.features(e, f, 0);
            data.labels(e, y, 0);
            copy.add(data.id(e), null, f, y);
        }
        return copy.build();
    }
}
