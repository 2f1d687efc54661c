package org.genomod.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.inject.Inject;
import org.genomod.api.job.JobResult;
import org.genomod.api.job.JobService;
import org.genomod.api.job.JobStatus;
import org.genomod.api.job.PipelineSpec;
import org.genomod.api.job.SpecException;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/** The demo pipeline runs inside OSGi; bad specs are rejected clearly and the platform keeps working. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PipelineIT extends GenomodTestSupport {

    @Inject
    BundleContext context;

    @Inject
    JobService jobs;

    @Configuration
    public Option[] config() {
        return platform().toArray(new Option[0]);
    }

    @Test
    public void demoTrainsAndReportsHeldOutAurocAboveTarget() throws Exception {
        Path out = Files.createTempDirectory("demo-");
        Platforms.Run run = Platforms.cli(context, "demo", "--output", out.toString());
        assertEquals(run.err(), 0, run.exitCode());
        assertTrue(run.out(), run.out().contains("AUROC"));
        JsonNode metrics = Platforms.json(out.resolve("results/metrics.json"));
        double auroc = metrics.path("test").path("classification").path("auroc").asDouble();
        assertTrue("test AUROC " + auroc, auroc >= 0.95);
        int test = metrics.path("data").path("split").path("test").asInt();
        assertTrue("test split of " + test, Math.abs(test - 200) <= 2); // 10 %, stratified by class
        assertTrue(Files.isRegularFile(out.resolve("results/model/model.json")));
        assertTrue(Files.isRegularFile(out.resolve("results/model/MANIFEST.sha256")));
        assertEquals(test + 1, Files.readAllLines(out.resolve("results/predictions.tsv")).size());

        // the saved model predicts the training file through the CLI, one row per record
        Path predictions = out.resolve("predicted.tsv");
        Platforms.Run predict = Platforms.cli(context, "predict", "--model", out.resolve("results/model").toString(),
                "--input", out.resolve("data/demo.fa").toString(), "--output", predictions.toString());
        assertEquals(predict.err(), 0, predict.exitCode());
        var lines = Files.readAllLines(predictions);
        assertEquals("id\tmotif", lines.get(0));
        assertEquals(2001, lines.size());
    }

    @Test
    public void spliceExampleReachesTargetAccuracyAndItsModelPredictsUciAndFasta() throws Exception {
        Path example = HOME.resolve("../../examples/splice.yaml").normalize();
        sharedData("uci-splice-junction/splice.data");
        PipelineSpec parsed = jobs.parse(example);
        Path out = Files.createTempDirectory("splice-");
        PipelineSpec spec = parsed.withOutputDirectory(out);
        JobResult result = jobs.submit(spec).await();
        assertEquals(result.message(), JobStatus.SUCCEEDED, result.status());
        double accuracy = result.testMetrics().get("classification").scalars().get("accuracy");
        assertTrue("splice test accuracy " + accuracy, accuracy >= 0.95);
        JsonNode metrics = Platforms.json(out.resolve("metrics.json"));
        assertEquals(64, metrics.path("data").path("sha256").asText().length());
        assertEquals(42, metrics.path("provenance").path("seed").asInt());

        Path uci = sharedData("uci-splice-junction/splice.data");
        Platforms.Run run = Platforms.cli(context, "predict", "--model", out.resolve("model").toString(),
                "--input", uci.toString(), "--output", out.resolve("uci.tsv").toString());
        assertEquals(run.err(), 0, run.exitCode());
        var rows = Files.readAllLines(out.resolve("uci.tsv"));
        assertEquals("id\tEI\tIE\tN", rows.get(0));
        assertEquals(2553, rows.size());
        assertTrue(rows.get(1), rows.get(1).startsWith("ATRINS-DONOR-521\t"));

        Path fasta = out.resolve("two.fa");
        Files.writeString(fasta, ">donor\nCCAGCTGCATCACAGGAGGCCAGCGAGCAGGTCTGTTCCAAGGGCCTTCGAGCCAGTCTG\n"
                + ">other some description\nAGACCCGCCGGGAGGCGGAGGACCTGCAGGGTGAGCCCCACCGCCCCTCCGTGCCCCCGC\n");
        run = Platforms.cli(context, "predict", "--model", out.resolve("model").toString(),
                "--input", fasta.toString(), "--output", out.resolve("fasta.tsv").toString());
        assertEquals(run.err(), 0, run.exitCode());
        rows = Files.readAllLines(out.resolve("fasta.tsv"));
        assertEquals(3, rows.size());
        String[] donor = rows.get(1).split("\t");
        assertEquals("donor", donor[0]);
        double sum = Double.parseDouble(donor[1]) + Double.parseDouble(donor[2]) + Double.parseDouble(donor[3]);
        assertEquals(1.0, sum, 1e-4);
    }

    @Test
    public void badSpecsAreRejectedWithOneClearErrorAndThePlatformKeepsWorking() throws Exception {
        Path dir = Files.createTempDirectory("bad-spec-");
        Files.writeString(dir.resolve("seqs.fa"), ">a x\nACGT\n>b y\nACGA\n");
        String good = "data: {reader: fasta, path: seqs.fa}\nmodel: {family: cnn}\nevaluate: [classification]\n";

        assertProblem(good.replace("family: cnn", "family: transformer"), dir, "no model family 'transformer'", "(available: ", "cnn 0.", "dense 0.");
        assertProblem(good.replace("reader: fasta", "reader: bam"), dir, "no reader 'bam'", "fasta 0.",
                "bam files are read by reader 'alignments'");
        assertProblem(good.replace("seqs.fa", "missing.fa"), dir, "missing.fa", "does not exist");
        assertProblem(good.replace("{family: cnn}", "{family: cnn, filters: many}"), dir, "filters", "list of integers");
        assertProblem(good.replace("{family: cnn}", "{family: cnn, fliters: [8]}"), dir, "unknown parameter 'fliters'", "filters");
        assertProblem(good + "trainig: {epochs: 3}\n", dir, "unknown section 'trainig'", "training");
        assertProblem(good.replace("evaluate: [classification]", "evaluate: [survival]"), dir, "no evaluator 'survival'", "classification", "regression");
        assertProblem("data: [oops\n", dir, "invalid YAML at line");

        // the CLI gives one line on stderr and a non-zero exit code
        Files.writeString(dir.resolve("bad.yaml"), good.replace("family: cnn", "family: transformer"));
        Platforms.Run run = Platforms.cli(context, "run", dir.resolve("bad.yaml").toString());
        assertEquals(2, run.exitCode());
        assertEquals(run.err(), 1, run.err().strip().lines().count());
        assertTrue(run.err(), run.err().startsWith("genomod: error: ") && run.err().contains("transformer"));

        // and the platform still runs a good job afterwards
        Path out = Files.createTempDirectory("after-bad-");
        Platforms.Run demo = Platforms.cli(context, "demo", "--output", out.toString(), "--sequences", "400");
        assertEquals(demo.err(), 0, demo.exitCode());
    }

    private void assertProblem(String yaml, Path dir, String... fragments) {
        try {
            jobs.validate(jobs.parse(yaml, dir, "spec.yaml"));
            fail("accepted a bad spec:\n" + yaml);
        } catch (SpecException e) {
            for (String fragment : fragments) {
                assertTrue("'" + fragment + "' missing from: " + e.getMessage(), e.getMessage().contains(fragment));
            }
        }
    }
}
