package org.genomod.model.rnn.internal;

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
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;
import org.genomod.api.model.Batch;
import org.genomod.api.model.Model;
import org.genomod.api.model.ModelFamily;
import org.genomod.api.model.ModelRequest;
import org.genomod.api.param.ParameterException;
import org.genomod.api.param.Parameters;
import org.genomod.api.train.EarlyStopping;
import org.genomod.api.train.TrainingOptions;
import org.genomod.dl4j.Dl4jModel;
import org.genomod.testing.PluginTests;
import org.genomod.testing.Sequences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class RnnModelFamilyTest {
    private static final TrainingOptions ADAM = new TrainingOptions(5, 32, "adam", 3e-3, 0, false, EarlyStopping.none());
    private static final String MOTIF = "TGACTCA";

    /** Small variants of each pooling, cell and front-end, so that the masking tests cover every path. */
    static final Map<String, Map<String, Object>> VARIANTS = Map.of(
            "bilstm_max", Map.of("conv_filters", 0, "units", List.of(8), "bidirectional", true, "pooling", "max"),
            "bilstm_average", Map.of("conv_filters", 0, "units", List.of(8), "bidirectional", true, "pooling", "average"),
            "stacked_simple_last", Map.of("conv_filters", 0, "units", List.of(8, 6), "bidirectional", false, "pooling", "last",
                    "cell", "simple"),
            "conv_bilstm_max", Map.of("conv_filters", 8, "conv_width", 5, "conv_pool", 3, "units", List.of(8),
                    "bidirectional", true, "pooling", "max", "dense", List.of(8)));

    private final RnnModelFamily family = new RnnModelFamily();

    @TempDir
    Path dir;

    private Parameters parameters(Map<String, ?> raw) {
        return PluginTests.valid(family.hyperParameters(), raw, dir);
    }

    private Model create(DatasetSchema schema, Map<String, ?> raw, long seed) {
        return family.create(new ModelRequest(schema, parameters(raw), ADAM, null, seed));
    }

    @Test
    void isRegisteredAsTheRnnFamily() throws IOException {
        String xml = PluginTests.descriptorOnOneLine(RnnModelFamily.class);
        assertTrue(xml.contains("interface=\"" + ModelFamily.class.getName() + "\""), xml);
        assertTrue(xml.contains("name=\"" + ModelFamily.SERVICE_PROPERTY + "\"") && xml.contains("value=\"rnn\""), xml);
    }

    /**
     * A small conv + BiLSTM (the default architecture scaled down) on sequences of 20 to 40 bases centred in
     * 40 positions. Large batches: a recurrent layer's cost is per batch and position more than per example.
     */
    @Test
    void findsAPlantedMotifInPaddedSequencesOfManyLengths() {
        Sequences data = Sequences.plantedMotif(1200, 20, 40, 40, MOTIF, 11);
        Sequences train = data.slice(0, 1000);
        Sequences test = data.slice(1000, 1200);
        Map<String, Object> small = Map.of("conv_filters", 16, "conv_width", 7, "conv_pool", 5, "units", List.of(8));
        TrainingOptions fast = new TrainingOptions(6, 50, "adam", 1e-2, 0, false, EarlyStopping.none());
        try (Model model = family.create(new ModelRequest(data.schema(), parameters(small), fast, null, 5))) {
            double firstLoss = train.train(model, 1, 50, 1);
            double lastLoss = train.train(model, 5, 50, 2);
            double auroc = Sequences.auroc(test.predict(model, 100), test.labels());
            assertTrue(lastLoss < firstLoss / 2, "training loss " + firstLoss + " -> " + lastLoss);
            assertTrue(auroc >= 0.95, "held-out AUROC " + auroc);
        }
    }

    /**
     * The same sequence centred in 46 and in 58 positions gets the same prediction from the same weights
     * (length-independent: the second model is the first one loaded for longer inputs). The offsets, 3 and 9
     * positions, are multiples of the front-end's pool size, so that its pooling windows line up in both.
     */
    @ParameterizedTest
    @ValueSource(strings = {"bilstm_max", "bilstm_average", "stacked_simple_last", "conv_bilstm_max"})
    void paddingDoesNotChangeAPrediction(String variant) throws IOException {
        Map<String, Object> raw = VARIANTS.get(variant);
        DatasetSchema narrow = Sequences.schema(46);
        DatasetSchema wide = Sequences.schema(58);
        Sequences training = Sequences.plantedMotif(64, 20, 46, 46, MOTIF, 3);
        String[] sequences = new String[16];
        Random random = new Random(7);
        for (int i = 0; i < sequences.length; i++) {
            sequences[i] = new String(Sequences.random(40, random));
        }
        float[] inNarrow = centred(sequences, 46);
        float[] inWide = centred(sequences, 58);
        float[] narrowPredictions;
        try (Model model = create(narrow, raw, 5)) {
            training.train(model, 1, 32, 1); // biases away from 0, so that unmasked padding would show
            narrowPredictions = model.predict(new Batch(sequences.length, inNarrow, null));
            model.save(dir);
        }
        try (Model loaded = family.load(dir, wide, parameters(raw))) {
            assertArrayEquals(narrowPredictions, loaded.predict(new Batch(sequences.length, inWide, null)), 1e-5f, variant);
        }
        // without the mask the extra padding would change the predictions
        MultiLayerNetwork unmasked = ModelSerializer.restoreMultiLayerNetwork(dir.resolve(Dl4jModel.NETWORK_FILE).toFile(), false);
        try {
            float[] narrowUnmasked = unmasked.output(channelsFirst(inNarrow, sequences.length, 46)).toFloatVector();
            float[] wideUnmasked = unmasked.output(channelsFirst(inWide, sequences.length, 58)).toFloatVector();
            assertFalse(Arrays.equals(narrowUnmasked, wideUnmasked), variant);
            assertTrue(maxDifference(narrowUnmasked, wideUnmasked) > 1e-4, variant);
        } finally {
            unmasked.close();
        }
    }

    static float[] centred(String[] sequences, int width) {
        float[] features = new float[sequences.length * width * 4];
        for (int i = 0; i < sequences.length; i++) {
            Sequences.centre(sequences[i], width, features, i * width * 4);
        }
        return features;
    }

    /** {@code [examples, width, 4]} row-major as NCW. */
    private static INDArray channelsFirst(float[] features, int examples, int width) {
        return Nd4j.create(features, new long[] {examples, width, 4}, 'c').permute(0, 2, 1).dup('c');
    }

    private static float maxDifference(float[] a, float[] b) {
        float max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    @ParameterizedTest
    @ValueSource(strings = {"custom", "danq_small"})
    void savedModelLoadsWithIdenticalPredictions(String preset) throws IOException {
        Sequences data = Sequences.plantedMotif(64, 40, 60, 60, MOTIF, 12);
        Map<String, Object> raw = Map.of("preset", preset, "units", List.of(8), "conv_filters", 8);
        float[] before;
        long parameters;
        try (Model model = create(data.schema(), raw, 5)) {
            data.train(model, 1, 32, 1);
            before = model.predict(data.all());
            parameters = model.parameterCount();
            model.save(dir);
        }
        try (Model loaded = family.load(dir, data.schema(), parameters(raw))) {
            assertArrayEquals(before, loaded.predict(data.all()));
            assertEquals(parameters, loaded.parameterCount());
        }
    }

    @Test
    void sameSeedSameInitialModel() {
        Sequences data = Sequences.plantedMotif(64, 30, 50, 50, MOTIF, 13);
        Map<String, Object> raw = VARIANTS.get("conv_bilstm_max");
        try (Model a = create(data.schema(), raw, 42);
             Model b = create(data.schema(), raw, 42);
             Model c = create(data.schema(), raw, 43)) {
            float[] first = a.predict(data.all());
            assertArrayEquals(first, b.predict(data.all()));
            assertFalse(Arrays.equals(first, c.predict(data.all())));
        }
    }

    @Test
    void schemaRejectsUnknownAndIllTypedKeys() {
        ParameterException e = assertThrows(ParameterException.class, () -> family.hyperParameters().validate(
                Map.of("unit", List.of(8), "units", "many", "dropout", 1.5, "pooling", "min", "bidirectional", "sometimes"), dir));
        String all = String.join("\n", e.problems());
        assertEquals(5, e.problems().size(), all);
        assertTrue(all.contains("unknown parameter 'unit'"), all);
        assertTrue(all.contains("parameter 'units' must be a list of integers"), all);
        assertTrue(all.contains("parameter 'dropout' must be a number in [0, 0.9], got 1.5"), all);
        assertTrue(all.contains("parameter 'pooling' must be one of last, max, average, flatten, got 'min'"), all);
        assertTrue(all.contains("parameter 'bidirectional' must be true or false"), all);
    }

    @Test
    void gruIsRefusedWithTheReason() {
        DatasetSchema schema = Sequences.schema(50);
        List<String> problems = family.check(schema, parameters(Map.of("cell", "gru")));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("cell gru is not available: Deeplearning4j 1.0.0-M2.1 has no GRU layer"), problems.get(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> create(schema, Map.of("cell", "gru"), 1));
        assertTrue(e.getMessage().contains("use lstm or simple"), e.getMessage());
    }

    @Test
    void checkNamesArchitecturesThatDoNotFitTheData() {
        DatasetSchema schema = Sequences.schema(10);
        List<String> problems = family.check(schema, parameters(Map.of("pooling", "last", "bidirectional", true,
                "conv_filters", 8, "conv_pool", 13)));
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("pooling last cannot read a bidirectional layer"), problems.get(0));
        assertEquals("conv_pool 13 is wider than the 10 positions the convolution leaves", problems.get(1));
        assertEquals(List.of("conv_width 26 (valid padding) is wider than the 10 positions of a sequence"),
                family.check(schema, parameters(Map.of("preset", "danq"))));

        DatasetSchema regression = new DatasetSchema(List.of(30, 4), "dna-one-hot", TaskType.REGRESSION, List.of("y"), null);
        assertTrue(family.check(regression, parameters(Map.of("loss", "cross_entropy"))).get(0).contains("needs a classification task"));
        DatasetSchema flat = new DatasetSchema(List.of(64), "dna-3-mer-count", TaskType.BINARY, List.of("y"), null);
        assertTrue(family.check(flat, parameters(Map.of())).get(0).contains("needs sequences of shape [length, channels]"));
    }
}
