package org.genomod.itests;

import static org.junit.Assert.assertEquals;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.genomod.api.job.Job;
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
import org.osgi.framework.Version;

/**
 * One family's bundle is replaced while another family's job runs: the running job is not disturbed
 * (it leases only its own plugins) and the replaced family serves the next job from the new bundle.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CrossFamilyHotSwapIT extends GenomodTestSupport {

    @Inject
    BundleContext context;

    @Inject
    JobService jobs;

    @Configuration
    public Option[] config() throws IOException {
        Path root = Files.createTempDirectory("cross-family-");
        Path plugins = Files.createDirectories(root.resolve("plugins"));
        Path staging = Files.createDirectories(root.resolve("staging"));
        for (Path jar : jars(HOME.resolve("plugins"))) {
            Files.copy(jar, plugins.resolve(jar.getFileName()));
            if (jar.getFileName().toString().contains("model-dense")) {
                PluginJars.withVersion(jar, "99.0.0", staging.resolve("model-dense-99.0.0.jar"));
            }
        }
        List<Option> options = platformWatching(plugins);
        options.add(systemProperty("itest.root").value(root.toString()));
        return options.toArray(new Option[0]);
    }

    @Test
    public void replacingTheDenseBundleLeavesARunningCnnJobAloneAndBothFamiliesComplete() throws Exception {
        Path root = Path.of(System.getProperty("itest.root"));
        Path plugins = root.resolve("plugins");
        Platforms.await("the bundled cnn and dense families", () -> Platforms.familyVersions(context, "cnn").size() == 1
                && Platforms.familyVersions(context, "dense").size() == 1);
        Version cnn = Platforms.familyVersions(context, "cnn").get(0);
        assertEquals(0, Platforms.cli(context, "demo", "--output", root.resolve("demo").toString(), "--sequences", "600").exitCode());
        Path data = root.resolve("demo/data/demo.fa");

        Job cnnJob = jobs.submit(jobs.parse(spec(data, "cnn, filters: [16], widths: [15], pooling: [-1], dense: [16]",
                root.resolve("cnn"), 100), root, "cnn"));
        Platforms.await("the cnn job running", () -> cnnJob.status() == JobStatus.RUNNING);

        // the dense jar replaced in place by a rebuild at a higher version, as a lab would deploy a fix
        String denseJar = jars(plugins).stream().map(p -> p.getFileName().toString()).filter(n -> n.contains("model-dense"))
                .findFirst().orElseThrow();
        PluginJars.withVersion(root.resolve("staging/model-dense-99.0.0.jar"), "99.0.0", plugins.resolve(denseJar));
        Platforms.await("dense 99.0.0 registered alone",
                () -> Platforms.familyVersions(context, "dense").equals(List.of(new Version(99, 0, 0))));
        assertEquals("the cnn job is still training", JobStatus.RUNNING, cnnJob.status());

        JobResult denseResult = jobs.submit(jobs.parse(spec(data, "dense, hidden: [8]", root.resolve("dense"), 3), root, "dense"))
                .await();
        assertEquals(denseResult.message(), JobStatus.SUCCEEDED, denseResult.status());
        assertEquals("99.0.0", Platforms.familyVersionUsed(root.resolve("dense")));

        JobResult cnnResult = cnnJob.await(5, TimeUnit.MINUTES).orElseThrow(() -> new AssertionError("the cnn job hangs"));
        assertEquals(cnnResult.message(), JobStatus.SUCCEEDED, cnnResult.status());
        assertEquals(cnn.toString(), Platforms.familyVersionUsed(root.resolve("cnn")));
        assertEquals("the cnn bundle was never touched", List.of(cnn), Platforms.familyVersions(context, "cnn"));
    }

    private static String spec(Path data, String model, Path output, int epochs) {
        return "data: {reader: fasta, path: " + data + ", task: binary, positive: motif}\n"
                + "model: {family: " + model + "}\n"
                + "training: {epochs: " + epochs + ", batch_size: 32, early_stopping: {patience: 0}}\n"
                + "evaluate: [classification]\n"
                + "output: " + output + "\n";
    }
}
