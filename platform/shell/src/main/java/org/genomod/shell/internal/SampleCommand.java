package org.genomod.shell.internal;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.genomod.api.job.PredictionService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sample", description = "Draw new examples from a saved generative model (a VAE); one row per sample, a column per output.")
final class SampleCommand implements Callable<Integer> {
    private final PredictionService prediction;
    private final Console console;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "saved model directory")
    Path model;

    @Option(names = "--count", required = true, paramLabel = "N", description = "how many samples to draw")
    int count;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "random seed; the same seed draws the same samples (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--output", required = true, paramLabel = "OUT.tsv", description = "samples table (written atomically)")
    Path output;

    SampleCommand(PredictionService prediction, Console console) {
        this.prediction = prediction;
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        if (count < 1) {
            throw new IllegalArgumentException("--count must be at least 1, got " + count);
        }
        var summary = prediction.sample(model.toAbsolutePath(), count, seed, output.toAbsolutePath());
        console.out().println("sampled " + summary.records() + " examples of " + summary.outputs().size() + " outputs -> "
                + summary.output());
        return 0;
    }
}
