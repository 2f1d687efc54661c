package org.genomod.model.autoencoder.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.genomod.api.data.ArrayDataset;
import org.genomod.api.data.Dataset;
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
import org.genomod.testing.PluginTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The family on synthetic low-rank expression: reconstruction, masked imputation, the loss's masks, saving, sampling. */
class AutoencoderFamilyTest {
    private static final TrainingOptions ADAM = new TrainingOptions(1, 32, "adam", 3e-3, 0, false, EarlyStopping.none());

    private final AutoencoderFamily family = new AutoencoderFamily();

    @TempDir
    Path dir;

    private Parameters parameters(Map<String, ?> raw) {
        return PluginTests.valid(family.hyperParameters(), raw, dir);
    }

    private AutoencoderModel create(DatasetSchema schema, Map<String, ?> raw, long seed) {
        return (AutoencoderModel) family.create(new ModelRequest(schema, parameters(raw), ADAM, null, seed));
    }

    @Test
    void isRegisteredAsTheAutoencoderFamily() throws IOException {
        String xml = PluginTests.descriptorOnOneLine(AutoencoderFamily.class);
        assertTrue(xml.contains("interface=\"" + ModelFamily.class.getName() + "\""), xml);
        assertTrue(xml.contains("name=\"" + ModelFamily.SERVICE_PROPERTY + "\" type=\"String\" value=\"autoencoder\""), xml);
        family.hyperParameters().parameters().forEach(p -> assertTrue(p.name().matches("[a-z][a-z0-9]*(_[a-z0-9]+)*"), p.name()));
    }

    @Test
    void lowRankDataIsReconstructedThroughTheBottleneck() {
        Expression data = Expression.lowRank(300, 40, 3, 0.05, 1);
        Dataset all = data.complete();
        Dataset train = all.select(range(0, 240));
        Dataset test = all.select(range(240, 300));
        try (AutoencoderModel model = create(all.schema(), Map.of("corruption", "none", "hidden", List.of(32), "latent", 4,
                "prediction", "reconstructed"), 3)) {
            double first = Expression.train(model, train, 1, 32);
            double last = Expression.train(model, train, 24, 32);
            Batch batch = Expression.all(test);
            double rmse = Expression.rmse(model.predict(batch), batch.labels());
            double spread = Expression.rmse(geneMeans(train, test.size()), batch.labels());
            assertTrue(last < first / 5, "training loss " + first + " -> " + last);
            // three programmes explain all but the 5 % noise: a 4-unit code must carry nearly everything
            assertTrue(rmse < 0.2 * spread, "held-out reconstruction RMSE " + rmse + ", spread around the gene means " + spread);
            assertEquals(60 * 4, model.encode(batch).length);
        }
    }

    @Test
    void maskedValuesAreImputedFarBetterThanByTheGeneMean() {
        Dataset all = Expression.lowRank(300, 40, 3, 0.1, 2).masked(0.2, 5);
        Dataset train = all.select(range(0, 240));
        Dataset test = all.select(range(240, 300));
        try (AutoencoderModel model = create(all.schema(), Map.of("hidden", List.of(64), "latent", 8), 4)) {
            Expression.train(model, train, 25, 32);
            Batch batch = Expression.all(test);
            float[] imputed = model.predict(batch);
            double rmse = Expression.rmse(imputed, batch.labels()); // the labels are exactly the hidden values
            double meanRmse = Expression.rmse(geneMeans(train, test.size()), batch.labels());
            assertTrue(rmse < 0.5 * meanRmse, "hidden-value RMSE " + rmse + " against mean imputation " + meanRmse);
            for (int i = 0; i < imputed.length; i++) {
                if (!Float.isNaN(batch.features()[i])) {
                    assertEquals(batch.features()[i], imputed[i], "an observed value is returned as it is");
                }
            }
        }
    }

    @Test
    void theLossIsTheMeanSquaredErrorOfTheKnownValuesOnly() {
        Dataset data = Expression.lowRank(20, 12, 2, 0.1, 3).masked(0.25, 6);
        try (AutoencoderModel model = create(data.schema(), Map.of("prediction", "reconstructed", "hidden", List.of(8),
                "latent", 3), 5)) {
            Batch batch = Expression.all(data);
            model.fit(batch);
            float[] reconstruction = model.predict(batch);
            // known: the label where there is one (a hidden value), else the value the features show
            GeneCalibration scale = GeneCalibration.fit(targets(batch), known(batch), 20, 12);
            double sum = 0;
            int count = 0;
            for (int i = 0; i < reconstruction.length; i++) {
                float target = Float.isNaN(batch.labels()[i]) ? batch.features()[i] : batch.labels()[i];
                if (!Float.isNaN(target)) {
                    double d = scale.scaled(i % 12, reconstruction[i]) - scale.scaled(i % 12, target);
                    sum += d * d;
                    count++;
                }
            }
            assertEquals(sum / count, model.loss(batch), 1e-4 * sum / count);
        }
    }

