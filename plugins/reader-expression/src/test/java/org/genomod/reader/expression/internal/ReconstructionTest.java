package org.genomod.reader.expression.internal;

import static org.genomod.reader.expression.internal.Reads.features;
import static org.genomod.reader.expression.internal.Reads.labels;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.InputFormatException;
import org.genomod.api.data.TaskType;
import org.genomod.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code task: reconstruction}: the values as labels, seeded hiding of observed values, the most variable genes. */
class ReconstructionTest {
    private static final float NAN = Float.NaN;

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    /** A genes × samples CSV of {@code genes} rows and {@code samples} columns of seeded values, gene g scaled by g + 1. */
    private Path randomMatrix(String name, int genes, int samples, long seed) throws IOException {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder("gene");
        for (int s = 0; s < samples; s++) {
            csv.append(",s").append(s);
        }
        csv.append('\n');
        for (int g = 0; g < genes; g++) {
            csv.append('g').append(g);
            for (int s = 0; s < samples; s++) {
                csv.append(',').append((float) (random.nextGaussian() * (g + 1)));
            }
            csv.append('\n');
        }
        return write(name, csv.toString());
    }

    @Test
    void labelsAreTheObservedValues() throws IOException {
        Path csv = write("m.csv", "gene,s1,s2\ng1,1,NA\ng2,3,4\n");
        Dataset d = Reads.train(csv, "task", "reconstruction", "missing", "nan");
        assertEquals(TaskType.REGRESSION, d.schema().task());
        assertEquals(List.of("g1", "g2"), d.schema().outputs());
        assertTrue(d.labelled());
        assertEquals(true, d.schema().attributes().get("reconstruction"));
        assertArrayEquals(new float[] {1, 3}, labels(d, 0));
        assertArrayEquals(new float[] {NAN, 4}, labels(d, 1));
        assertArrayEquals(features(d, 1), labels(d, 1));
        assertEquals(0L, d.schema().attributes().get("hidden_values"));
    }

    @Test
    void hiddenValuesLeaveTheFeaturesAndBecomeTheOnlyLabels() throws IOException {
        Path csv = randomMatrix("m.csv", 40, 50, 1);
        Dataset all = Reads.train(csv, "task", "reconstruction");
        Dataset masked = Reads.train(csv, "task", "reconstruction", "mask_fraction", 0.2, "mask_seed", 7);
        int hidden = 0;
        for (int i = 0; i < all.size(); i++) {
            float[] truth = features(all, i);
            float[] shown = features(masked, i);
            float[] label = labels(masked, i);
            for (int g = 0; g < truth.length; g++) {
                boolean isHidden = Float.isNaN(shown[g]);
                hidden += isHidden ? 1 : 0;
                // exactly one of feature and label holds the value
                assertEquals(isHidden ? truth[g] : NAN, label[g], "sample " + i + " gene " + g);
                if (!isHidden) {
                    assertEquals(truth[g], shown[g]);
                }
            }
        }
        assertEquals((long) hidden, masked.schema().attributes().get("hidden_values"));
        // 2,000 entries at 0.2: 400 expected, binomial sd 18
        assertTrue(hidden > 340 && hidden < 460, hidden + " hidden of 2000");
    }

