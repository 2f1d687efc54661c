package org.genomod.shell.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.genomod.api.interpret.VariantScorer;
import org.genomod.api.param.ParameterException;
import org.genomod.api.param.Parameters;
import org.genomod.api.store.LoadedModel;
import org.genomod.api.store.ModelStore;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Scores the variants of a VCF with a saved sequence model through the installed {@link VariantScorer}.
 * The model is loaded, used and closed on the command's own thread, as models require.
 */
@Command(name = "score-variants", description = {
        "Score each ALT allele of a VCF with a saved DNA sequence model: the model's outputs on the ALT window minus those",
        "on the REF window (diff, abs_diff, and logit_diff for probabilities), per output; see docs/variant-effects.md.",
        "The output format follows the file name: .tsv (a table) or .vcf.gz (the VCF annotated in INFO)."})
final class ScoreVariantsCommand implements Callable<Integer> {
    private final BundleContext context;
    private final Console console;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "saved model directory (a DNA one-hot window model)")
    Path model;

    @Option(names = "--vcf", required = true, paramLabel = "VCF", description = "variants to score (VCF, plain or gzip/bgzip)")
    Path vcf;

    @Option(names = "--reference", required = true, paramLabel = "FASTA",
            description = "the FASTA the VCF's positions refer to (plain or bgzip; .fai/.gzi used when present)")
    Path reference;

    @Option(names = "--output", required = true, paramLabel = "OUT", description = "OUT.tsv or OUT.vcf.gz (written atomically)")
    Path output;

    @Option(names = "--batch-size", paramLabel = "N", description = "windows per model call (default: the scorer's)")
    Integer batchSize;

    ScoreVariantsCommand(BundleContext context, Console console) {
        this.context = context;
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        for (Path file : new Path[] {vcf, reference}) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(file + ": no such file");
            }
        }
        ServiceReference<ModelStore> storeRef = context.getServiceReference(ModelStore.class);
        if (storeRef == null) {
            throw new IllegalStateException("no model store is running (is the genomod core bundle active?)");
        }
        try (Services services = new Services(context, "score-variants needs the interpret-variant-effects plugin")) {
            VariantScorer scorer = services.get(VariantScorer.class, VariantScorer.SERVICE_PROPERTY, "*");
            Parameters parameters = parameters(scorer);
            ModelStore store = context.getService(storeRef);
            try (LoadedModel loaded = store.load(model.toAbsolutePath())) {
                if (!loaded.card().preprocessing().isEmpty()) {
                    throw new IllegalArgumentException(model + ": the model transforms its inputs (" + loaded.card().preprocessing().keySet()
                            + " in " + ModelStore.CARD + "), which sequence windows cannot go through");
                }
                long start = System.nanoTime();
                VariantScorer.Summary s = scorer.score(new VariantScorer.Request(loaded.model(), vcf.toAbsolutePath(),
                        reference.toAbsolutePath(), output.toAbsolutePath(), parameters, null));
                double seconds = (System.nanoTime() - start) / 1e9;
                console.out().println("scored " + s.scored() + " of " + s.variants() + " variant alleles (" + s.referenceMismatches()
                        + " with a REF that disagrees with the reference, flagged; " + s.skipped() + " skipped, reasons in the output) in "
                        + String.format(Locale.ROOT, "%.1f s (%,.0f variant effects/s)", seconds, s.scored() / seconds)
                        + " -> " + s.output());
            } finally {
                context.ungetService(storeRef);
            }
        }
        return 0;
    }

    private Parameters parameters(VariantScorer scorer) {
        try {
            return scorer.parameters().validate(batchSize == null ? Map.of() : Map.of("batch_size", batchSize), Path.of(""));
        } catch (ParameterException e) {
            throw new IllegalArgumentException("--batch-size: " + String.join("; ", e.problems()));
        }
    }
}
