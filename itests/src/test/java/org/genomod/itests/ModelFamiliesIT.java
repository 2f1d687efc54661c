package org.genomod.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.inject.Inject;
import org.genomod.api.job.JobResult;
import org.genomod.api.job.JobService;
import org.genomod.api.job.JobStatus;
import org.genomod.api.job.PipelineSpec;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * Issue 4's acceptance, one family at a time: each example spec in distribution/examples trains the real
 * bundles on real data and is scored on data the model never saw.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ModelFamiliesIT extends GenomodTestSupport {

    @Inject
    BundleContext context;

    @Inject
    JobService jobs;

    @Configuration
    public Option[] config() {
        return platform().toArray(new Option[0]);
    }

    private JobResult runExample(String name, Path out) throws Exception {
        PipelineSpec spec = jobs.parse(HOME.resolve("../../examples/" + name).normalize()).withOutputDirectory(out);
        JobResult result = jobs.submit(spec).await();
        assertEquals(result.message(), JobStatus.SUCCEEDED, result.status());
        return result;
    }

    private static double test(JobResult result, String evaluator, String metric) {
        Double value = result.testMetrics().get(evaluator).scalars().get(metric);
        assertTrue("no test " + metric + " from " + evaluator, value != null);
        return value;
    }

    @Test
    public void denseReachesNinetyPercentOnGolubsIndependentSamples() throws Exception {
        sharedData("golub-all-aml/data_set_ALL_AML_independent.csv");
        Path out = Files.createTempDirectory("golub-dense-");
        JobResult result = runExample("golub-dense.yaml", out);
        double accuracy = test(result, "classification", "accuracy");
        assertTrue("independent-set accuracy " + accuracy, accuracy >= 0.90);
        JsonNode metrics = Platforms.json(out.resolve("metrics.json"));
        assertEquals(34, metrics.path("data").path("split").path("test").asInt());
        // the saved model scores the independent file exactly as the job did
        Path predicted = out.resolve("independent.tsv");
        Platforms.Run run = Platforms.cli(context, "predict", "--model", out.resolve("model").toString(), "--input",
                sharedData("golub-all-aml/data_set_ALL_AML_independent.csv").toString(), "--output", predicted.toString());
        assertEquals(run.err(), 0, run.exitCode());
        Map<String, Double> job = scores(out.resolve("predictions.tsv"), "AML");
        Map<String, Double> reloaded = scores(predicted, "AML");
        assertEquals(34, job.size());
        job.forEach((id, p) -> assertEquals(id, p, reloaded.get(id), 1e-6));
    }

    @Test
    public void rnnReachesAurocNinetyOnAnIonmfProteinsTestFile() throws Exception {
        sharedData("ionmf-rbp-clipseq/24_PARCLIP_QKI_hg19/test.sequences.fa.gz");
        JobResult result = runExample("rnn-ionmf-qki.yaml", Files.createTempDirectory("rnn-qki-"));
        double auroc = test(result, "classification", "auroc");
        assertTrue("QKI test AUROC " + auroc, auroc >= 0.90);
    }

    @Test
    public void gcnClassifiesYeastProteinsAboveTargetAndAboveALogisticRegressionOnDegree() throws Exception {
        Path edges = sharedData("yeast-ppi-vonmering2002/yeast_ppi_edges.tsv");
        Path nodes = sharedData("yeast-ppi-vonmering2002/yeast_ppi_nodes.tsv");
        JobResult gcn = runExample("yeast-gcn.yaml", Files.createTempDirectory("yeast-gcn-"));
        double accuracy = test(gcn, "classification", "accuracy");
        assertTrue("GCN test accuracy " + accuracy, accuracy >= 0.45);

        // the baseline: a logistic regression on node degree, same seed, split and reader
        Path dir = Files.createTempDirectory("yeast-degree-");
        Path degrees = dir.resolve("degree.tsv");
        Files.writeString(degrees, degreeTable(edges));
        Path spec = dir.resolve("degree.yaml");
        Files.writeString(spec, String.join("\n",
                "name: yeast-degree-lr",
                "seed: 42",
                "data:",
                "  reader: network",
                "  path: " + edges,
                "  directed: false",
                "  labels_file: " + nodes,
                "  features_file: " + degrees,
                "  structural_features: false",
                "  split: {method: random, fractions: [0.6, 0.2, 0.2]}",
                "  transform: standardize",
                "model: {family: dense, hidden: [], input_init_scale: 0, input_l1: 0, l2: 0}",
                "training: {epochs: 100, batch_size: 256, optimizer: adam, learning_rate: 0.01,",
                "           early_stopping: {metric: accuracy, patience: 20}}",
                "evaluate: [classification]",
                "output: " + dir.resolve("out"),
                ""));
        JobResult baseline = jobs.submit(jobs.parse(spec)).await();
        assertEquals(baseline.message(), JobStatus.SUCCEEDED, baseline.status());
        double degreeAccuracy = test(baseline, "classification", "accuracy");
        assertTrue("GCN " + accuracy + " vs logistic regression on degree " + degreeAccuracy, accuracy > degreeAccuracy + 0.1);
    }

    @Test
    public void autoencoderImputesHiddenExpressionBetterThanTheProbeMean() throws Exception {
        Path matrix = sharedData("bladderbatch-hgu133a/bladder_exprs.csv.gz");
        Path out = Files.createTempDirectory("bladderbatch-");
        JobResult result = runExample("bladderbatch-imputation.yaml", out);
        double rmse = test(result, "regression", "micro_rmse");

        // Mean imputation: each probe's mean over the arrays outside the test split (all their values, hidden
        // ones included, which only helps the baseline), scored on the same hidden test values.
        List<String> rows = Files.readAllLines(out.resolve("predictions.tsv"));
        List<String> probes = Arrays.asList(rows.get(0).split("\t")).subList(2, rows.get(0).split("\t").length);
        Set<String> testArrays = new HashSet<>();
        rows.subList(1, rows.size()).forEach(r -> testArrays.add(r.split("\t", 2)[0]));
        Map<String, double[]> seen = values(matrix, new HashSet<>(probes), testArrays);
        double squares = 0;
        int scored = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] truth = row.split("\t")[1].split(",");
            assertEquals(probes.size(), truth.length);
            for (int k = 0; k < truth.length; k++) {
                if (!truth[k].equals("NaN")) {
                    double error = Double.parseDouble(truth[k]) - mean(seen.get(probes.get(k)));
                    squares += error * error;
                    scored++;
                }
            }
        }
        assertTrue("hidden test values scored: " + scored, scored > 500);
        double meanImputation = Math.sqrt(squares / scored);
        assertTrue("autoencoder RMSE " + rmse + " vs mean imputation " + meanImputation, rmse < 0.85 * meanImputation);
    }

    @Test
    public void cnnFineTunedFromAnotherDeepBindFactorBeatsScratchOnTheSameTenPercent() throws Exception {
        sharedData("deepbind-encode-chipseq-h1hesc/TCF12_H1-hESC_TCF12_HudsonAlpha_AC.seq.gz");
        Path dir = Files.createTempDirectory("transfer-");
        Path parent = dir.resolve("usf2");
        JobResult usf2 = runExample("deepbind-usf2.yaml", parent);
        assertTrue("USF2 parent on its _B file", test(usf2, "classification", "auroc") >= 0.95);

        String child = Files.readString(HOME.resolve("../../examples/deepbind-tcf12-from-usf2.yaml").normalize())
                .replace("${GENOMOD_DATA:-../../../shared/data}", sharedData("").toString())
                .replace("${GENOMOD_OUTPUT:-../target/runs}/deepbind-usf2/model", parent.resolve("model").toString());
        JobResult transferred = runSpec(child, dir.resolve("from-usf2"));
        String scratch = child.replaceAll("(?s)model:\\n  family: cnn\\n.*?new_head: true\\n", "model: {family: cnn, preset: deepbind}\n");
        assertTrue("the scratch spec names no parent", !scratch.contains("from:"));
        JobResult fromScratch = runSpec(scratch, dir.resolve("scratch"));

        double fineTuned = test(transferred, "classification", "auroc");
        double alone = test(fromScratch, "classification", "auroc");
        assertTrue("held-out AUROC from USF2 " + fineTuned + " vs from scratch " + alone, fineTuned > alone + 0.02);
        JsonNode provenance = Platforms.json(dir.resolve("from-usf2/metrics.json")).path("model").path("fine_tuned_from");
        String parentDigest = Platforms.json(parent.resolve("metrics.json")).path("model").path("manifest_sha256").asText();
        assertEquals(64, parentDigest.length());
        assertEquals("the parent's checksum in provenance", parentDigest, provenance.path("manifest_sha256").asText());
    }

    @Test
    public void multiTaskHeadsAndJoinedInputsOnTheSnpstatsCohort() throws Exception {
        Path subjects = sharedData("snpstats-forexercise-gwas/subjects.tsv");
        Path genotypes = sharedData("snpstats-forexercise-gwas/for_exercise_chr10.bed.gz");
        // multi-task: case/control and ancestry heads on the genotypes, losses weighted 1 and 0.5
        Path out = Files.createTempDirectory("snpstats-multitask-");
        JobResult multitask = runExample("snpstats-multitask.yaml", out);
        Map<String, Double> perTask = new HashMap<>();
        for (JsonNode row : Platforms.json(out.resolve("metrics.json")).path("test").path("classification").path("details")
                .path("per_class")) {
            perTask.put(row.path("class").asText(), row.path("auroc").asDouble());
        }
        assertEquals(Set.of("cc", "stratum"), perTask.keySet());
        assertTrue("held-out ancestry AUROC " + perTask, perTask.get("stratum") >= 0.95);
        assertTrue(multitask.testMetrics().get("classification").scalars().containsKey("auroc"));

        // multi-modal: genotypes joined with a covariate table by subject id. The covariate is a copy of the
        // case/control label, so the job scores near 1 only if every record meets its own covariate row.
        Path dir = Files.createTempDirectory("snpstats-joined-");
        List<String> lines = Files.readAllLines(subjects);
        StringBuilder covariates = new StringBuilder("subject\tcc_copy\n");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            covariates.append(f[0]).append('\t').append(f[1]).append('\n');
        }
        Files.writeString(dir.resolve("covariates.tsv"), covariates);
        JobResult joined = runSpec(String.join("\n",
                "name: snpstats-joined",
                "seed: 1",
                "data:",
                "  reader: plink",
                "  name: genotypes",
                "  path: " + genotypes,
                "  phenotype_file: " + subjects,
                "  phenotype_column: cc",
                "  inputs:",
                "    - {name: covariates, reader: expression, path: " + dir.resolve("covariates.tsv") + ", orientation: samples_by_genes}",
                "  split: {method: random, fractions: [0.7, 0.15, 0.15]}",
                "  transform: standardize",
                "model: {family: multimodal, branch_hidden: [4], input_l1: 0.3, shared_hidden: [], dropout: 0,",
                "        branches: {covariates: {hidden: []}}}",
                "training: {epochs: 15, batch_size: 32, optimizer: adam, learning_rate: 0.003,",
                "           early_stopping: {metric: auroc, patience: 5}}",
                "evaluate: [classification]",
                "output: " + dir.resolve("out"),
                ""), dir.resolve("out"));
        double auroc = test(joined, "classification", "auroc");
        // records joined to the wrong rows would score about 0.5; the noisy genotype branch keeps it just below 1
        assertTrue("held-out AUROC with the label as a joined covariate " + auroc, auroc >= 0.95);
        JsonNode inputs = Platforms.json(dir.resolve("out/metrics.json")).path("data").path("joined");
        assertEquals(2, inputs.size());
    }

    private JobResult runSpec(String yaml, Path out) throws Exception {
        Files.createDirectories(out);
        Path file = out.resolve("spec.yaml");
        Files.writeString(file, yaml);
        JobResult result = jobs.submit(jobs.parse(file).withOutputDirectory(out)).await();
        assertEquals(result.message(), JobStatus.SUCCEEDED, result.status());
        return result;
    }

    @Test
    public void vaeSamplesMatchTheTrainingArraysPerProbeMeansAndVariances() throws Exception {
        Path matrix = sharedData("bladderbatch-hgu133a/bladder_exprs.csv.gz");
        Path out = Files.createTempDirectory("bladderbatch-vae-");
        runExample("bladderbatch-vae.yaml", out);
        Path samples = out.resolve("samples.tsv");
        Platforms.Run run = Platforms.cli(context, "sample", "--model", out.resolve("model").toString(), "--count", "1000",
                "--seed", "99", "--output", samples.toString());
        assertEquals(run.err(), 0, run.exitCode());
        List<String> rows = Files.readAllLines(samples);
        assertEquals(1001, rows.size());
        List<String> probes = Arrays.asList(rows.get(0).split("\\t")).subList(1, rows.get(0).split("\\t").length);
        assertEquals(1000, probes.size());
        double[][] drawn = new double[probes.size()][rows.size() - 1];
        for (int i = 1; i < rows.size(); i++) {
            String[] f = rows.get(i).split("\\t");
            assertEquals("sample_" + i, f[0]);
            for (int k = 0; k < probes.size(); k++) {
                drawn[k][i - 1] = Double.parseDouble(f[k + 1]);
            }
        }
        // the arrays outside the test split (training and validation) against the samples, probe by probe
        Set<String> testArrays = new HashSet<>();
        Files.readAllLines(out.resolve("predictions.tsv")).stream().skip(1).forEach(r -> testArrays.add(r.split("\\t", 2)[0]));
        Map<String, double[]> seen = values(matrix, new HashSet<>(probes), testArrays);
        double[] sampleMeans = new double[probes.size()];
        double[] dataMeans = new double[probes.size()];
        double[] ratios = new double[probes.size()];
        for (int k = 0; k < probes.size(); k++) {
            double[] data = seen.get(probes.get(k));
            sampleMeans[k] = mean(drawn[k]);
            dataMeans[k] = mean(data);
            ratios[k] = variance(drawn[k]) / variance(data);
        }
        double r = pearson(sampleMeans, dataMeans);
        Arrays.sort(ratios);
        double medianRatio = ratios[ratios.length / 2];
        assertTrue("r(per-probe means of samples, of arrays) " + r, r >= 0.99);
        assertTrue("median per-probe variance ratio " + medianRatio, medianRatio >= 0.7 && medianRatio <= 1.4);

        Platforms.Run plain = Platforms.cli(context, "sample", "--model", out.resolve("model").toString(), "--count", "5",
                "--output", out.resolve("again.tsv").toString());
        assertEquals(plain.err(), 0, plain.exitCode());
    }

    /** Per probe in {@code probes}, its values on the arrays that are not in {@code excluded}. */
    private static Map<String, double[]> values(Path gzippedCsv, Set<String> probes, Set<String> excluded) throws IOException {
        Map<String, double[]> values = new HashMap<>();
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(
                new java.util.zip.GZIPInputStream(Files.newInputStream(gzippedCsv)), java.nio.charset.StandardCharsets.UTF_8))) {
            String[] header = in.readLine().split(",");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",");
                if (probes.contains(f[0])) {
                    double[] kept = new double[header.length - 1 - excluded.size()];
                    int n = 0;
                    for (int j = 1; j < f.length; j++) {
                        if (!excluded.contains(header[j])) {
                            kept[n++] = Double.parseDouble(f[j]);
                        }
                    }
                    values.put(f[0], Arrays.copyOf(kept, n));
                }
            }
        }
        assertEquals(probes.size(), values.size());
        return values;
    }

    private static double mean(double[] x) {
        return Arrays.stream(x).average().orElseThrow();
    }

    private static double variance(double[] x) {
        double m = mean(x);
        return Arrays.stream(x).map(v -> (v - m) * (v - m)).sum() / (x.length - 1);
    }

    private static double pearson(double[] x, double[] y) {
        double mx = mean(x);
        double my = mean(y);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    /** Each protein's number of distinct partners in the undirected network. */
    private static String degreeTable(Path edges) throws IOException {
        Map<String, Set<String>> partners = new HashMap<>();
        List<String> lines = Files.readAllLines(edges);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            if (f.length >= 2 && !f[0].equals(f[1])) {
                partners.computeIfAbsent(f[0], k -> new HashSet<>()).add(f[1]);
                partners.computeIfAbsent(f[1], k -> new HashSet<>()).add(f[0]);
            }
        }
        StringBuilder table = new StringBuilder("node\tdegree\n");
        partners.forEach((node, set) -> table.append(node).append('\t').append(set.size()).append('\n'));
        return table.toString();
    }

    /** Record id to the value of {@code column} in a predictions table. */
    private static Map<String, Double> scores(Path tsv, String column) throws IOException {
        List<String> rows = Files.readAllLines(tsv);
        int c = Arrays.asList(rows.get(0).split("\t")).indexOf(column);
        assertTrue(column + " missing from " + rows.get(0), c > 0);
        Map<String, Double> scores = new HashMap<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split("\t");
            scores.put(f[0], Double.parseDouble(f[c]));
        }
        return scores;
    }
}
