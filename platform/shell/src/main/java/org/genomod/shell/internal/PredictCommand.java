package org.genomod.shell.internal;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.genomod.api.job.PredictionService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "predict", description = "Apply a saved model to a file; writes one row per record with a probability column per class.")
final class PredictCommand implements Callable<Integer> {
    private final PredictionService prediction;
    private final Console console;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "saved model directory")
    Path model;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "records in a format the model's reader reads")
    Path input;

    @Option(names = "--output", required = true, paramLabel = "OUT.tsv", description = "predictions table (written atomically)")
    Path output;

    PredictCommand(PredictionService prediction, Console console) {
        this.prediction = prediction;
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        var summary = prediction.predict(model.toAbsolutePath(), input.toAbsolutePath(), output.toAbsolutePath());
        console.out().println("predicted " + summary.records() + " records (" + String.join(", ", summary.outputs())
                + ") -> " + summary.output());
        return 0;
    }
}
