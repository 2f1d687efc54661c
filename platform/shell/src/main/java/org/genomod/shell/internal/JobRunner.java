package org.genomod.shell.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.genomod.api.job.Job;
import org.genomod.api.job.JobResult;
import org.genomod.api.job.JobListener;
import org.genomod.api.job.JobService;
import org.genomod.api.job.JobStatus;
import org.genomod.api.job.PipelineSpec;
import org.genomod.api.job.SpecException;

/** Runs a spec in the foreground: submit, show progress, print the test metrics, fail loudly. */
final class JobRunner {
    private static final List<String> RESULTS =
            List.of("metrics.json", "report.html", "predictions.tsv", "trials.tsv", "model/", "interpret/");

    private JobRunner() {
    }

    static JobResult runInForeground(JobService jobs, PipelineSpec spec, Console console) throws SpecException, InterruptedException {
        return runInForeground(jobs, spec, console, null);
    }

    static JobResult runInForeground(JobService jobs, PipelineSpec spec, Console console, JobListener extra)
            throws SpecException, InterruptedException {
        Job job = jobs.submit(spec);
        job.addListener(console);
        if (extra != null) {
            job.addListener(extra);
        }
        console.info("job " + job.id() + " (" + spec.name() + "): output " + spec.outputDirectory());
        JobResult result;
        try {
            result = job.await();
        } catch (InterruptedException e) {
            job.cancel(); // Ctrl-C or shutdown: stop the job rather than leave it running unseen
            throw e;
        }
        if (result.status() != JobStatus.SUCCEEDED) {
            throw new UserErrors.JobFailed("job " + job.id() + " " + result.status() + ": " + result.message());
        }
        console.printMetrics(result.testMetrics());
        console.out().println("results: " + result.outputDirectory() + " (" + String.join(", ", resultFiles(result.outputDirectory())) + ")");
        return result;
    }

    /** Of the files a job may write, those {@code directory} holds, in reading order; folders end in '/'. */
    static List<String> resultFiles(Path directory) {
        List<String> present = new ArrayList<>();
        for (String name : RESULTS) {
            boolean folder = name.endsWith("/");
            Path path = directory.resolve(folder ? name.substring(0, name.length() - 1) : name);
            if (folder ? Files.isDirectory(path) : Files.isRegularFile(path)) {
                present.add(name);
            }
        }
        return present;
    }
}
