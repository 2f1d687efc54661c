package org.genomod.shell.internal;

import java.util.concurrent.Callable;
import org.genomod.api.job.Job;
import org.genomod.api.job.JobService;
import picocli.CommandLine.Command;

@Command(name = "jobs", description = "List the jobs of this platform instance with their status.")
final class JobsCommand implements Callable<Integer> {
    private final JobService jobs;
    private final Console console;

    JobsCommand(JobService jobs, Console console) {
        this.jobs = jobs;
        this.console = console;
    }

    @Override
    public Integer call() {
        for (Job job : jobs.jobs()) {
            console.out().println(String.format("%-10s %-24s %-26s %s", job.id(), job.spec().name(), job.status(),
                    job.result().map(r -> r.message()).orElse("")));
        }
        return 0;
    }
}
