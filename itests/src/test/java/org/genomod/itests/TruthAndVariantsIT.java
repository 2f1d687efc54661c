package org.genomod.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
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
import org.osgi.framework.BundleContext;

/**
 * The truth evaluators and variant effect scoring through the installed commands, as a lab runs them:
 * {@code genomod evaluate-vcf} on DeepVariant's NA12878 calls against GIAB, {@code evaluate-network} on a
 * prediction of the DREAM5 E. coli gold standard scored independently here, and {@code score-variants} with
 * a DeepBind CNN trained by a short real job, its annotated VCF re-read as text and checked against the
 * model's own predictions of windows cut here from the reference.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TruthAndVariantsIT extends GenomodTestSupport {
    private static final String DEEPVARIANT = "deepvariant-na12878-chr20/";
    private static final String TRUTH_VCF = DEEPVARIANT + "test_nist.b37_chr20_first_half.vcf.gz";
    private static final String REFERENCE = DEEPVARIANT + "ucsc.hg19.chr20.unittest.fasta.gz";
    private static final int WINDOW = 101;

    @Inject
    BundleContext context;

    @Inject
    JobService jobs;

    @Configuration
    public Option[] config() {
        return platform().toArray(new Option[0]);
    }

    @Test
    public void evaluateVcfCountsDeepVariantAgainstGiabAsBcftoolsDoes() throws Exception {
        String[] common = {"evaluate-vcf", "--calls", sharedData(DEEPVARIANT + "golden.postprocess_single_site_output.vcf").toString(),
            "--truth", sharedData(TRUTH_VCF).toString(), "--reference", sharedData(REFERENCE).toString(),
            "--bed", sharedData(DEEPVARIANT + "test_nist.b37_chr20_100kbp_at_10mb.bed").toString(), "--json"};
        // bcftools 1.16 (norm -m- -f, view -T BED, isec; docs/truth-evaluation.md): all 47/0/2, SNV 43/0/2, indel 4/0/0
        JsonNode inBed = evaluateVcf(common);
        assertCounts(inBed, "all", 47, 0, 2);
        assertCounts(inBed, "snv", 43, 0, 2);
        assertCounts(inBed, "indel", 4, 0, 0);
        assertEquals(47.0 / 47, inBed.path("all").path("precision").asDouble(), 1e-12);
        assertEquals(47.0 / 49, inBed.path("all").path("recall").asDouble(), 1e-12);
        assertEquals(2 * 47.0 / (2 * 47 + 0 + 2), inBed.path("all").path("f1").asDouble(), 1e-12);
        assertEquals("genotype concordance 47 of 47", 1.0, inBed.path("all").path("genotype_concordance").asDouble(), 0);
        assertEquals(47, inBed.path("all").path("genotypes_compared").asInt());

        // within DeepVariant's calling window only the RefCall miss remains (bcftools: 47/0/1)
        String[] region = Arrays.copyOf(common, common.length + 2);
        region[common.length] = "--region";
        region[common.length + 1] = "chr20:10000000-10010000";
        assertCounts(evaluateVcf(region), "all", 47, 0, 1);
    }

    private JsonNode evaluateVcf(String... args) throws Exception {
        Platforms.Run run = Platforms.cli(context, args);
        assertEquals(run.err(), 0, run.exitCode());
        return new ObjectMapper().readTree(run.out());
    }

    private static void assertCounts(JsonNode json, String category, int tp, int fp, int fn) {
        JsonNode c = json.path(category);
        assertEquals(category + " " + c, List.of(tp, fp, fn), List.of(c.path("tp").asInt(-1), c.path("fp").asInt(-1), c.path("fn").asInt(-1)));
    }

    /** One gold-standard row: regulator, target, label. */
    private record Edge(String regulator, String target, boolean positive) {
        String key() {
            return regulator + "\t" + target;
        }
    }

    /** One prediction row, in file order. */
    private record Scored(String key, double score, int row) {
    }

    @Test
    public void evaluateNetworkRanksDream5EcoliGoldEdgesAsComputedIndependently() throws Exception {
        Path goldFile = sharedData("dream5-grn-goldstandards/DREAM5_NetworkInference_GoldStandard_Network3.tsv.gz");
        List<Edge> gold = new ArrayList<>();
        try (BufferedReader in = gzipText(goldFile)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split("\t");
                gold.add(new Edge(f[0], f[1], f[2].equals("1")));
            }
        }
        assertEquals(2066 + 150214, gold.size());

        // A noisy predictor: two thirds of the gold edges scored (positives higher on average, three decimals so
        // that scores tie), the last third left unpredicted, and 500 edges the gold standard does not list.
        Random random = new Random(20261121);
        List<Scored> predictions = new ArrayList<>();
        for (Edge edge : gold) {
            if (random.nextInt(3) < 2) {
                double u = random.nextDouble();
                double score = edge.positive() ? 0.25 + 0.75 * u : 0.9 * u * u;
                predictions.add(new Scored(edge.key(), Math.round(score * 1000) / 1000.0, predictions.size()));
            }
            if (predictions.size() % 200 == 0 && predictions.size() / 200 <= 500) {
                predictions.add(new Scored("G9" + predictions.size() + "\tG99999", Math.round(random.nextDouble() * 1000) / 1000.0,
                        predictions.size()));
            }
        }
        Path dir = Files.createTempDirectory("dream5-");
        Path file = dir.resolve("predictions.tsv");
        StringBuilder text = new StringBuilder();
        for (Scored p : predictions) {
            text.append(p.key()).append('\t').append(String.format(Locale.ROOT, "%.3f", p.score())).append('\n');
        }
        Files.writeString(file, text);

        for (int top : new int[] {0, 60_000}) {
            Platforms.Run run = Platforms.cli(context, "evaluate-network", "--predictions", file.toString(), "--gold", goldFile.toString(),
                    "--top", Integer.toString(top), "--json");
            assertEquals(run.err(), 0, run.exitCode());
            JsonNode json = new ObjectMapper().readTree(run.out());
            double[] expected = aurocAndAveragePrecision(gold, predictions, top);
            System.out.printf(Locale.ROOT, "DREAM5 Network3, top %d: AUROC %.6f (expected %.6f), AUPRC %.6f (expected %.6f)%n", top,
                    json.path("auroc").asDouble(), expected[0], json.path("auprc").asDouble(), expected[1]);
            assertEquals("AUROC, top " + top, expected[0], json.path("auroc").asDouble(), 1e-9);
            assertEquals("AUPRC, top " + top, expected[1], json.path("auprc").asDouble(), 1e-9);
            assertEquals(2066, json.path("positives").asInt());
            assertEquals(150214, json.path("negatives").asInt());
        }
    }

    /**
     * AUROC as the Mann-Whitney statistic with mid-ranks for ties, and average precision summed over distinct
     * thresholds, over the gold standard's edges; an edge without a prediction among the {@code top} highest rows
     * (file order among equal scores) scores below every prediction, all such edges tied.
     */
    private static double[] aurocAndAveragePrecision(List<Edge> gold, List<Scored> predictions, int top) {
        List<Scored> ranked = new ArrayList<>(predictions);
        ranked.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparingInt(Scored::row));
        if (top > 0 && ranked.size() > top) {
            ranked = ranked.subList(0, top);
        }
        Map<String, Double> score = new HashMap<>();
        ranked.forEach(p -> score.put(p.key(), p.score()));
        int n = gold.size();
        double[] s = new double[n];
        boolean[] positive = new boolean[n];
        int positives = 0;
        for (int i = 0; i < n; i++) {
            s[i] = score.getOrDefault(gold.get(i).key(), Double.NEGATIVE_INFINITY);
            positive[i] = gold.get(i).positive();
            positives += positive[i] ? 1 : 0;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(s[a], s[b])); // ascending
        double positiveRanks = 0;
        for (int i = 0; i < n;) {
            int j = i;
            int tiedPositives = 0;
            while (j < n && s[order[j]] == s[order[i]]) {
                tiedPositives += positive[order[j]] ? 1 : 0;
                j++;
            }
            positiveRanks += tiedPositives * ((i + 1) + j) / 2.0; // mid-rank of ranks i+1..j
            i = j;
        }
        long negatives = n - positives;
        double auroc = (positiveRanks - positives * (positives + 1) / 2.0) / ((double) positives * negatives);

        double averagePrecision = 0;
        int truePositives = 0;
        double previousRecall = 0;
        for (int end = n; end > 0;) { // descending, one threshold per distinct score
            int start = end;
            while (start > 0 && s[order[start - 1]] == s[order[end - 1]]) {
                start--;
                truePositives += positive[order[start]] ? 1 : 0;
            }
            double recall = (double) truePositives / positives;
            averagePrecision += (recall - previousRecall) * truePositives / (n - start);
            previousRecall = recall;
            end = start;
        }
        return new double[] {auroc, averagePrecision};
    }

    @Test
    public void scoreVariantsAnnotatesEveryTruthAlleleAsTheModelPredictsItsWindows() throws Exception {
        Path vcf = sharedData(TRUTH_VCF);
        Path reference = sharedData(REFERENCE);
        Path dir = Files.createTempDirectory("score-variants-");

        // a DeepBind USF2 CNN from its example spec, one epoch
        String yaml = Files.readString(HOME.resolve("../../examples/deepbind-usf2.yaml").normalize())
                .replace("${GENOMOD_DATA:-../../../shared/data}", sharedData("").toString())
                .replace("epochs: 20,", "epochs: 1,");
        assertTrue("the example's epochs were not replaced", yaml.contains("epochs: 1,"));
        Path spec = dir.resolve("usf2.yaml");
        Files.writeString(spec, yaml);
        long start = System.nanoTime();
        JobResult trained = jobs.submit(jobs.parse(spec).withOutputDirectory(dir.resolve("usf2"))).await();
        System.out.printf(Locale.ROOT, "DeepBind USF2, 1 epoch: %.1f s%n", (System.nanoTime() - start) / 1e9);
        assertEquals(trained.message(), JobStatus.SUCCEEDED, trained.status());
        Path model = dir.resolve("usf2/model");

        Path annotated = dir.resolve("effects.vcf.gz");
        Platforms.Run run = Platforms.cli(context, "score-variants", "--model", model.toString(), "--vcf", vcf.toString(),
                "--reference", reference.toString(), "--output", annotated.toString());
        assertEquals(run.err(), 0, run.exitCode());
        System.out.print(run.out());
        assertTrue(run.out(), run.out().startsWith("scored 130 of 130 variant alleles (0 "));

        // re-read as text: bgzip is a series of gzip members, which GZIPInputStream reads one after another
        Map<String, String> declared = new HashMap<>();
        List<String[]> inputRecords = vcfRecords(vcf, new HashMap<>());
        List<String[]> records = vcfRecords(annotated, declared);
        assertEquals("every input record written", inputRecords.size(), records.size());
        assertEquals(129, records.size());
        List<String> diffKeys = declared.keySet().stream().filter(k -> k.startsWith("VE_DIFF_")).sorted().toList();
        assertEquals("one output, one VE_DIFF field: " + declared.keySet(), 1, diffKeys.size());
        String output = diffKeys.get(0).substring("VE_DIFF_".length());
        for (String score : List.of("VE_DIFF_", "VE_ABS_DIFF_", "VE_LOGIT_DIFF_")) {
            String declaration = declared.get(score + output);
            assertNotNull(score + output + " not declared in the header", declaration);
            assertTrue(declaration, declaration.contains("Number=A") && declaration.contains("Type=Float"));
        }

        Map<String, Double> diffs = new LinkedHashMap<>();
        int alleles = 0;
        for (int r = 0; r < records.size(); r++) {
            String[] f = records.get(r);
            String[] in = inputRecords.get(r);
            assertEquals("record " + r + " moved", Arrays.asList(in).subList(0, 7), Arrays.asList(f).subList(0, 7));
            assertEquals("samples kept", Arrays.asList(in).subList(8, in.length), Arrays.asList(f).subList(8, f.length));
            Map<String, String> info = info(f[7]);
            for (String key : info.keySet()) {
                assertTrue("INFO " + key + " of " + f[0] + ":" + f[1] + " is not declared in the header", declared.containsKey(key));
            }
            assertFalse("a truth record flagged as a reference mismatch: " + f[1], info.containsKey("VE_REF_MISMATCH"));
            assertFalse("a truth allele skipped: " + f[1], info.containsKey("VE_SKIPPED"));
            String[] alts = f[4].split(",");
            String[] diff = info.get("VE_DIFF_" + output).split(",");
            String[] absDiff = info.get("VE_ABS_DIFF_" + output).split(",");
            String[] logitDiff = info.get("VE_LOGIT_DIFF_" + output).split(",");
            assertEquals(f[1], alts.length, diff.length);
            assertEquals(f[1], alts.length, absDiff.length);
            assertEquals(f[1], alts.length, logitDiff.length);
            for (int a = 0; a < alts.length; a++) {
                double d = Double.parseDouble(diff[a]);
                assertEquals(Math.abs(d), Double.parseDouble(absDiff[a]), 0);
                assertTrue(Double.isFinite(Double.parseDouble(logitDiff[a])));
                assertEquals("the sign of logit_diff", Math.signum(d), Math.signum(Double.parseDouble(logitDiff[a])), 0);
                diffs.put(f[0] + ":" + f[1] + ":" + f[3] + ">" + alts[a], d);
                alleles++;
            }
        }
        assertEquals(130, alleles);

        // the TSV writer gives the same scores
        Path table = dir.resolve("effects.tsv");
        run = Platforms.cli(context, "score-variants", "--model", model.toString(), "--vcf", vcf.toString(),
                "--reference", reference.toString(), "--output", table.toString());
        assertEquals(run.err(), 0, run.exitCode());
        List<String> rows = Files.readAllLines(table);
        List<String> header = Arrays.asList(rows.get(0).split("\t", -1));
        assertEquals(List.of("chrom", "pos", "id", "ref", "alt", "ref_mismatch", "skipped", output + "_diff", output + "_abs_diff",
                output + "_logit_diff"), header);
        assertEquals(131, rows.size());
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split("\t", -1);
            assertEquals(row, "0", f[5]);
            assertEquals(row, "", f[6]);
            assertEquals(row, diffs.get(f[0] + ":" + f[1] + ":" + f[3] + ">" + f[4]), Double.parseDouble(f[7]), 0);
        }

        // independently: each biallelic SNV's REF and ALT windows (50 reference bases, the allele, 50 bases) cut here
        // from the FASTA and predicted by `genomod predict`; diff = p(ALT window) - p(REF window)
        Map<String, String[]> snvs = new LinkedHashMap<>();
        for (String[] f : inputRecords) {
            if (f[3].length() == 1 && f[4].matches("[ACGT]")) {
                snvs.put(f[0] + ":" + f[1] + ":" + f[3] + ">" + f[4], f);
            }
        }
        assertTrue("SNVs to check: " + snvs.size(), snvs.size() >= 100);
        int first = snvs.values().stream().mapToInt(f -> Integer.parseInt(f[1])).min().orElseThrow() - WINDOW;
        int last = snvs.values().stream().mapToInt(f -> Integer.parseInt(f[1])).max().orElseThrow() + WINDOW;
        String chr20 = referenceSlice(reference, "chr20", first, last);
        StringBuilder fasta = new StringBuilder();
        int k = 0;
        Map<String, String> windowIds = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> e : snvs.entrySet()) {
            int pos = Integer.parseInt(e.getValue()[1]);
            String before = chr20.substring(pos - 50 - first, pos - first);
            String after = chr20.substring(pos + 1 - first, pos + 51 - first);
            assertEquals("REF of " + e.getKey(), e.getValue()[3], chr20.substring(pos - first, pos + 1 - first).toUpperCase(Locale.ROOT));
            fasta.append(">ref").append(k).append('\n').append(before).append(e.getValue()[3]).append(after).append('\n');
            fasta.append(">alt").append(k).append('\n').append(before).append(e.getValue()[4]).append(after).append('\n');
            windowIds.put(e.getKey(), Integer.toString(k++));
        }
        Path windows = dir.resolve("windows.fa");
        Files.writeString(windows, fasta);
        Path predicted = dir.resolve("windows.tsv");
        run = Platforms.cli(context, "predict", "--model", model.toString(), "--input", windows.toString(), "--output", predicted.toString());
        assertEquals(run.err(), 0, run.exitCode());
        List<String> predictions = Files.readAllLines(predicted);
        assertEquals("id\t" + output, predictions.get(0));
        Map<String, Double> p = new HashMap<>();
        predictions.subList(1, predictions.size()).forEach(line -> p.put(line.split("\t")[0], Double.parseDouble(line.split("\t")[1])));
        double largest = 0;
        for (Map.Entry<String, String> e : windowIds.entrySet()) {
            double expected = p.get("alt" + e.getValue()) - p.get("ref" + e.getValue());
            assertEquals("diff of " + e.getKey(), expected, diffs.get(e.getKey()), 1e-5);
            largest = Math.max(largest, Math.abs(expected));
        }
        assertTrue("every SNV changes the score by less than 1e-5: the check would hold for any scorer", largest > 1e-3);
    }

    /** Data lines of a (b)gzipped VCF split into columns; {@code declared} gets INFO id to its header line. */
    private static List<String[]> vcfRecords(Path vcf, Map<String, String> declared) throws IOException {
        List<String[]> records = new ArrayList<>();
        try (BufferedReader in = gzipText(vcf)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("##INFO=<ID=")) {
                    declared.put(line.substring("##INFO=<ID=".length(), line.indexOf(',')), line);
                } else if (!line.startsWith("#")) {
                    records.add(line.split("\t", -1));
                }
            }
        }
        return records;
    }

    private static Map<String, String> info(String column) {
        Map<String, String> info = new LinkedHashMap<>();
        if (!column.equals(".")) {
            for (String field : column.split(";")) {
                int eq = field.indexOf('=');
                info.put(eq < 0 ? field : field.substring(0, eq), eq < 0 ? "" : field.substring(eq + 1));
            }
        }
        return info;
    }

    /** Bases {@code from..to} (1-based, inclusive) of {@code contig}, as a string indexed from {@code from}. */
    private static String referenceSlice(Path fasta, String contig, int from, int to) throws IOException {
        StringBuilder slice = new StringBuilder();
        Set<String> seen = new HashSet<>();
        try (BufferedReader in = gzipText(fasta)) {
            boolean inContig = false;
            long position = 0; // bases before this line
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith(">")) {
                    inContig = line.substring(1).split("\\s")[0].equals(contig);
                    seen.add(line);
                    position = 0;
                } else if (inContig) {
                    long lineEnd = position + line.length();
                    if (lineEnd >= from && position < to) {
                        int a = (int) Math.max(0, from - 1 - position);
                        int b = (int) Math.min(line.length(), to - position);
                        slice.append(line, a, b);
                    }
                    position = lineEnd;
                    if (position >= to) {
                        break;
                    }
                }
            }
        }
        assertEquals(contig + " in " + fasta + " (headers " + seen + ")", to - from + 1, slice.length());
        return slice.toString();
    }

    private static BufferedReader gzipText(Path file) throws IOException {
        return new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8));
    }
}
