package org.genomod.model.gcn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;
import org.genomod.api.model.Batch;
import org.genomod.api.train.TrainingOptions;
import org.genomod.core.internal.compute.CpuAccelerator;
import org.junit.jupiter.api.Test;

/**
 * The backward pass against central finite differences of the training objective (class-weighted loss plus
 * L2), for every parameter, in both modes, every task type and activation, directed and undirected graphs.
 * Computation is in float, so differences use a step of 1e-2 and a tolerance of 1e-3 + 2 % (measured
 * discrepancies are at most 6e-5 on these models; using Â instead of Âᵀ backwards fails the three directed cases).
 * Input gradients (attribution scores) likewise, against finite differences of the predicted scores.
 */
class GradientCheckTest {
    private static final TrainingOptions OPTIONS = TrainingOptions.defaults();

    /** A random graph on {@code nodes} nodes; directed ones get asymmetric, partly negative weights. */
    private static TestNetwork graph(int nodes, boolean directed, int features, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        TestNetwork.Builder b = TestNetwork.builder(nodes, directed);
        for (int i = 0; i < nodes; i++) {
            for (int j = 0; j < nodes; j++) {
                if (i != j && random.nextDouble() < 0.35) {
                    b.edge(i, j, directed ? (float) (random.nextDouble() * 2 - 0.5) : 1f);
                }
            }
        }
        return b.noiseFeatures(features, random).build();
    }

    private static float[] labels(TaskType task, int examples, int outputs, SplittableRandom random) {
        float[] y = new float[examples * outputs];
        for (int e = 0; e < examples; e++) {
            switch (task) {
                case MULTICLASS -> y[e * outputs + random.nextInt(outputs)] = 1;
                case BINARY, MULTILABEL -> {
                    for (int j = 0; j < outputs; j++) {
                        y[e * outputs + j] = random.nextBoolean() ? 1 : 0;
                    }
                }
                case REGRESSION -> {
                    for (int j = 0; j < outputs; j++) {
                        y[e * outputs + j] = (float) TestNetwork.gaussian(random);
                    }
                }
            }
        }
        return y;
    }

    private static List<String> outputs(int k) {
        return Fixtures.classes(k);
    }

    /** A node-mode batch: 5 of the graph's nodes. */
    private static Batch nodeBatch(TestNetwork net, TaskType task, int outputs, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> ids = List.of("n1", "n2", "n4", "n6", "n7");
        float[] features = new float[ids.size() * net.featureSize()];
        for (int e = 0; e < ids.size(); e++) {
            net.features(net.index(ids.get(e)), features, e * net.featureSize());
        }
        return new Batch(ids.size(), features, labels(task, ids.size(), outputs, random), ids, net);
    }

    /** A graph-mode batch of 3 random signals with {@code channels} values per node. */
    private static Batch signalBatch(TestNetwork net, int channels, TaskType task, int outputs, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int examples = 3;
        float[] features = new float[examples * net.nodes().size() * channels];
        for (int i = 0; i < features.length; i++) {
            features[i] = (float) TestNetwork.gaussian(random);
        }
        return new Batch(examples, features, labels(task, examples, outputs, random), List.of("s1", "s2", "s3"), net);
    }

