package org.genomod.interpret.ism.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.genomod.api.data.ArrayDataset;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;
import org.genomod.api.interpret.InterpretationRequest;
import org.genomod.api.model.Model;
import org.genomod.api.train.Cancellation;
import org.genomod.testing.PluginTests;
import org.genomod.testing.Sequences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IsmInterpreterTest {
    private static final String ACGT = "ACGT";

    @TempDir
    Path dir;

    private final IsmInterpreter ism = new IsmInterpreter();

    @Test
    void registersAsTheIsmInterpreter() throws IOException {
        String xml = PluginTests.descriptor(IsmInterpreter.class);
        assertTrue(xml.contains("<provide interface=\"org.genomod.api.interpret.Interpreter\"/>"), xml);
        assertTrue(xml.contains("<property name=\"genomod.interpreter\" type=\"String\" value=\"ism\"/>"), xml);
    }

    @Test
    void everySubstitutionChangesTheScoreExactlyAsTheModelSays() throws IOException {
        FakeModel.Additive model = additive(30, 1);
        Dataset data = dataset(30, List.of(random(30, 2), random(30, 3)), new float[] {1, 0});
        Map<String, Object> summary = run(model, data, Map.of());

        List<String[]> rows = rows();
        assertEquals(2 * 30 * 3, rows.size());
        assertEquals(180L, summary.get("mutants"));
        assertEquals(2, summary.get("sequences"));
        assertEquals("probability", summary.get("score"));
        Map<String, float[]> inputs = Map.of("s0", features(data, 0), "s1", features(data, 1));
        for (String[] row : rows) {
            float[] x = inputs.get(row[0]);
            int p = Integer.parseInt(row[1]) - 1;
            int ref = ACGT.indexOf(row[2]);
            int alt = ACGT.indexOf(row[3]);
            assertEquals(1f, x[p * 4 + ref], "ref base of " + String.join(" ", row));
            double z = model.logOdds(x, 0);
            double expected = sigmoid(z - model.weights[p][ref] + model.weights[p][alt]) - sigmoid(z);
            assertEquals(expected, Double.parseDouble(row[6]), 1e-6, String.join(" ", row));
            assertEquals(sigmoid(z), Double.parseDouble(row[4]), 1e-6);
        }
    }

    @Test
    void logitMeasuresChangesInLogOdds() throws IOException {
        FakeModel.Additive model = additive(12, 4);
        Dataset data = dataset(12, List.of(random(12, 5)), new float[] {1});
        Map<String, Object> summary = run(model, data, Map.of("logit", true));
        assertEquals("logit", summary.get("score"));
        float[] x = features(data, 0);
        for (String[] row : rows()) {
            int p = Integer.parseInt(row[1]) - 1;
            double expected = model.weights[p][ACGT.indexOf(row[3])] - model.weights[p][ACGT.indexOf(row[2])];
            assertEquals(expected, Double.parseDouble(row[6]), 1e-4, String.join(" ", row));
        }
        assertEquals(1f, x[0] + x[1] + x[2] + x[3]);
    }

    @Test
    void resultsDoNotDependOnTheBatchSizeAndBatchesNeverExceedIt() throws IOException {
        Dataset data = dataset(20, List.of(random(20, 6), random(20, 7), random(20, 8)), new float[] {1, 1, 0});
        List<String> reference = null;
        for (int batch : new int[] {1, 7, 64, 1000}) {
            FakeModel.Additive model = additive(20, 9);
            run(model, data, Map.of("batch_size", batch));
            assertTrue(model.largestBatch <= batch, "batch of " + model.largestBatch + " with batch_size " + batch);
            List<String> lines = Files.readAllLines(dir.resolve("ism.tsv"));
            if (reference == null) {
                reference = lines;
            } else {
                assertEquals(reference, lines, "batch_size " + batch);
            }
        }
    }

    @Test
    void longSequencesAreMutatedWindowByWindowEachPositionOnce() throws IOException {
        String motif = "CACGTG";
        char[] sequence = "A".repeat(997).toCharArray(); // no partial match of the motif elsewhere
        motif.getChars(0, motif.length(), sequence, 700);
        FakeModel.Scanner model = new FakeModel.Scanner(40, motif);
        Dataset data = dataset(997, List.of(new String(sequence)), new float[] {1});
        Map<String, Object> summary = run(model, data, Map.of("batch_size", 32));

        List<String[]> rows = rows();
        assertEquals(997 * 3, rows.size());
        Set<String> seen = new HashSet<>();
        rows.forEach(r -> assertTrue(seen.add(r[1] + r[3]), "mutated twice: " + String.join(" ", r)));
        assertTrue(model.largestBatch <= 32);
        assertEquals(49, summary.get("windows_per_sequence")); // starts 0, 20, ..., 940 and 957
        // losing a motif base is the only thing that lowers the score: the strongest effects sit on the motif
        double worst = 0;
        for (String[] r : rows) {
            int p = Integer.parseInt(r[1]) - 1;
            double delta = Double.parseDouble(r[6]);
            if (p < 700 || p >= 706) {
                assertTrue(delta >= -1e-6, "a mutation outside the motif lowered the score: " + String.join(" ", r));
            } else {
                assertTrue(delta < -0.1, "mutating motif base " + r[2] + " at " + r[1] + " changed the score by " + delta);
            }
            worst = Math.min(worst, delta);
        }
        @SuppressWarnings("unchecked")
        List<List<Double>> logo = (List<List<Double>>) ((List<Map<String, Object>>) summary.get("logos")).get(0).get("scores");
        assertEquals(997, logo.size());
        int top = 0;
        for (int p = 0; p < logo.size(); p++) {
            if (sum(logo.get(p)) > sum(logo.get(top))) {
                top = p;
            }
        }
        assertTrue(top >= 700 && top < 706, "top logo position " + top);
        assertTrue(worst < -0.5);
    }

    @Test
    void paddingAndAmbiguousPositionsAreLeftAlone() throws IOException {
        FakeModel.Additive model = additive(20, 11);
        DatasetSchema schema = Sequences.schema(20);
        float[] x = new float[20 * 4];
        Sequences.centre("ACGTNACGTA", 20, x, 0); // 5 zero rows, 10 bases (one N), 5 zero rows
        Dataset data = ArrayDataset.builder(schema, true).add("padded", null, x, new float[] {1}).build();
        Map<String, Object> summary = run(model, data, Map.of());
        assertEquals(9L, summary.get("positions"));
        assertEquals(11L, summary.get("skipped_positions"));
        assertEquals(27, rows().size());
        assertTrue(rows().stream().noneMatch(r -> r[1].equals("10")), "the N at position 10 was mutated");
    }

    @Test
    void maxSequencesKeepsTheHighestScoringAndLogosShowTheTopPositives() throws IOException {
        FakeModel.Scanner model = new FakeModel.Scanner(30, "CACGTG");
        List<String> sequences = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            char[] s = "A".repeat(30).toCharArray(); // a background that matches the motif nowhere else
            "CACGTG".getChars(0, 6 - i % 4, s, 10); // 6, 5, 4 or 3 motif bases planted
            sequences.add(new String(s));
        }
        float[] labels = {0, 1, 1, 1, 0, 1, 1, 1};
        Dataset data = dataset(30, sequences, labels);
        Map<String, Object> summary = run(model, data, Map.of("max_sequences", 4, "logo_sequences", 2));

        Set<String> mutated = new HashSet<>();
        rows().forEach(r -> mutated.add(r[0]));
        assertEquals(4, summary.get("sequences"));
        assertEquals(Set.of("s0", "s1", "s4", "s5"), mutated); // full and five-base motifs score highest
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> logos = (List<Map<String, Object>>) summary.get("logos");
        // positives only (s0 and s4 are labelled 0), highest score first: s1 and s5 tie, dataset order breaks it
        assertEquals(List.of("s1", "s5"), logos.stream().map(l -> l.get("id")).toList());
        assertEquals("ACGT", logos.get(0).get("alphabet"));
        // the logo row of a position is minus the mean effect of its three mutants, on the reference base
        Map<String, Double> effects = new HashMap<>();
        for (String[] r : rows()) {
            if (r[0].equals("s1")) {
                effects.merge(r[1], Double.parseDouble(r[6]) / 3, Double::sum);
            }
        }
        @SuppressWarnings("unchecked")
        List<List<Double>> scores = (List<List<Double>>) logos.get(0).get("scores");
        float[] x = features(data, 1);
        for (int p = 0; p < 30; p++) {
            for (int c = 0; c < 4; c++) {
                double expected = x[p * 4 + c] == 1f ? -effects.get(String.valueOf(p + 1)) : 0;
                assertEquals(expected, scores.get(p).get(c), 1e-6, "position " + p + " base " + c);
            }
        }
    }

    @Test
    void refusesModelsThatDoNotReadOneHotNucleotides() {
        FakeModel kmers = new FakeModel(256, "kmer", TaskType.BINARY) {
            @Override
            double logOdds(float[] f, int offset) {
                return 0;
            }
        };
        Dataset data = dataset(20, List.of(random(20, 1)), new float[] {1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run(kmers, data, Map.of()));
        assertTrue(e.getMessage().contains("one-hot nucleotide"), e.getMessage());
    }

    @Test
    void namesTheOutputsWhenAskedForAnUnknownOne() {
        Dataset data = dataset(20, List.of(random(20, 1)), new float[] {1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run(additive(20, 1), data, Map.of("output", "unbound")));
        assertTrue(e.getMessage().contains("'unbound'") && e.getMessage().contains("bound"), e.getMessage());
    }

    @Test
    void refusesLogitsOfARegression() {
        FakeModel values = new FakeModel(20, "dna-one-hot", TaskType.REGRESSION) {
            @Override
            double logOdds(float[] f, int offset) {
                return f[offset];
            }
        };
        Dataset data = dataset(20, List.of(random(20, 1)), new float[] {1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run(values, data, Map.of("logit", true)));
        assertTrue(e.getMessage().contains("regression"), e.getMessage());
    }

    @Test
    void aCancelledRunLeavesNoTable() {
        Dataset data = dataset(20, List.of(random(20, 1), random(20, 2)), new float[] {1, 1});
        Cancellation cancelled = new Cancellation() {
            @Override public boolean isCancelled() { return true; }
            @Override public String reason() { return "stopped by the user"; }
        };
        InterpretationRequest request = new InterpretationRequest(additive(20, 1), data,
                PluginTests.valid(ism.parameters(), Map.of(), dir), dir, cancelled);
        CancellationException e = assertThrows(CancellationException.class, () -> ism.interpret(request));
        assertTrue(e.getMessage().contains("stopped by the user"));
        assertFalse(Files.exists(dir.resolve("ism.tsv")));
    }

    @Test
    void leavesOnlyTheTableBehind() throws IOException {
        run(additive(10, 1), dataset(10, List.of(random(10, 1)), new float[] {1}), Map.of());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("ism.tsv")), files.toList());
        }
        assertEquals(IsmTable.HEADER.strip(), Files.readAllLines(dir.resolve("ism.tsv")).get(0));
    }

    private Map<String, Object> run(Model model, Dataset data, Map<String, ?> raw) throws IOException {
        return ism.interpret(new InterpretationRequest(model, data, PluginTests.valid(ism.parameters(), raw, dir), dir, null));
    }

    private List<String[]> rows() throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("ism.tsv"));
        return lines.subList(1, lines.size()).stream().map(l -> l.split("\t")).toList();
    }

    private static FakeModel.Additive additive(int length, long seed) {
        Random random = new Random(seed);
        double[][] w = new double[length][4];
        for (double[] row : w) {
            for (int c = 0; c < 4; c++) {
                row[c] = random.nextGaussian() * 0.5;
            }
        }
        return new FakeModel.Additive(w);
    }

    private static Dataset dataset(int length, List<String> sequences, float[] labels) {
        ArrayDataset.Builder b = ArrayDataset.builder(new DatasetSchema(List.of(length, 4), "dna-one-hot", TaskType.BINARY,
                List.of("bound"), null), true);
        for (int i = 0; i < sequences.size(); i++) {
            float[] x = new float[length * 4];
            Sequences.oneHot(sequences.get(i), x, 0);
            b.add("s" + i, null, x, new float[] {labels[i]});
        }
        return b.build();
    }

    private static float[] features(Dataset data, int index) {
        float[] x = new float[data.schema().featureSize()];
        data.features(index, x, 0);
        return x;
    }

    private static String random(int length, long seed) {
        return new String(Sequences.random(length, new Random(seed)));
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static double sum(List<Double> row) {
        return row.stream().mapToDouble(Double::doubleValue).sum();
    }
}