    @Test
    void valuesFlaggedMissingAreNeverRead() {
        // features [genes, 2]: the value under a 0 flag is garbage; it must change nothing
        Expression data = Expression.lowRank(40, 10, 2, 0.1, 4);
        DatasetSchema schema = Expression.schema(10, true);
        ArrayDataset.Builder clean = ArrayDataset.builder(schema, true);
        ArrayDataset.Builder garbage = ArrayDataset.builder(schema, true);
        for (int s = 0; s < 40; s++) {
            float[] a = new float[20];
            float[] b = new float[20];
            float[] labels = new float[10];
            for (int g = 0; g < 10; g++) {
                boolean missing = (s + g) % 4 == 0;
                float v = data.truth[s * 10 + g];
                a[2 * g] = missing ? 0f : v;
                b[2 * g] = missing ? 1e6f : v;
                a[2 * g + 1] = b[2 * g + 1] = missing ? 0f : 1f;
                labels[g] = missing ? Float.NaN : v;
            }
            clean.add("s" + s, null, a, labels);
            garbage.add("s" + s, null, b, labels);
        }
        try (AutoencoderModel a = create(schema, Map.of(), 6); AutoencoderModel b = create(schema, Map.of(), 6)) {
            Dataset first = clean.build();
            Dataset second = garbage.build();
            double lossA = Expression.train(a, first, 3, 16);
            double lossB = Expression.train(b, second, 3, 16);
            assertTrue(Double.isFinite(lossA));
            assertEquals(lossA, lossB);
            assertEquals(a.parameters(), b.parameters());
            assertArrayEquals(a.predict(Expression.all(first)), b.predict(Expression.all(second)));
        }
    }

    @Test
    void denoisingReconstructsWhatImputationKeeps() {
        Dataset data = Expression.lowRank(120, 20, 2, 0.3, 5).complete();
        Map<String, Object> raw = new HashMap<>(Map.of("corruption", "gaussian", "noise", 0.5, "hidden", List.of(16), "latent", 2));
        try (AutoencoderModel imputing = create(data.schema(), raw, 7)) {
            raw.put("prediction", "reconstructed");
            try (AutoencoderModel denoising = create(data.schema(), raw, 7)) {
                Expression.train(imputing, data, 10, 32);
                Expression.train(denoising, data, 10, 32);
                Batch batch = Expression.all(data);
                assertArrayEquals(batch.features(), imputing.predict(batch), "complete data: imputation changes nothing");
                float[] denoised = denoising.predict(batch);
                // a rank-2 code cannot carry the 30 % noise: the reconstruction is closer to the noiseless values
                assertFalse(Arrays.equals(batch.features(), denoised));
                assertTrue(Expression.rmse(denoised, batch.features()) > 0.1);
            }
        }
    }

