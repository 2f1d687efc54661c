package org.genomod.shell.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.genomod.api.eval.Metrics;
import org.genomod.api.eval.TruthEvaluator;
import org.genomod.api.param.ParameterException;
import org.osgi.framework.BundleContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "evaluate-vcf", description = {
        "Variant calls against a truth VCF after normalisation (multi-allelic records split, indels left-aligned",
        "against the reference): TP, FP, FN, precision, recall, F1 and genotype concordance for all variants,",
        "SNVs and indels. Matches by normalised position and alleles (not haplotype-aware like vcfeval)."})
final class EvaluateVcfCommand implements Callable<Integer> {
    private static final List<String> CATEGORIES = List.of("all", "snv", "indel");
    private final BundleContext context;
    private final Console console;

    @Option(names = "--calls", required = true, paramLabel = "VCF", description = "the calls (VCF, plain or bgzip)")
    Path calls;

    @Option(names = "--truth", required = true, paramLabel = "VCF", description = "the truth set (VCF, plain or bgzip)")
    Path truth;

    @Option(names = "--reference", required = true, paramLabel = "FASTA", description = "indexed reference (.fa + .fai, or bgzip .fa.gz + .fai + .gzi)")
    Path reference;

    @Option(names = "--bed", paramLabel = "BED", description = "confident regions: only variants whose position lies inside count")
    Path bed;

    @Option(names = "--region", paramLabel = "R", description = "only variants in this region count, e.g. chr20:10000000-10010000 (1-based, inclusive)")
    String region;

    @Option(names = "--all-records", description = "count records whatever their FILTER (default: PASS and '.' only)")
    boolean allRecords;

    @Option(names = "--json", description = "print one JSON object instead of the table")
    boolean json;

    EvaluateVcfCommand(BundleContext context, Console console) {
        this.context = context;
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("reference", reference.toAbsolutePath().toString());
        if (bed != null) {
            raw.put("bed", bed.toAbsolutePath().toString());
        }
        if (region != null) {
            raw.put("region", region);
        }
        raw.put("pass_only", !allRecords);
        Metrics metrics;
        try (Services services = new Services(context, "evaluate-vcf needs the eval-variants plugin")) {
            TruthEvaluator evaluator = services.get(TruthEvaluator.class, TruthEvaluator.SERVICE_PROPERTY, "vcf");
            metrics = evaluator.evaluate(calls.toAbsolutePath(), truth.toAbsolutePath(), validated(evaluator, raw));
        }
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            CATEGORIES.forEach(c -> out.put(c, metrics.details().get(c)));
            out.put("calls", metrics.details().get("calls"));
            out.put("truth", metrics.details().get("truth"));
            out.put("warnings", metrics.details().get("warnings"));
            console.out().println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(out));
        } else {
            printTable(metrics);
        }
        return 0;
    }

    /** Parameter problems are the user's: a plain message, exit 1. */
    static org.genomod.api.param.Parameters validated(TruthEvaluator evaluator, Map<String, ?> raw) {
        try {
            return evaluator.parameters().validate(raw, Path.of("").toAbsolutePath());
        } catch (ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private void printTable(Metrics metrics) {
        console.out().println(String.format(Locale.ROOT, "%-6s %8s %8s %8s %10s %8s %8s %9s", "", "TP", "FP", "FN", "precision", "recall",
                "F1", "genotype"));
        for (String category : CATEGORIES) {
            Map<String, Object> c = (Map<String, Object>) metrics.details().get(category);
            Object gc = c.get("genotype_concordance");
            console.out().println(String.format(Locale.ROOT, "%-6s %8d %8d %8d %10.4f %8.4f %8.4f %9s", category, c.get("tp"), c.get("fp"),
                    c.get("fn"), c.get("precision"), c.get("recall"), c.get("f1"),
                    gc == null ? "-" : String.format(Locale.ROOT, "%.4f", (Double) gc)));
        }
        for (String side : List.of("calls", "truth")) {
            Map<String, Object> s = (Map<String, Object>) metrics.details().get(side);
            console.out().println(String.format(Locale.ROOT, "%s: %d records, %d variants counted; left out: %d filtered, %d outside regions, "
                    + "%d not in the genotype, %d symbolic; %d split, %d normalised, %d duplicates", side, s.get("records"), s.get("variants"),
                    s.get("filtered"), s.get("outside_regions"), s.get("not_in_genotype"), s.get("symbolic"), s.get("split"),
                    s.get("normalised"), s.get("duplicates")));
        }
        ((List<String>) metrics.details().get("warnings")).forEach(w -> console.info("warning: " + w));
    }
}