    @Test
    void theSameSeedHidesTheSameValuesWhateverTheLayout() throws IOException {
        Path csv = write("m.csv", "gene,s1,s2,s3,s4\ng1,1,2,3,4\ng2,5,6,7,8\ng3,9,10,11,12\ng4,13,14,15,16\n");
        Path transposed = write("t.csv", "sample,g1,g2,g3,g4\ns1,1,5,9,13\ns2,2,6,10,14\ns3,3,7,11,15\ns4,4,8,12,16\n");
        Dataset a = Reads.train(csv, "task", "reconstruction", "mask_fraction", 0.5, "mask_seed", 3);
        Dataset b = Reads.train(transposed, "task", "reconstruction", "mask_fraction", 0.5, "mask_seed", 3,
                "orientation", "samples_by_genes");
        Dataset other = Reads.train(csv, "task", "reconstruction", "mask_fraction", 0.5, "mask_seed", 4);
        boolean differs = false;
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(features(a, i), features(b, i));
            assertArrayEquals(labels(a, i), labels(b, i));
            assertArrayEquals(features(a, i), features(Reads.train(csv, "task", "reconstruction", "mask_fraction", 0.5,
                    "mask_seed", 3), i), "reproducible");
            differs |= !java.util.Arrays.equals(features(a, i), features(other, i));
        }
        assertTrue(differs, "another seed hides other values");
    }

    @Test
    void theMaskChannelShowsHiddenValuesAsMissing() throws IOException {
        Path csv = randomMatrix("m.csv", 5, 20, 2);
        Dataset d = Reads.train(csv, "task", "reconstruction", "mask_fraction", 0.3, "missing", "zero", "mask", true);
        assertEquals(List.of(5, 2), d.schema().featureShape());
        int hidden = 0;
        for (int i = 0; i < d.size(); i++) {
            float[] f = features(d, i);
            float[] y = labels(d, i);
            for (int g = 0; g < 5; g++) {
                boolean isHidden = f[2 * g + 1] == 0f;
                hidden += isHidden ? 1 : 0;
                assertEquals(isHidden, !Float.isNaN(y[g]));
                if (isHidden) {
                    assertEquals(0f, f[2 * g], "missing: zero fills hidden values with 0");
                }
            }
        }
        assertTrue(hidden > 0);
    }

    @Test
    void topVariableGenesKeepsTheMostVariableInFileOrder() throws IOException {
        // gene g varies with scale g + 1: the last genes vary most
        Path csv = randomMatrix("m.csv", 10, 30, 3);
        Dataset d = Reads.train(csv, "task", "reconstruction", "top_variable_genes", 3);
        assertEquals(List.of("g7", "g8", "g9"), d.schema().outputs());
        assertEquals(List.of(3), d.schema().featureShape());
        assertEquals(3, d.schema().attributes().get("genes"));
        assertEquals(ExpressionDataReader.digest(List.of("g7", "g8", "g9")), d.schema().attributes().get("feature_digest"));
        Dataset full = Reads.train(csv, "task", "reconstruction");
        assertEquals(features(full, 4)[8], features(d, 4)[1]);
        assertEquals(10, Reads.train(csv, "task", "reconstruction", "top_variable_genes", 50).schema().labelSize());
    }

    @Test
    void aModelsGenesAreReadInItsOrder() throws IOException {
        Path csv = write("m.csv", "gene,s1,s2\ng1,1,2\ng2,3,4\ng3,5,6\n");
        Dataset d = Reads.predict(csv, List.of("g3", "g1"), "task", "reconstruction", "top_variable_genes", 1);
        assertEquals(List.of("g3", "g1"), d.schema().outputs());
        assertArrayEquals(new float[] {6, 2}, features(d, 1));
        assertTrue(d.labelled());
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> Reads.predict(csv, List.of("g1", "g9", "g8"), "task", "reconstruction"));
        assertTrue(e.getMessage().contains("gene 'g9' of the model is not in the file; 2 of the model's 3"), e.getMessage());
    }

    @Test
    void predictionShowsEveryValue() {
        ExpressionDataReader reader = new ExpressionDataReader();
        Map<String, Object> training = Map.of("task", "reconstruction", "mask_fraction", 0.1, "mask_seed", 5,
                "top_variable_genes", 100, "missing", "nan", "labels_file", "t.csv", "group_column", "batch");
        Map<String, Object> prediction = reader.predictionParameters(training, dir.resolve("new.csv"));
        assertEquals(Map.of("task", "reconstruction", "missing", "nan", "path", dir.resolve("new.csv").toString()), prediction);
    }

    @Test
    void groupsMayComeFromTheLabelTable() throws IOException {
        Path csv = write("m.csv", "gene,s1,s2\ng1,1,2\n");
        Path table = write("t.csv", "id,batch\ns1,b1\ns2,b2\n");
        Dataset d = Reads.train(csv, "task", "reconstruction", "labels_file", table.toString(), "group_column", "batch");
        assertEquals("b2", d.group(1));
        assertEquals(List.of("g1"), d.schema().outputs());
    }

    @Test
    void optionsThatDoNotFitAreRefused() throws IOException {
        Path csv = write("m.csv", "gene,s1,s2\ng1,1,2\n");
        Path table = write("t.csv", "id,class\ns1,a\ns2,b\n");
        List<Object[]> cases = new ArrayList<>();
        cases.add(new Object[] {"mask_fraction needs task: reconstruction", "labels_file", table.toString(), "mask_fraction", 0.1});
        cases.add(new Object[] {"top_variable_genes needs task: reconstruction", "labels_file", table.toString(),
            "top_variable_genes", 5});
        cases.add(new Object[] {"positive does not apply", "task", "reconstruction", "positive", "a"});
        cases.add(new Object[] {"reads labels_file only for groups", "task", "reconstruction", "labels_file", table.toString()});
        cases.add(new Object[] {"label_column does not apply", "task", "reconstruction", "labels_file", table.toString(),
            "label_column", "class", "group_column", "class"});
        for (Object[] c : cases) {
            Object[] parameters = java.util.Arrays.copyOfRange(c, 1, c.length);
            InputFormatException e = assertThrows(InputFormatException.class, () -> Reads.train(csv, parameters));
            assertTrue(e.getMessage().contains((String) c[0]), e.getMessage());
            assertTrue(e.getMessage().startsWith(csv + ": "), e.getMessage());
        }
    }

    @Test
    void bladderbatchWithTenPercentHidden() throws IOException {
        Path file = SharedData.file("bladderbatch-hgu133a/bladder_exprs.csv.gz");
        Dataset d = Reads.train(file, "task", "reconstruction", "top_variable_genes", 1000, "mask_fraction", 0.1,
                "mask_seed", 1);
        assertEquals(57, d.size());
        assertEquals(1000, d.schema().labelSize());
        long hidden = (Long) d.schema().attributes().get("hidden_values");
        long labelsFound = 0;
        for (int i = 0; i < d.size(); i++) {
            for (float y : labels(d, i)) {
                labelsFound += Float.isNaN(y) ? 0 : 1;
            }
        }
        assertEquals(hidden, labelsFound);
        double fraction = hidden / 57_000.0;
        assertTrue(Math.abs(fraction - 0.1) < 0.005, "hidden fraction " + fraction);
        assertFalse(d.schema().outputs().contains("AFFX-BioB-5_at"), "a flat spike-in control is not among the most variable");
        assertNotEquals(d.schema().attributes().get("feature_digest"),
                Reads.train(file, "task", "reconstruction", "top_variable_genes", 999).schema().attributes().get("feature_digest"));
    }
}
