package org.genomod.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
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
import org.genomod.api.job.SpecException;
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
 * Hot swap as a user meets it: plugin jars in a folder watched by FileInstall; a higher version
 * dropped in serves new jobs while a running job finishes on the old one; replacing a jar in place
 * under a running job ends that job with an explicit status; deleting jars removes the family.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HotSwapIT extends GenomodTestSupport {
    @Inject
    BundleContext context;

    @Inject
    JobService jobs;

    @Configuration
    public Option[] config() throws IOException {
        Path root = Files.createTempDirectory("hotswap-");
        Path plugins = Files.createDirectories(root.resolve("plugins"));
        Path staging = Files.createDirectories(root.resolve("staging"));
        Path cnn = null;
        for (Path jar : jars(HOME.resolve("plugins"))) {
            Files.copy(jar, plugins.resolve(jar.getFileName()));
            if (jar.getFileName().toString().contains("model-cnn")) {
                cnn = jar;
            }
        }
        PluginJars.withVersion(cnn, "99.0.0", staging.resolve("model-cnn-99.0.0.jar"));
        PluginJars.withVersion(cnn, "99.0.1", staging.resolve("model-cnn-99.0.1.jar"));
        List<Option> options = platformWatching(plugins);
        options.add(systemProperty("itest.root").value(root.toString()));
        return options.toArray(new Option[0]);
    }

    @Test
    public void newVersionServesNewJobsRunningJobsEndCleanlyAndDeletionUnregisters() throws Exception {
        Path root = Path.of(System.getProperty("itest.root"));
        Path plugins = root.resolve("plugins");
        Path staging = root.resolve("staging");
        Platforms.await("the bundled cnn family", () -> Platforms.familyVersions(context, "cnn").size() == 1);
        Version original = Platforms.familyVersions(context, "cnn").get(0);

        // data and a spec from the demo; the job runs long enough to overlap the swap
        assertEquals(0, Platforms.cli(context, "demo", "--output", root.resolve("demo").toString(), "--sequences", "600").exitCode());
        Path data = root.resolve("demo/data/demo.fa");

        // 1. a higher version dropped beside the old one: the running job finishes on the old revision
        Job running = jobs.submit(jobs.parse(spec(data, root.resolve("run1"), 12), root, "run1"));
        Platforms.await("job 1 running", () -> running.status() == JobStatus.RUNNING);
        PluginJars.withVersion(staging.resolve("model-cnn-99.0.0.jar"), "99.0.0", plugins.resolve("model-cnn-99.0.0.jar"));
        Platforms.await("cnn 99.0.0 registered", () -> Platforms.familyVersions(context, "cnn").contains(new Version(99, 0, 0)));
        assertTrue(Platforms.cli(context, "plugins").out().matches("(?s).*model family\\s+cnn\\s+99\\.0\\.0.*"));
        JobResult first = running.await(5, TimeUnit.MINUTES).orElseThrow(() -> new AssertionError("job 1 hangs"));
        assertEquals(first.message(), JobStatus.SUCCEEDED, first.status());
        assertEquals(original.toString(), Platforms.familyVersionUsed(root.resolve("run1")));

        // 2. new jobs get the new version
        JobResult second = jobs.submit(jobs.parse(spec(data, root.resolve("run2"), 2), root, "run2")).await();
        assertEquals(second.message(), JobStatus.SUCCEEDED, second.status());
        assertEquals("99.0.0", Platforms.familyVersionUsed(root.resolve("run2")));

        // 3. the jar replaced in place under a running job: the job ends with an explicit status, never hangs
        Job leased = jobs.submit(jobs.parse(spec(data, root.resolve("run3"), 500), root, "run3"));
        Platforms.await("job 3 training", () -> leased.status() == JobStatus.RUNNING);
        Thread.sleep(1500);
        PluginJars.withVersion(staging.resolve("model-cnn-99.0.1.jar"), "99.0.1", plugins.resolve("model-cnn-99.0.0.jar"));
        JobResult third = leased.await(2, TimeUnit.MINUTES).orElseThrow(() -> new AssertionError("job 3 hangs after the update"));
        assertEquals(third.message(), JobStatus.CANCELLED_PLUGIN_UPDATED, third.status());
        assertTrue(third.message(), third.message().contains("org.genomod.model.cnn"));
        Platforms.await("cnn 99.0.1 registered", () -> Platforms.familyVersions(context, "cnn").contains(new Version(99, 0, 1)));

        // 4. deleting the jars removes the family from the registry
        Files.delete(plugins.resolve("model-cnn-99.0.0.jar"));
        Platforms.await("99.0.1 gone", () -> !Platforms.familyVersions(context, "cnn").contains(new Version(99, 0, 1)));
        try (var s = Files.list(plugins)) {
            for (Path jar : s.filter(p -> p.getFileName().toString().contains("model-cnn")).toList()) {
                Files.delete(jar);
            }
        }
        Platforms.await("no cnn family left", () -> Platforms.familyVersions(context, "cnn").isEmpty());
        assertFalse(Platforms.cli(context, "plugins").out().matches("(?s).*model family\\s+cnn\\s.*"));
        try {
            jobs.validate(jobs.parse(spec(data, root.resolve("run4"), 1), root, "run4"));
            fail("a spec naming a removed family validated");
        } catch (SpecException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("no model family 'cnn' (available: "));
            assertTrue(e.getMessage(), e.getMessage().contains("dense")); // the other families stay
        }
    }

    private static String spec(Path data, Path output, int epochs) {
        return "data: {reader: fasta, path: " + data + ", task: binary, positive: motif}\n"
                + "model: {family: cnn, filters: [16], widths: [15], pooling: [-1], dense: [16]}\n"
                + "training: {epochs: " + epochs + ", batch_size: 32, early_stopping: {patience: 0}}\n"
                + "evaluate: [classification]\n"
                + "output: " + output + "\n";
    }
}
