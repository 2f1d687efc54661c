package org.genomod.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import javax.inject.Inject;
import org.genomod.api.job.JobResult;
import org.genomod.api.job.JobService;
import org.genomod.api.job.JobStatus;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Issue 5's interpretation acceptance: a DeepBind CNN trained on USF2 ChIP-seq (distribution/examples/
 * deepbind-usf2.yaml, fewer epochs) is explained on its held-out {@code _B} file by in-silico mutagenesis,
 * gradient × input and filter motifs, and the explanations point at USF2's motif.
 *
 * <p>The reference for "USF2's motif" is JASPAR's USF2 matrix MA0526.1 (JASPAR 2014 CORE vertebrates; 11
 * positions, consensus GTCACGTGAC around the E-box CACGTG), its counts copied below from the JASPAR 2015
 * release as redistributed in rsa-tools/motif_databases ({@code JASPAR/jaspar_core_vertebrates_2015_03.tf}).
 * In each bound test sequence the strongest match is the 11-base window, on either strand, with the highest
 * log-odds score against a uniform background; an explanation recovers the motif in that sequence when its
 * top 11-base attribution window overlaps the strongest match.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class InterpretationIT extends GenomodTestSupport {
    private static final String DATA = "deepbind-encode-chipseq-h1hesc/";
    private static final String TEST_FILE = DATA + "USF2_H1-hESC_USF2_Stanford_B.seq.gz";
    private static final String BASES = "ACGT";

    /** JASPAR MA0526.1 (USF2) counts, one row per position: A, C, G, T. */
    private static final int[][] USF2_COUNTS = {
        {3976, 2073, 7125, 645},
        {1495, 4490, 1909, 5925},
        {0, 13819, 0, 0},
        {13819, 0, 0, 0},
        {0, 4863, 1370, 7586},
        {0, 0, 13819, 0},
        {0, 0, 0, 13819},
        {0, 0, 13819, 0},
        {10453, 745, 2568, 53},
        {0, 9929, 729, 3161},
        {2184, 6633, 455, 4547},
    };
    private static final int WIDTH = USF2_COUNTS.length;
    /** Chance that a random window overlaps a given one in a 101-base sequence: 21 of 91 placements. */
    private static final double CHANCE = (2.0 * WIDTH - 1) / (101 - WIDTH + 1);

    private static Path out;
    private static JobResult result;

    @Inject
    JobService jobs;

    @Configuration
    public Option[] config() {
        return platform().toArray(new Option[0]);
    }

    /** Trains once (the class shares one framework) and explains with all three interpreters. */
    private JobResult trained() throws Exception {
        if (result == null) {
            out = Files.createTempDirectory("interpret-usf2-");
            Path spec = out.resolve("spec.yaml");
            Files.writeString(spec, String.join("\n",
                    "name: interpret-usf2",
                    "seed: 1",
                    "data:",
                    "  reader: fasta",
                    "  path: " + sharedData(DATA + "USF2_H1-hESC_USF2_Stanford_AC.seq.gz"),
                    "  format: tsv",
                    "  negatives: shuffled",
                    "  split: {fractions: [0.9, 0.1]}",
                    "  test: {path: " + sharedData(TEST_FILE) + ", negatives: none}",
                    "model: {family: cnn, preset: deepbind}",
                    "training: {epochs: 8, batch_size: 64, learning_rate: 0.001, early_stopping: {metric: auroc, patience: 3}}",
                    "evaluate: [classification]",
                    "interpret:",
                    "  - {interpreter: ism, batch_size: 512}",
                    "  - {interpreter: attribution, method: gradient_x_input}",
                    "  - {interpreter: motifs}",
                    "output: " + out.resolve("run"),
                    ""));
            result = jobs.submit(jobs.parse(spec)).await();
            assertEquals(result.message(), JobStatus.SUCCEEDED, result.status());
        }
        return result;
    }

    @Test
    public void ismAndGradientTimesInputPointAtTheUsf2Motif() throws Exception {
        trained();
        Path run = out.resolve("run");
        double auroc = result.testMetrics().get("classification").scalars().get("auroc");
        assertTrue("USF2 test AUROC " + auroc, auroc >= 0.9);
        Map<String, String> bound = boundTestSequences();
        JsonNode interpretation = Platforms.json(run.resolve("metrics.json")).path("interpretation");

        JsonNode ism = interpretation.path("ism");
        assertEquals(1000, ism.path("sequences").asInt());
        assertEquals(1000L * 101 * 3, ism.path("mutants").asLong());
        assertTrue(ism.path("mutants_per_second").asDouble() > 0);
        assertEquals(3, ism.path("logos").size());
        Map<String, double[]> ismImportance = ismImportance(run.resolve("interpret/ism/ism.tsv"));
        double ismFraction = recovered("ism", ismImportance, bound);

        Map<String, double[]> gradients = attributionImportance(run.resolve("interpret/attribution/attributions.tsv"));
        double gradientFraction = recovered("gradient x input", gradients, bound);

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("bound_test_sequences", bound.size());
        figures.put("window", WIDTH);
        figures.put("chance_overlap", CHANCE);
        figures.put("ism_fraction", ismFraction);
        figures.put("gradient_x_input_fraction", gradientFraction);
        figures.put("test_auroc", auroc);
        figures.put("ism_mutants_per_second", ism.path("mutants_per_second").asDouble());
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(run.resolve("motif-recovery.json").toFile(), figures);
        System.out.println("motif recovery on USF2 _B: " + figures);
        // measured with seed 1 (training is deterministic): ISM 0.938, gradient x input 0.932, chance 0.23

        assertTrue("ISM's top window overlaps the strongest MA0526.1 match in " + ismFraction + " of bound sequences",
                ismFraction >= 0.8);
        assertTrue("gradient x input's top window overlaps the strongest MA0526.1 match in " + gradientFraction
                + " of bound sequences", gradientFraction >= 0.8);
    }

    @Test
    public void aFirstLayerFilterLearntTheEBox() throws Exception {
        trained();
        Path meme = out.resolve("run/interpret/motifs/filters.meme");
        List<String> lines = Files.readAllLines(meme);
        assertEquals("MEME version 4", lines.get(0));
        JsonNode summary = Platforms.json(out.resolve("run/metrics.json")).path("interpretation").path("motifs");
        assertEquals(16, summary.path("filters").asInt());
        assertTrue(summary.path("filters_with_sites").asInt() > 0);

        // the filter whose matrix best spells CACGTG somewhere (geometric mean of the six probabilities)
        String best = null;
        double bestMatch = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("MOTIF ")) {
                String[] header = lines.get(i + 1).split("\\s+");
                int w = Integer.parseInt(header[5]);
                double[][] rows = new double[w][];
                for (int j = 0; j < w; j++) {
                    rows[j] = java.util.Arrays.stream(lines.get(i + 2 + j).trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
                }
                for (int p = 0; p + 6 <= w; p++) {
                    double log = 0;
                    for (int k = 0; k < 6; k++) {
                        log += Math.log(rows[p + k][BASES.indexOf("CACGTG".charAt(k))]);
                    }
                    if (Math.exp(log / 6) > bestMatch) {
                        bestMatch = Math.exp(log / 6);
                        best = lines.get(i).substring("MOTIF ".length());
                    }
                }
            }
        }
        System.out.println("filter best matching CACGTG: " + best + ", geometric mean probability " + bestMatch
                + "; top filters " + summary.path("top_filters"));
        assertTrue("best CACGTG match among the filters: " + best + " at " + bestMatch, bestMatch >= 0.8);
    }

    /** Fraction of bound sequences whose top attribution window overlaps their strongest MA0526.1 match. */
    private static double recovered(String method, Map<String, double[]> importance, Map<String, String> bound) {
        int hits = 0;
        for (Map.Entry<String, String> e : bound.entrySet()) {
            double[] scores = importance.get(e.getKey());
            assertTrue(method + " has no attribution for bound test sequence " + e.getKey(), scores != null);
            int top = topWindow(scores);
            int match = strongestMatch(e.getValue());
            hits += Math.abs(top - match) < WIDTH ? 1 : 0;
        }
        double fraction = (double) hits / bound.size();
        System.out.printf(Locale.ROOT, "%s: top window overlaps the strongest MA0526.1 match in %d of %d bound sequences (%.3f; chance %.3f)%n",
                method, hits, bound.size(), fraction, CHANCE);
        return fraction;
    }

    /** Start of the {@link #WIDTH}-position window with the largest summed importance. */
    private static int topWindow(double[] importance) {
        int best = 0;
        double bestSum = Double.NEGATIVE_INFINITY;
        for (int p = 0; p + WIDTH <= importance.length; p++) {
            double sum = 0;
            for (int k = 0; k < WIDTH; k++) {
                sum += importance[p + k];
            }
            if (sum > bestSum) {
                bestSum = sum;
                best = p;
            }
        }
        return best;
    }

    /** Start of the window whose forward or reverse-complement log-odds score under MA0526.1 is highest. */
    static int strongestMatch(String sequence) {
        double[][] logOdds = new double[WIDTH][4];
        for (int j = 0; j < WIDTH; j++) {
            int n = USF2_COUNTS[j][0] + USF2_COUNTS[j][1] + USF2_COUNTS[j][2] + USF2_COUNTS[j][3];
            for (int b = 0; b < 4; b++) {
                logOdds[j][b] = Math.log((USF2_COUNTS[j][b] + 0.25) / (n + 1.0) / 0.25);
            }
        }
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int p = 0; p + WIDTH <= sequence.length(); p++) {
            double forward = 0;
            double reverse = 0;
            for (int k = 0; k < WIDTH; k++) {
                int f = BASES.indexOf(sequence.charAt(p + k));
                int r = BASES.indexOf(sequence.charAt(p + WIDTH - 1 - k));
                forward += f < 0 ? 0 : logOdds[k][f];
                reverse += r < 0 ? 0 : logOdds[k][3 - r]; // complement: A<->T, C<->G
            }
            double score = Math.max(forward, reverse);
            if (score > bestScore) {
                bestScore = score;
                best = p;
            }
        }
        return best;
    }

    /** Per position of each sequence in ism.tsv: minus the mean score change of its three substitutions. */
    private static Map<String, double[]> ismImportance(Path table) throws IOException {
        Map<String, double[]> importance = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(table)) {
            assertEquals("id\tposition\tref\talt\tref_score\talt_score\tdelta", in.readLine());
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split("\t");
                importance.computeIfAbsent(f[0], k -> new double[101])[Integer.parseInt(f[1]) - 1] -= Double.parseDouble(f[6]) / 3;
            }
        }
        return importance;
    }

    /** Record id to sequence of the bound (label 1) records of the test file. */
    private static Map<String, String> boundTestSequences() throws IOException {
        Map<String, String> bound = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(sharedData(TEST_FILE))),
                StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split("\t");
                if (f[3].equals("1")) {
                    bound.put(f[1], f[2].toUpperCase(Locale.ROOT));
                }
            }
        }
        assertEquals(500, bound.size());
        return bound;
    }

    /** Per position of each sequence in attributions.tsv: the sum over bases (gradient × input is non-zero on the sequence's base only). */
    private static Map<String, double[]> attributionImportance(Path table) throws IOException {
        Map<String, double[]> importance = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(table)) {
            assertEquals("id\tposition\tA\tC\tG\tT", in.readLine());
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split("\t");
                double sum = 0;
                for (int c = 2; c < 6; c++) {
                    sum += Double.parseDouble(f[c]);
                }
                importance.computeIfAbsent(f[0], k -> new double[101])[Integer.parseInt(f[1]) - 1] = sum;
            }
        }
        return importance;
    }
}
