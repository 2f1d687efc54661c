package org.genomod.model.cnn.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.genomod.api.data.TaskType;
import org.genomod.api.model.Batch;
import org.genomod.api.model.DifferentiableModel;
import org.genomod.api.model.Model;
import org.genomod.api.model.ModelRequest;
import org.genomod.api.model.SequenceFilterModel;
import org.genomod.api.param.Parameters;
import org.genomod.api.train.EarlyStopping;
import org.genomod.api.train.TrainingOptions;
import org.genomod.testing.PluginTests;
import org.genomod.testing.Sequences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input gradients (against finite differences) and filter activations of the CNN family's models, on each strand setting. */
class AttributionSupportTest {
    private static final TrainingOptions ADAM = new TrainingOptions(2, 32, "adam", 3e-3, 0, false, EarlyStopping.none());
    /** Smooth everywhere (tanh, no max pooling), so that finite differences hold; dropout, which gradients must ignore. */
    private static final Map<String, Object> SMOOTH = Map.of("filters", List.of(4), "widths", List.of(5), "pooling", List.of(0),
            "dense", List.of(6), "activation", "tanh", "dropout", 0.3);

    private final CnnModelFamily family = new CnnModelFamily();

    @TempDir
    Path dir;

    private Model create(Sequences data, Map<String, Object> raw) {
        Parameters parameters = PluginTests.valid(family.hyperParameters(), raw, dir);
        Model model = family.create(new ModelRequest(data.schema(), parameters, ADAM, null, 3));
        data.train(model, 1, 32, 1);
        return model;
    }

    private static Map<String, Object> with(String key, Object value) {
        Map<String, Object> raw = new java.util.HashMap<>(SMOOTH);
        raw.put(key, value);
        return raw;
    }

    /** d log-odds / d feature from predictions, each feature moved in every example at once. */
    private static double[] numerical(Model model, Batch batch, double step) {
        int features = model.schema().featureSize();
        double[] gradients = new double[batch.size() * features];
        for (int j = 0; j < features; j++) {
            float[] up = batch.features().clone();
            float[] down = batch.features().clone();
            for (int e = 0; e < batch.size(); e++) {
                up[e * features + j] += (float) step;
                down[e * features + j] -= (float) step;
            }
            float[] high = model.predict(new Batch(batch.size(), up, null));
            float[] low = model.predict(new Batch(batch.size(), down, null));
            for (int e = 0; e < batch.size(); e++) {
                gradients[e * features + j] = (logit(high[e]) - logit(low[e])) / (2 * step);
            }
        }
        return gradients;
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    private static void assertGradients(Model model, Sequences data) {
        assertEquals(TaskType.BINARY, model.schema().task());
        Batch batch = data.slice(0, 6).all();
        double[] expected = numerical(model, batch, 1e-2);
        float[] actual = assertInstanceOf(DifferentiableModel.class, model).inputGradients(batch, 0);
        double largest = 0;
        for (double g : expected) {
            largest = Math.max(largest, Math.abs(g));
        }
        assertTrue(largest > 1e-2, "largest gradient " + largest);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 0.02 * largest + 2e-3, "gradient " + i);
        }
    }

    @Test
    void forwardStrandGradientsAreThoseOfTheLogOdds() {
        Sequences data = Sequences.plantedMotif(200, 30, "TGACTCA", 1);
        try (Model model = create(data, SMOOTH)) {
            assertGradients(model, data);
        }
    }

    @Test
    void bothStrandGradientsAreThoseOfTheAveragedPredictionsLogOdds() {
        Sequences data = Sequences.plantedMotif(200, 30, "TGACTCA", 2);
        try (Model model = create(data, with("strands", "both"))) {
            assertInstanceOf(BothStrands.class, model);
            assertGradients(model, data);
        }
    }

    @Test
    void batchNormalisedGradientsAreThoseOfInference() {
        // two batch-normalised convolution blocks, as Basset builds them (smooth here: tanh, no pooling), on both strands
        Sequences data = Sequences.plantedMotif(200, 30, "TGACTCA", 4);
        Map<String, Object> raw = with("batch_norm", true);
        raw.put("filters", List.of(4, 3));
        raw.put("widths", List.of(5, 3));
        raw.put("pooling", List.of(0, 0));
        raw.put("strands", "both");
        try (Model model = create(data, raw)) {
            // training moved the running statistics, which inference (and so the gradients) normalise by
            float[] before = model.predict(data.slice(0, 6).all());
            assertGradients(model, data);
            assertArrayEquals(before, model.predict(data.slice(0, 6).all()), "computing gradients left the statistics alone");
        }
    }

    @Test
    void filterActivationsCoverEveryWholeWindowOnEitherStrandSetting() throws IOException {
        Sequences data = Sequences.plantedMotif(100, 30, "TGACTCA", 3);
        Batch batch = data.slice(0, 5).all();
        for (String strands : List.of("forward", "both")) {
            for (String padding : List.of("same", "valid")) {
                Map<String, Object> raw = with("strands", strands);
                raw.put("padding", padding);
                raw.put("filters", List.of(6, 3));
                raw.put("widths", List.of(7, 3));
                raw.put("pooling", List.of(2, -1));
                raw.put("activation", "relu");
                try (Model model = create(data, raw)) {
                    SequenceFilterModel filters = assertInstanceOf(SequenceFilterModel.class, model);
                    assertEquals(6, filters.filterCount());
                    assertEquals(7, filters.filterWidth());
                    float[] activations = filters.filterActivations(batch);
                    assertEquals(5 * (30 - 7 + 1) * 6, activations.length, strands + " " + padding);
                    for (float a : activations) {
                        assertTrue(a >= 0, "relu activations are never negative: " + a);
                    }
                    Path saved = dir.resolve(strands + "-" + padding);
                    java.nio.file.Files.createDirectories(saved);
                    model.save(saved);
                    try (Model loaded = family.load(saved, data.schema(), PluginTests.valid(family.hyperParameters(), raw, dir))) {
                        assertArrayEquals(activations, assertInstanceOf(SequenceFilterModel.class, loaded).filterActivations(batch));
                    }
                }
            }
        }
    }
}
