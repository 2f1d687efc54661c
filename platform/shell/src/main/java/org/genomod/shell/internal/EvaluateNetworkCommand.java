package org.genomod.shell.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.genomod.api.eval.Metrics;
import org.genomod.api.eval.TruthEvaluator;
import org.osgi.framework.BundleContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "evaluate-network", description = {
        "Scored edges (regulator, target, score) against a gold-standard edge list (regulator, target, 1/0), as in",
        "DREAM5: AUROC and AUPRC over the gold standard's edges; predictions it lacks are ignored, its edges",
        "without a prediction ranked last."})
final class EvaluateNetworkCommand implements Callable<Integer> {
    private final BundleContext context;
    private final Console console;

    @Option(names = "--predictions", required = true, paramLabel = "TSV", description = "scored edges: regulator, target, score")
    Path predictions;

    @Option(names = "--gold", required = true, paramLabel = "TSV", description = "gold standard: regulator, target, 1 or 0 (plain or gzip)")
    Path gold;

    @Option(names = "--undirected", description = "A->B and B->A are one edge")
    boolean undirected;

    @Option(names = "--top", paramLabel = "N", defaultValue = "100000",
            description = "only the N highest-scoring predictions count; 0: all (default: ${DEFAULT-VALUE}, as DREAM5)")
    int top;

    @Option(names = "--json", description = "print one JSON object instead of lines")
    boolean json;

    EvaluateNetworkCommand(BundleContext context, Console console) {
        this.context = context;
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("directed", !undirected);
        raw.put("top", top);
        Metrics metrics;
        try (Services services = new Services(context, "evaluate-network needs the eval-network plugin")) {
            TruthEvaluator evaluator = services.get(TruthEvaluator.class, TruthEvaluator.SERVICE_PROPERTY, "network");
            metrics = evaluator.evaluate(predictions.toAbsolutePath(), gold.toAbsolutePath(), EvaluateVcfCommand.validated(evaluator, raw));
        }
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>(metrics.scalars());
            out.putAll(metrics.details());
            console.out().println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(out));
            return 0;
        }
        metrics.scalars().forEach((k, v) -> console.out().println(String.format(Locale.ROOT, "%-24s %.6f", Console.display(k), v)));
        metrics.details().forEach((k, v) -> {
            if (!k.equals("universe")) {
                console.out().println(String.format(Locale.ROOT, "%-24s %s", k, v instanceof Double d ? String.format(Locale.ROOT, "%.6f", d) : v));
            }
        });
        return 0;
    }
}
