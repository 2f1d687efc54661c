package org.genomod.model.multimodal.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;
import org.genomod.api.model.Batch;
import org.genomod.api.model.Model;
import org.genomod.api.model.ModelFamily;
import org.genomod.api.model.ModelRequest;
import org.genomod.api.model.ModelState;
import org.genomod.api.param.ParameterException;
import org.genomod.api.param.Parameters;
import org.genomod.api.train.EarlyStopping;
import org.genomod.api.train.TrainingOptions;
import org.genomod.dl4j.Dl4jGraphModel;
import org.genomod.dl4j.InputLayout;
import org.genomod.testing.PluginTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

class MultimodalModelFamilyTest {
    private static final TrainingOptions ADAM = new TrainingOptions(10, 32, "adam", 5e-3, 0, false, EarlyStopping.none());
    /** Small and unregularised, so that tests are about the graph, not the p >> n defaults. */
    private static final Map<String, Object> SMALL = Map.of("branch_hidden", List.of(8), "shared_hidden", List.of(8),
            "conv_filters", 8, "conv_kernel", 4, "input_l1", 0, "input_init_scale", 1, "l2", 0, "dropout", 0);

    private final MultimodalModelFamily family = new MultimodalModelFamily();

    @TempDir
    Path dir;

    private Parameters parameters(Map<String, ?> raw) {
        try {
            return family.hyperParameters().validate(raw, dir);
        } catch (ParameterException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, Object> with(Map<String, Object> base, Object... keyValues) {
        Map<String, Object> raw = new HashMap<>(base);
        for (int i = 0; i < keyValues.length; i += 2) {
            raw.put((String) keyValues[i], keyValues[i + 1]);
        }
        return raw;
    }

    private Dl4jGraphModel create(DatasetSchema schema, Map<String, ?> raw, long seed) {
        return (Dl4jGraphModel) family.create(new ModelRequest(schema, parameters(raw), ADAM, null, seed));
    }

    @Test
    void isRegisteredAsTheMultimodalFamily() throws IOException {
        String xml = PluginTests.descriptorOnOneLine(MultimodalModelFamily.class);
        assertTrue(xml.contains("interface=\"" + ModelFamily.class.getName() + "\""), xml);
        assertTrue(xml.contains("name=\"" + ModelFamily.SERVICE_PROPERTY + "\"") && xml.contains("value=\"multimodal\""), xml);
    }

    @Test
    void unknownAndIllTypedHyperParametersAreRejected() {
        List<String> problems = assertThrows(ParameterException.class,
                () -> family.hyperParameters().validate(Map.of("shared", List.of(8), "dropout", "lots", "task_weights", 1), dir)).problems();
        assertEquals(List.of(
                "unknown parameter 'shared' (known: branch_hidden, conv_filters, conv_kernel, shared_hidden, head_hidden, activation, "
                        + "dropout, input_l1, input_init_scale, l2, branches, task_weights, loss)",
                "parameter 'dropout' must be a number in [0, 0.95], got 'lots'",
                "parameter 'task_weights' must be a mapping, got '1'"), problems);
    }

    @Test
    void checkNamesWhatDoesNotFitTheData() {
        assertEquals(List.of(), family.check(Joined.SCHEMA, parameters(Map.of())));
        Map<String, Object> raw = Map.of(
                "branches", Map.of("covariate", Map.of(), "covariates", Map.of("type", "conv", "hiden", List.of(4)),
                        "sequence", Map.of("kernel", 40)),
                "task_weights", Map.of("risk", -1, "cc", 2));
        assertEquals(List.of(
                "branches names input 'covariate', which the data does not have (inputs: covariates, sequence)",
                "branches.covariates: unknown parameter 'hiden' (known: type, hidden, filters, kernel, input_l1, input_init_scale)",
                "input 'sequence': the conv kernel of 40 positions is longer than its 30 positions",
                "task_weights: unknown parameter 'cc' (known: risk, motif)",
                "task_weights: parameter 'risk' must be a number in [0, 1000000], got -1"), family.check(Joined.SCHEMA, parameters(raw)));
        assertEquals(List.of(), family.check(Joined.SCHEMA, parameters(Map.of("task_weights", Map.of("risk", "0.5")))),
                "a weight from an environment variable is a string");
        assertEquals(List.of("input 'covariates' has shape [5]: a conv branch needs a [length, channels] sequence; "
                        + "set branches.covariates.type: dense"),
                family.check(Joined.SCHEMA, parameters(Map.of("branches", Map.of("covariates", Map.of("type", "conv"))))));
        assertEquals(List.of("task_weights are all 0: no task would be trained"),
                family.check(Joined.SCHEMA, parameters(Map.of("task_weights", Map.of("risk", 0, "motif", 0.0)))));
        assertEquals(List.of("loss mae is for regression; a multilabel task takes cross_entropy or mse"),
                family.check(Joined.SCHEMA, parameters(Map.of("loss", "mae"))));
        DatasetSchema broken = new DatasetSchema(List.of(10), "joined", TaskType.BINARY, List.of("case"),
                Map.of("inputs", List.of(Joined.segment("a", List.of(4), "expression", 0))));
        assertEquals(List.of("the inputs hold 4 feature values, the examples 10"), family.check(broken, parameters(Map.of())));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> create(Joined.SCHEMA, Map.of("loss", "mae"), 1));
        assertTrue(e.getMessage().contains("loss mae is for regression"), e.getMessage());
    }

    @Test
    void oneBranchPerInputOneHeadPerTask() {
        try (Dl4jGraphModel model = create(Joined.SCHEMA, Map.of(), 1)) {
            ComputationGraph graph = model.graph();
            assertEquals(List.of("input_covariates", "input_sequence"), graph.getConfiguration().getNetworkInputs());
            assertEquals(List.of("task_1_risk", "task_2_motif"), graph.getConfiguration().getNetworkOutputs());
            // the one-hot sequence is convolved (channels first), the covariates go through dense layers
            assertTrue(graph.getVertex("sequence_conv") != null && graph.getVertex("sequence_pool") != null);
            assertTrue(graph.getVertex("covariates_dense_1") != null && graph.getVertex("merge") != null);
            assertEquals(List.of(InputLayout.FLAT, InputLayout.CHANNELS_FIRST),
                    Architecture.of(Joined.SCHEMA, parameters(Map.of())).inputs().stream().map(Dl4jGraphModel.Input::layout).toList());
            // covariates 5 x 16 + 16; conv 12 x 4 x 32 + 32; its dense 32 x 16 + 16; shared (16 + 16) x 16 + 16; heads 2 x (16 + 1)
            assertEquals(5 * 16 + 16 + 12 * 4 * 32 + 32 + 32 * 16 + 16 + 32 * 16 + 16 + 2 * 17, model.parameterCount());
            Batch batch = Joined.examples(10, 1);
            float[] p = model.predict(batch);
            assertEquals(20, p.length);
            for (float v : p) {
                assertTrue(v > 0 && v < 1, Arrays.toString(p));
            }
        }
    }

    @Test
    void eachHeadLearnsItsTaskFromItsInput() {
        Batch train = Joined.examples(500, 2);
        Batch test = Joined.examples(300, 3);
        try (Model model = create(Joined.SCHEMA, SMALL, 4)) {
            Joined.fit(model, train, 8, 25, 5);
            float[] p = model.predict(test);
            double risk = Joined.accuracy(p, test, 0, 2);
            double motif = Joined.accuracy(p, test, 1, 2);
            assertTrue(risk >= 0.9, "risk accuracy " + risk);
            assertTrue(motif >= 0.85, "motif accuracy " + motif);
        }
    }

    @Test
    void totalLossIsTheWeightedSumOfTaskLosses() {
        Batch batch = Joined.examples(64, 6);
        double[] losses = new double[3];
        double[] weights = {0, 1, 2.5};
        for (int k = 0; k < 3; k++) {
            try (Model model = create(Joined.SCHEMA, with(SMALL, "task_weights", Map.of("risk", weights[k])), 7)) {
                losses[k] = model.loss(batch);
            }
        }
        // same seed, same initial weights: loss = w x loss(risk) + loss(motif)
        double risk = losses[1] - losses[0];
        assertTrue(risk > 0.1, "risk loss " + risk);
        assertEquals(losses[0] + 2.5 * risk, losses[2], 1e-4);
    }

    @Test
    void aZeroWeightLeavesItsHeadUntrained() {
        Batch train = Joined.examples(200, 8);
        try (Dl4jGraphModel model = create(Joined.SCHEMA, with(SMALL, "task_weights", Map.of("motif", 0)), 9)) {
            INDArray risk = model.graph().getLayer("task_1_risk").params().dup();
            INDArray motif = model.graph().getLayer("task_2_motif").params().dup();
            INDArray covariates = model.graph().getLayer("covariates_dense_1").params().dup();
            Joined.fit(model, train, 2, 32, 1);
            assertNotEquals(risk, model.graph().getLayer("task_1_risk").params());
            assertNotEquals(covariates, model.graph().getLayer("covariates_dense_1").params());
            assertEquals(motif, model.graph().getLayer("task_2_motif").params(), "the motif head has weight 0");
        }
    }

    @Test
    void savedModelLoadsWithIdenticalPredictionsAndSnapshotsRestore() throws IOException {
        Batch batch = Joined.examples(100, 10);
        Map<String, Object> raw = Map.of("head_hidden", List.of(4), "task_weights", Map.of("motif", 0.5));
        float[] before;
        long parameters;
        try (Model model = create(Joined.SCHEMA, raw, 11)) {
            Joined.fit(model, batch, 1, 32, 1);
            ModelState state = model.snapshot();
            before = model.predict(batch);
            Joined.fit(model, batch, 2, 32, 2);
            assertFalse(Arrays.equals(before, model.predict(batch)));
            model.restore(state);
            assertArrayEquals(before, model.predict(batch));
            parameters = model.parameterCount();
            model.save(dir);
        }
        try (Model loaded = family.load(dir, Joined.SCHEMA, parameters(raw))) {
            assertArrayEquals(before, loaded.predict(batch));
            assertEquals(parameters, loaded.parameterCount());
        }
    }

    @Test
    void oneInputServesMultiTaskLearningAndEveryTaskType() {
        DatasetSchema multilabel = new DatasetSchema(List.of(6), "allele-count", TaskType.MULTILABEL, List.of("cc", "stratum"), null);
        try (Dl4jGraphModel model = create(multilabel, Map.of("task_weights", Map.of("stratum", 0.5)), 1)) {
            assertEquals(List.of("input_input"), model.graph().getConfiguration().getNetworkInputs());
            assertEquals(List.of("task_1_cc", "task_2_stratum"), model.graph().getConfiguration().getNetworkOutputs());
        }
        DatasetSchema regression = new DatasetSchema(List.of(6), "expression", TaskType.REGRESSION, List.of("height", "weight"), null);
        try (Dl4jGraphModel model = create(regression, Map.of("loss", "mae"), 1)) {
            assertEquals(2, model.graph().getNumOutputArrays(), "one head per target");
            assertEquals(4, model.predict(new Batch(2, new float[12], null)).length);
        }
        DatasetSchema multiclass = new DatasetSchema(List.of(6), "expression", TaskType.MULTICLASS, List.of("a", "b", "c"), null);
        try (Dl4jGraphModel model = create(multiclass, Map.of("task_weights", Map.of("class", 2)), 1)) {
            assertEquals(List.of("task_1_class"), model.graph().getConfiguration().getNetworkOutputs());
            float[] p = model.predict(new Batch(1, new float[] {1, 2, 3, 4, 5, 6}, null));
            assertEquals(1, p[0] + p[1] + p[2], 1e-5, "a softmax over the classes");
        }
    }

    @Test
    void classWeightsWeightEachTasksPositives() {
        Batch train = Joined.examples(200, 12);
        float[] positiveRate = new float[2];
        for (int k = 0; k < 2; k++) {
            float[] weights = k == 0 ? null : new float[] {1, 8};
            try (Model model = family.create(new ModelRequest(Joined.SCHEMA, parameters(SMALL), ADAM, weights, 13))) {
                Joined.fit(model, train, 2, 32, 1);
                float[] p = model.predict(train);
                for (int i = 0; i < train.size(); i++) {
                    positiveRate[k] += p[i * 2 + 1] / train.size();
                }
            }
        }
        assertTrue(positiveRate[1] > positiveRate[0] + 0.1, "weighting the motif's positives x8 raises its scores: " + Arrays.toString(positiveRate));
    }
}