    @Test
    void savedModelsLoadWithIdenticalOutputs() throws IOException {
        Dataset data = Expression.lowRank(60, 15, 2, 0.1, 6).masked(0.1, 7);
        for (boolean variational : new boolean[] {false, true}) {
            Map<String, Object> raw = Map.of("variational", variational, "hidden", List.of(16), "latent", 3, "dropout", 0.2);
            Path saved = dir.resolve(variational ? "vae" : "ae");
            java.nio.file.Files.createDirectories(saved);
            Batch batch = Expression.all(data);
            float[] predicted;
            float[] codes;
            float[] samples = null;
            long count;
            try (AutoencoderModel model = create(data.schema(), raw, 8)) {
                Expression.train(model, data, 3, 16);
                predicted = model.predict(batch);
                codes = model.encode(batch);
                if (variational) {
                    samples = model.sample(10, 3, true);
                }
                count = model.parameterCount();
                assertTrue(model.summary().contains("decoder"), model.summary());
                model.save(saved);
            }
            try (AutoencoderModel loaded = (AutoencoderModel) family.load(saved, data.schema(), parameters(raw))) {
                assertArrayEquals(predicted, loaded.predict(batch));
                assertArrayEquals(codes, loaded.encode(batch));
                assertEquals(count, loaded.parameterCount());
                if (variational) {
                    assertArrayEquals(samples, loaded.sample(10, 3, true));
                }
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameModelAndTheSameSamples() {
        Dataset data = Expression.lowRank(50, 15, 2, 0.1, 7).complete();
        Map<String, Object> vae = Map.of("variational", true, "hidden", List.of(16), "latent", 3);
        try (AutoencoderModel a = create(data.schema(), vae, 9);
             AutoencoderModel b = create(data.schema(), vae, 9);
             AutoencoderModel c = create(data.schema(), vae, 10)) {
            Batch batch = Expression.all(data);
            assertArrayEquals(a.encode(batch), b.encode(batch));
            assertFalse(Arrays.equals(a.encode(batch), c.encode(batch)));
            Expression.train(a, data, 5, 16);
            Expression.train(b, data, 5, 16);
            assertEquals(a.parameters(), b.parameters(), "training repeats exactly, sampling noise included");
            float[] first = a.sample(20, 42, true);
            assertArrayEquals(first, a.sample(20, 42, true));
            assertArrayEquals(first, b.sample(20, 42, true));
            assertFalse(Arrays.equals(first, a.sample(20, 43, true)));
            assertEquals(20 * 15, first.length);
            assertFalse(Arrays.equals(a.sample(20, 42, false), a.sample(20, 42, false, Architecture.Sampling.PRIOR)));
        }
        try (AutoencoderModel plain = create(data.schema(), Map.of(), 1)) {
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> plain.sample(5, 1, true));
            assertTrue(e.getMessage().contains("variational: true"), e.getMessage());
        }
    }

    @Test
    void datasetsThatAreNotReconstructionsAreRefused() {
        Parameters defaults = parameters(Map.of());
        DatasetSchema classes = new DatasetSchema(List.of(10), "expression", TaskType.MULTICLASS, List.of("a", "b"), Map.of());
        assertTrue(family.check(classes, defaults).get(0).contains("needs a reconstruction dataset"), family.check(classes, defaults).toString());
        DatasetSchema regression = new DatasetSchema(List.of(3), "expression", TaskType.REGRESSION, List.of("x", "y", "z"), Map.of());
        assertEquals(1, family.check(regression, defaults).size());
        DatasetSchema shape = new DatasetSchema(List.of(3, 4), "expression", TaskType.REGRESSION, List.of("x", "y", "z"),
                Map.of("reconstruction", true));
        assertTrue(family.check(shape, defaults).get(0).contains("[3] or [3, 2]"), family.check(shape, defaults).toString());
        assertEquals(List.of(), family.check(Expression.schema(3, true), defaults));
        assertTrue(family.check(Expression.schema(3, false), parameters(Map.of("beta", 2))).get(0).contains("variational: true"));

        IllegalArgumentException weighted = assertThrows(IllegalArgumentException.class, () -> family.create(
                new ModelRequest(Expression.schema(3, false), defaults, ADAM, new float[] {1, 2, 3}, 1)));
        assertTrue(weighted.getMessage().contains("class weights do not apply"), weighted.getMessage());
        assertThrows(IllegalArgumentException.class, () -> family.create(new ModelRequest(classes, defaults, ADAM, null, 1)));

        ParameterException bad = assertThrows(ParameterException.class, () -> family.hyperParameters().validate(
                Map.of("latent", "big", "hidden", List.of(0), "corruption", "salt", "layers", 3), dir));
        assertEquals(4, bad.problems().size(), bad.problems().toString());
    }

    @Test
    void standardisedFeaturesAreRefusedWithTheReason() {
        Dataset raw = Expression.lowRank(10, 5, 2, 0.1, 8).complete();
        ArrayDataset.Builder standardised = ArrayDataset.builder(raw.schema(), true);
        float[] features = new float[5];
        float[] labels = new float[5];
        for (int i = 0; i < raw.size(); i++) {
            raw.features(i, features, 0);
            raw.labels(i, labels, 0);
            float[] shifted = features.clone();
            for (int g = 0; g < 5; g++) {
                shifted[g] = (features[g] - 8) / 2; // what data.transform: standardize does to features only
            }
            standardised.add(raw.id(i), null, shifted, labels.clone());
        }
        try (Model model = create(raw.schema(), Map.of(), 1)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> model.fit(Expression.all(standardised.build())));
            assertTrue(e.getMessage().startsWith("example 's0', output 0: the features show"), e.getMessage());
            assertTrue(e.getMessage().contains("Drop data.transform: standardize"), e.getMessage());
        }
    }

    private static int[] range(int from, int to) {
        return java.util.stream.IntStream.range(from, to).toArray();
    }

    /** Each gene's mean over the training set's known values, repeated for {@code rows} examples. */
    private static float[] geneMeans(Dataset train, int rows) {
        int genes = train.schema().labelSize();
        double[] sum = new double[genes];
        int[] count = new int[genes];
        float[] f = new float[genes];
        float[] l = new float[genes];
        for (int i = 0; i < train.size(); i++) {
            train.features(i, f, 0);
            train.labels(i, l, 0);
            for (int g = 0; g < genes; g++) {
                float v = Float.isNaN(l[g]) ? f[g] : l[g];
                if (!Float.isNaN(v)) {
                    sum[g] += v;
                    count[g]++;
                }
            }
        }
        float[] means = new float[rows * genes];
        for (int i = 0; i < means.length; i++) {
            means[i] = (float) (sum[i % genes] / count[i % genes]);
        }
        return means;
    }

    private static float[] targets(Batch batch) {
        float[] t = new float[batch.labels().length];
        for (int i = 0; i < t.length; i++) {
            t[i] = Float.isNaN(batch.labels()[i]) ? batch.features()[i] : batch.labels()[i];
        }
        return t;
    }

    private static float[] known(Batch batch) {
        float[] t = targets(batch);
        float[] k = new float[t.length];
        for (int i = 0; i < t.length; i++) {
            k[i] = Float.isNaN(t[i]) ? 0f : 1f;
        }
        return k;
    }
}
