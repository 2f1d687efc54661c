package org.genomod.interpret.motifs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.genomod.api.data.ArrayDataset;
import org.genomod.api.data.Dataset;
import org.genomod.api.interpret.InterpretationRequest;
import org.genomod.api.model.Batch;
import org.genomod.api.model.Model;
import org.genomod.testing.PluginTests;
import org.genomod.testing.FixedModel;
import org.genomod.testing.Sequences;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MotifInterpreterTest {
    private static final int LENGTH = 60;
    private static final String EBOX = "CACGTG";

    @TempDir
    Path dir;

    private final MotifInterpreter motifs = new MotifInterpreter();
    private final List<String> sequences = new ArrayList<>();
    private Dataset data;

    @BeforeEach
    void plantEBoxesInHalfTheSequences() {
        Random random = new Random(3);
        ArrayDataset.Builder b = ArrayDataset.builder(Sequences.schema(LENGTH), true);
        for (int i = 0; i < 200; i++) {
            char[] s = Sequences.random(LENGTH, random);
            if (i % 2 == 0) {
                EBOX.getChars(0, 6, s, 5 + random.nextInt(LENGTH - 16));
            }
            float[] x = new float[LENGTH * 4];
            Sequences.oneHot(new String(s), x, 0);
            sequences.add(new String(s));
            b.add("s" + i, null, x, new float[] {i % 2 == 0 ? 1 : 0});
        }
        data = b.build();
    }

    @Test
    void registersAsTheMotifsInterpreter() throws IOException {
        String xml = PluginTests.descriptor(MotifInterpreter.class);
        assertTrue(xml.contains("<provide interface=\"org.genomod.api.interpret.Interpreter\"/>"), xml);
        assertTrue(xml.contains("<property name=\"genomod.interpreter\" type=\"String\" value=\"motifs\"/>"), xml);
    }

    @Test
    void aFilterBecomesTheMatrixOfTheWindowsThatFireIt() throws IOException {
        // filter 0: the E-box flanked by one free position each side; filter 1: never fires; filter 2: AAAA
        PwmFilterModel model = new PwmFilterModel(LENGTH, new String[] {"NCACGTGN", "NNNNNNNN", "NNAAAANN"}, new double[] {0, -1, 0});
        Map<String, Object> summary = run(model, Map.of("pseudocount", 0));

        assertEquals(3, summary.get("filters"));
        assertEquals(8, summary.get("filter_width"));
        assertEquals(2, summary.get("filters_with_sites"));
        List<Meme.Motif> parsed = Meme.parse(Files.readString(dir.resolve("filters.meme"))).motifs();
        assertEquals(List.of("filter_0", "filter_2"), parsed.stream().map(Meme.Motif::name).toList());

        // filter 0 fires at 6 (of 6 possible) only where the whole E-box is: count those windows independently
        long eboxes = sequences.stream().mapToLong(s -> occurrences(s.substring(1, LENGTH - 1), EBOX)).sum();
        Meme.Motif ebox = parsed.get(0);
        assertEquals(eboxes, ebox.nsites());
        assertTrue(eboxes >= 100);
        for (int j = 1; j <= 6; j++) {
            assertEquals(1.0, ebox.probabilities()[j]["ACGT".indexOf(EBOX.charAt(j - 1))], 1e-9, "E-box position " + j);
        }
        assertTrue(ebox.probabilities()[0][0] < 0.5, "a flank is not fixed");

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> top = (List<Map<String, Object>>) summary.get("top_filters");
        assertEquals("filter_0", top.get(0).get("motif"));
        assertTrue(((String) top.get(0).get("consensus")).contains(EBOX), top.toString());
        assertEquals(eboxes, top.get(0).get("sites"));
        assertTrue((double) top.get(0).get("information_content") > (double) top.get(1).get("information_content"));
    }

    @Test
    void theMemeFileFollowsTheMinimalFormat() throws IOException {
        run(new PwmFilterModel(LENGTH, new String[] {"NCACGTGN", "NNAAAANN"}, new double[] {0, 0}), Map.of());
        Meme meme = Meme.parse(Files.readString(dir.resolve("filters.meme")));

        assertEquals("4", meme.version());
        assertEquals("ACGT", meme.alphabet());
        assertEquals("+ -", meme.strands());
        // the background is the base composition of the sequences
        double[] composition = new double[4];
        sequences.forEach(s -> s.chars().forEach(c -> composition["ACGT".indexOf(c)]++));
        for (int b = 0; b < 4; b++) {
            assertEquals(composition[b] / (200.0 * LENGTH), meme.background()[b], 1e-6);
        }
        assertEquals(2, meme.motifs().size());
        for (Meme.Motif m : meme.motifs()) {
            assertEquals(8, m.probabilities().length);
            assertTrue(m.nsites() > 0);
        }
    }

    @Test
    void pseudocountsKeepEveryProbabilityAboveZero() throws IOException {
        run(new PwmFilterModel(LENGTH, new String[] {"NCACGTGN"}, new double[] {0}), Map.of("pseudocount", 1));
        Meme.Motif m = Meme.parse(Files.readString(dir.resolve("filters.meme"))).motifs().get(0);
        for (double[] row : m.probabilities()) {
            for (double p : row) {
                assertTrue(p > 0);
            }
        }
        // the C of the E-box: n sites all C, one pseudocount spread as the background
        double background = Meme.parse(Files.readString(dir.resolve("filters.meme"))).background()[1];
        assertEquals((m.nsites() + background) / (m.nsites() + 1.0), m.probabilities()[1][1], 2e-6);
    }

    @Test
    void aLowerThresholdAdmitsMoreSites() throws IOException {
        PwmFilterModel model = new PwmFilterModel(LENGTH, new String[] {"NNAAAANN"}, new double[] {10});
        long strict = sites(run(model, Map.of("threshold", 0.9)));
        long loose = sites(run(model, Map.of("threshold", 0.0)));
        assertTrue(loose > strict && strict > 0, loose + " vs " + strict);
    }

    @Test
    void refusesAModelWithoutConvolutionFilters() {
        Model dense = new FixedModel(Sequences.schema(LENGTH)) {
            @Override public float[] predict(Batch batch) { return new float[batch.size()]; }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run(dense, Map.of()));
        assertTrue(e.getMessage().contains("convolution filters"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("filters.meme")));
    }

    @Test
    void leavesOnlyTheMemeFileBehind() throws IOException {
        run(new PwmFilterModel(LENGTH, new String[] {"NCACGTGN"}, new double[] {0}), Map.of("batch_size", 7));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("filters.meme")), files.toList());
        }
    }

    private Map<String, Object> run(Model model, Map<String, ?> raw) throws IOException {
        return motifs.interpret(new InterpretationRequest(model, data, PluginTests.valid(motifs.parameters(), raw, dir), dir, null));
    }

    @SuppressWarnings("unchecked")
    private static long sites(Map<String, Object> summary) {
        return (long) ((List<Map<String, Object>>) summary.get("top_filters")).get(0).get("sites");
    }

    private static long occurrences(String s, String word) {
        long n = 0;
        for (int i = s.indexOf(word); i >= 0; i = s.indexOf(word, i + 1)) {
            n++;
        }
        return n;
    }

    /**
     * A reader of MEME minimal motif format written from the specification
     * (https://meme-suite.org/meme/doc/meme-format.html), strict about what genomod writes: the version
     * line first, then optional alphabet, strands and background sections, then motifs, each a
     * {@code MOTIF} line, a {@code letter-probability matrix:} line with alength, w, nsites and E, and w
     * rows of alength probabilities summing to 1.
     */
    record Meme(String version, String alphabet, String strands, double[] background, List<Motif> motifs) {
        record Motif(String name, long nsites, double[][] probabilities) {
        }

        static Meme parse(String text) {
            List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            int i = 0;
            assertTrue(lines.get(i).matches("MEME version \\d+(\\.\\d+)*"), "the first line names the version: " + lines.get(0));
            String version = lines.get(i++).substring("MEME version ".length());
            String alphabet = null;
            String strands = null;
            double[] background = null;
            if (lines.get(i).startsWith("ALPHABET=")) {
                alphabet = lines.get(i++).substring("ALPHABET=".length()).strip();
                assertTrue(alphabet.matches("ACGT|ACGU"), alphabet);
            }
            if (lines.get(i).startsWith("strands:")) {
                strands = lines.get(i++).substring("strands:".length()).strip();
                assertTrue(strands.matches("\\+|-|\\+ -"), strands);
            }
            if (lines.get(i).startsWith("Background letter frequencies")) {
                String[] f = lines.get(++i).split("\\s+");
                i++;
                assertEquals(8, f.length, "four letter-frequency pairs");
                background = new double[4];
                Map<String, Double> pairs = new LinkedHashMap<>();
                for (int k = 0; k < 8; k += 2) {
                    pairs.put(f[k], Double.parseDouble(f[k + 1]));
                }
                assertEquals(List.of(alphabet.split("")), List.copyOf(pairs.keySet()), "letters in alphabet order");
                for (int k = 0; k < 4; k++) {
                    background[k] = pairs.get(alphabet.substring(k, k + 1));
                }
                assertEquals(1.0, background[0] + background[1] + background[2] + background[3], 1e-5);
            }
            List<Motif> motifs = new ArrayList<>();
            while (i < lines.size()) {
                String[] motif = lines.get(i++).split("\\s+");
                assertEquals("MOTIF", motif[0]);
                assertTrue(motif.length == 2 || motif.length == 3, "MOTIF identifier [alternate name]");
                String header = lines.get(i++);
                assertTrue(header.matches("letter-probability matrix: alength= 4 w= \\d+ nsites= \\d+ E= \\S+"), header);
                String[] h = header.split("\\s+");
                int w = Integer.parseInt(h[5]);
                long nsites = Long.parseLong(h[7]);
                Double.parseDouble(h[9]);
                double[][] rows = new double[w][];
                for (int j = 0; j < w; j++) {
                    String[] v = lines.get(i++).split("\\s+");
                    assertEquals(4, v.length, "alength values per row");
                    rows[j] = Stream.of(v).mapToDouble(Double::parseDouble).toArray();
                    double sum = 0;
                    for (double p : rows[j]) {
                        assertTrue(p >= 0 && p <= 1);
                        sum += p;
                    }
                    assertEquals(1.0, sum, 1e-5, "row " + j + " of " + motif[1]);
                }
                motifs.add(new Motif(motif[1], nsites, rows));
            }
            return new Meme(version, alphabet, strands, background, motifs);
        }
    }
}