    private static void check(GcnModel model, Batch batch) {
        model.loss(batch); // binds the identity table, if any, which grows the parameter vector
        float[] theta = model.parameters();
        float[] analytic = new float[theta.length];
        model.objective(batch, analytic);
        double eps = 1e-2;
        List<String> failures = new ArrayList<>();
        double worst = 0;
        for (int i = 0; i < theta.length; i++) {
            float saved = theta[i];
            theta[i] = (float) (saved + eps);
            double plus = model.objective(batch, new float[theta.length]);
            theta[i] = (float) (saved - eps);
            double minus = model.objective(batch, new float[theta.length]);
            theta[i] = saved;
            double numeric = (plus - minus) / (2 * eps);
            double error = Math.abs(numeric - analytic[i]);
            worst = Math.max(worst, error);
            if (error > 1e-3 + 0.02 * Math.abs(numeric)) {
                failures.add("parameter " + i + ": analytic " + analytic[i] + ", numeric " + numeric);
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + theta.length + " gradients wrong, e.g. "
                + failures.subList(0, Math.min(5, failures.size())));
        assertTrue(worst > 0, "the check compared nothing");
    }

    private static GcnModel model(DatasetSchema schema, Map<String, ?> raw, float[] classWeights) {
        return (GcnModel) Fixtures.create(schema, raw, OPTIONS, classWeights, 17);
    }

    @Test
    void nodeModeOnAnUndirectedGraphWithIdentityFeaturesAndClassWeights() {
        TestNetwork net = graph(8, false, 3, 1);
        DatasetSchema schema = new DatasetSchema(List.of(3), "node-test", TaskType.MULTICLASS, outputs(3), Map.of());
        GcnModel model = model(schema, Map.of("hidden", List.of(5), "activation", "tanh", "dropout", 0,
                "l2", 0.01, "identity_features", true), new float[] {1, 2, 0.5f});
        check(model, nodeBatch(net, TaskType.MULTICLASS, 3, 2));
    }

    @Test
    void nodeModeOnADirectedSignedGraphUsesTheTransposeBackwards() {
        TestNetwork net = graph(8, true, 3, 3);
        assertFalse(new Propagation(new CpuAccelerator(), net.normalisedAdjacency()).symmetric(),
                "the test needs an asymmetric propagation matrix");
        DatasetSchema schema = new DatasetSchema(List.of(3), "node-test", TaskType.BINARY, outputs(1), Map.of());
        GcnModel model = model(schema, Map.of("hidden", List.of(4, 3), "activation", "elu", "dropout", 0, "l2", 0.001),
                new float[] {3});
        check(model, nodeBatch(net, TaskType.BINARY, 1, 4));
    }

    @Test
    void nodeModeWithoutHiddenLayersIsOneConvolution() {
        TestNetwork net = graph(8, true, 2, 5);
        DatasetSchema schema = new DatasetSchema(List.of(2), "node-test", TaskType.REGRESSION, outputs(2), Map.of());
        GcnModel model = model(schema, Map.of("hidden", List.of(), "dropout", 0), null);
        assertEquals(2 * 2 + 2, model.parameterCount());
        check(model, nodeBatch(net, TaskType.REGRESSION, 2, 6));
    }

    @Test
    void graphModeMeanPoolingOnADirectedGraphWithIdentityFeatures() {
        TestNetwork net = graph(7, true, 0, 7);
        DatasetSchema schema = new DatasetSchema(List.of(7, 2), "signal-test", TaskType.MULTILABEL, outputs(2), Map.of());
        GcnModel model = model(schema, Map.of("mode", "graph", "hidden", List.of(4), "activation", "tanh", "dropout", 0,
                "l2", 0.01, "identity_features", true), new float[] {2, 0.5f});
        check(model, signalBatch(net, 2, TaskType.MULTILABEL, 2, 8));
    }

    @Test
    void graphModeMaxPoolingWithTwoConvolutions() {
        TestNetwork net = graph(7, false, 0, 9);
        DatasetSchema schema = new DatasetSchema(List.of(7), "signal-test", TaskType.MULTICLASS, outputs(3), Map.of());
        GcnModel model = model(schema, Map.of("mode", "graph", "hidden", List.of(3, 4), "activation", "elu",
                "pooling", "max", "dropout", 0, "l2", 0.001), null);
        check(model, signalBatch(net, 1, TaskType.MULTICLASS, 3, 10));
    }

    /** The attribution score of an example's prediction: log-odds, log-probability or the value. */
    private static double score(TaskType task, float[] predictions, int index) {
        double p = predictions[index];
        return switch (task) {
            case BINARY, MULTILABEL -> Math.log(p / (1 - p));
            case MULTICLASS -> Math.log(p);
            case REGRESSION -> p;
        };
    }

    private static void assertClose(double numeric, float analytic, String what) {
        assertTrue(Math.abs(numeric - analytic) <= 2e-3 + 0.02 * Math.abs(numeric),
                what + ": analytic " + analytic + ", numeric " + numeric);
    }

    /**
     * d score_i / d x_i, node i's own features: moving them in the network (which predictions read) moves the score
     * as the gradient says; the batch's row is where the gradient is taken, so a changed row changes it.
     */
    @Test
    void nodeModeInputGradientsAreThoseOfEachNodesOwnFeatures() {
        TestNetwork net = graph(8, false, 3, 11);
        DatasetSchema schema = new DatasetSchema(List.of(3), "node-test", TaskType.MULTICLASS, outputs(3), Map.of());
        GcnModel model = model(schema, Map.of("hidden", List.of(5), "activation", "tanh", "dropout", 0.2,
                "identity_features", true), null);
        Batch batch = nodeBatch(net, TaskType.MULTICLASS, 3, 12);
        for (int i = 0; i < 5; i++) {
            model.fit(batch);
        }
        int columns = 3;
        float eps = 1e-2f;
        for (int output = 0; output < 3; output++) {
            float[] analytic = model.inputGradients(batch, output);
            for (int e = 0; e < batch.size(); e++) {
                int node = net.index(batch.ids().get(e));
                for (int c = 0; c < columns; c++) {
                    float x = batch.features()[e * columns + c];
                    TestNetwork up = net.withFeature(node, c, x + eps);
                    TestNetwork down = net.withFeature(node, c, x - eps);
                    double numeric = (score(schema.task(), model.predict(new Batch(batch.size(), batch.features(), null, batch.ids(), up)), e * 3 + output)
                            - score(schema.task(), model.predict(new Batch(batch.size(), batch.features(), null, batch.ids(), down)), e * 3 + output)) / (2 * eps);
                    assertClose(numeric, analytic[e * columns + c], "example " + e + " feature " + c + " output " + output);
                }
            }
        }
        // the gradient at a row the network does not hold: that of the network holding it
        float[] moved = batch.features().clone();
        moved[0] += 1.5f;
        int node = net.index(batch.ids().get(0));
        TestNetwork holding = net.withFeature(node, 0, moved[0]);
        float[] there = model.inputGradients(new Batch(batch.size(), moved, null, batch.ids(), net), 1);
        float[] reference = model.inputGradients(new Batch(batch.size(), moved, null, batch.ids(), holding), 1);
        assertClose(reference[0], there[0], "gradient at a moved row");
        assertTrue(Math.abs(there[0] - model.inputGradients(batch, 1)[0]) > 1e-4, "the moved row changed nothing");
    }

    @Test
    void graphModeInputGradientsAreThoseOfTheWholeSignal() {
        TestNetwork net = graph(7, true, 0, 13);
        DatasetSchema schema = new DatasetSchema(List.of(7, 2), "signal-test", TaskType.MULTILABEL, outputs(2), Map.of());
        GcnModel model = model(schema, Map.of("mode", "graph", "hidden", List.of(4), "activation", "tanh", "dropout", 0.1,
                "identity_features", true), null);
        Batch batch = signalBatch(net, 2, TaskType.MULTILABEL, 2, 14);
        for (int i = 0; i < 5; i++) {
            model.fit(batch);
        }
        int features = 14;
        float eps = 1e-2f;
        for (int output = 0; output < 2; output++) {
            float[] analytic = model.inputGradients(batch, output);
            assertEquals(batch.size() * features, analytic.length);
            for (int j = 0; j < features; j++) {
                float[] up = batch.features().clone();
                float[] down = batch.features().clone();
                for (int e = 0; e < batch.size(); e++) {
                    up[e * features + j] += eps;
                    down[e * features + j] -= eps;
                }
                float[] high = model.predict(new Batch(batch.size(), up, null, batch.ids(), net));
                float[] low = model.predict(new Batch(batch.size(), down, null, batch.ids(), net));
                for (int e = 0; e < batch.size(); e++) {
                    double numeric = (score(schema.task(), high, e * 2 + output) - score(schema.task(), low, e * 2 + output)) / (2 * eps);
                    assertClose(numeric, analytic[e * features + j], "example " + e + " feature " + j + " output " + output);
                }
            }
        }
    }
}
