package org.genomod.shell.internal;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.genomod.api.job.JobListener;
import org.genomod.api.job.JobResult;
import org.genomod.api.job.JobService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", description = {
        "Train a 1-D CNN to find a planted motif in simulated sequences, evaluate it on held-out data and print the metrics.",
        "Writes the data, the spec it ran (demo.yaml) and the results into the output directory."})
final class DemoCommand implements Callable<Integer> {
    private final JobService jobs;
    private final Console console;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "genomod-demo", description = "output directory (default: ${DEFAULT-VALUE})")
    Path output;

    @Option(names = "--sequences", defaultValue = "2000", description = "number of simulated sequences (default: ${DEFAULT-VALUE})")
    int sequences;

    @Option(names = "--length", defaultValue = "100", description = "sequence length (default: ${DEFAULT-VALUE})")
    int length;

    @Option(names = "--seed", defaultValue = "7", description = "seed for data, split and training (default: ${DEFAULT-VALUE})")
    long seed;

    DemoCommand(JobService jobs, Console console) {
        this.jobs = jobs;
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        run(output, null);
        return 0;
    }

    /** Generates the data, writes the spec and runs it in the foreground; {@code extra} also hears the job. */
    JobResult run(Path target, JobListener extra) throws Exception {
        if (sequences < 100) {
            throw new IllegalArgumentException("--sequences must be at least 100, got " + sequences);
        }
        Path dir = target.toAbsolutePath().normalize();
        Path data = dir.resolve("data").resolve("demo.fa");
        Files.createDirectories(data.getParent());
        int positives;
        try (Writer w = Files.newBufferedWriter(data, StandardCharsets.US_ASCII)) {
            positives = DemoData.write(w, sequences, length, seed);
        }
        console.info(String.format("genomod demo: %d simulated sequences of %d nt, %d with a planted %s motif (seed %d)",
                sequences, length, positives, DemoData.MOTIF, seed));
        Path specFile = dir.resolve("demo.yaml");
        Files.writeString(specFile, spec(), StandardCharsets.UTF_8);
        return JobRunner.runInForeground(jobs, jobs.parse(specFile), console, extra);
    }

    /** The demo is an ordinary spec, written out so a user can read it and run it again with `genomod run`. */
    String spec() {
        return String.join("\n",
                "# Written by 'genomod demo'; run it again with: genomod run demo.yaml",
                "name: demo",
                "seed: " + seed,
                "data:",
                "  reader: fasta",
                "  path: data/demo.fa",
                "  labels: header",
                "  task: binary",
                "  positive: motif",
                "  split: {method: random, fractions: [0.8, 0.1, 0.1]}",
                "model:",
                "  family: cnn",
                "  filters: [32]",
                "  widths: [15]",
                "  pooling: [-1]",
                "  dense: [32]",
                "  dropout: 0.1",
                "training:",
                "  epochs: 15",
                "  batch_size: 64",
                "  optimizer: adam",
                "  learning_rate: 0.003",
                "  early_stopping: {metric: loss, patience: 3}",
                "evaluate:",
                "  - classification",
                "output: results",
                "");
    }
}
