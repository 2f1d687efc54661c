package org.genomod.shell.internal;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.genomod.api.job.JobService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "run", description = "Run a pipeline spec (YAML): read, split, train, evaluate, write results.")
final class RunCommand implements Callable<Integer> {
    private final JobService jobs;
    private final Console console;

    @Parameters(paramLabel = "SPEC", description = "pipeline spec file")
    Path spec;

    @picocli.CommandLine.Option(names = "--check", description = "only validate the spec against the installed plugins")
    boolean check;

    RunCommand(JobService jobs, Console console) {
        this.jobs = jobs;
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        var parsed = jobs.parse(spec);
        if (check) {
            jobs.validate(parsed);
            console.out().println(spec + ": OK");
            return 0;
        }
        JobRunner.runInForeground(jobs, parsed, console);
        return 0;
    }
}
