package org.genomod.eval.variants.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.genomod.api.eval.Metrics;
import org.genomod.api.eval.TruthEvaluator;
import org.genomod.api.param.ParameterSchema;
import org.genomod.api.param.ParameterType;
import org.genomod.api.param.Parameters;
import org.genomod.reader.support.genome.ContigAliases;
import org.osgi.service.component.annotations.Component;

/**
 * Variant concordance, what hap.py and vcfeval report for a lab: a calls VCF against a truth VCF after
 * both are normalised against the reference (multi-allelic records split, alleles left-aligned and trimmed),
 * as TP/FP/FN, precision, recall and F1 for SNVs, indels and all, with genotype concordance among TPs.
 * Matching is by normalised (contig, position, REF, ALT), not haplotype-aware: see docs/truth-evaluation.md.
 */
@Component(service = TruthEvaluator.class, property = TruthEvaluator.SERVICE_PROPERTY + "=vcf")
public final class VcfTruthEvaluator implements TruthEvaluator {
    static final String NAME = "vcf";

    private static final ParameterSchema PARAMETERS = ParameterSchema.builder()
            .required("reference", ParameterType.PATH, "indexed reference FASTA (.fa with .fai, or bgzip .fa.gz with .fai and .gzi)")
            .optional("bed", ParameterType.PATH, null, "confident regions (BED, 0-based half-open): only variants whose position lies inside count")
            .optional("region", ParameterType.STRING, null, "only variants in this region count (chr:start-end, 1-based inclusive)")
            .flag("pass_only", true, "count only records whose FILTER is PASS or '.'")
            .optional("calls_sample", ParameterType.STRING, null, "sample of the calls VCF whose genotypes count (default: the first)")
            .optional("truth_sample", ParameterType.STRING, null, "sample of the truth VCF whose genotypes count (default: the first)")
            .build();

    @Override
    public ParameterSchema parameters() {
        return PARAMETERS;
    }

    @Override
    public Metrics evaluate(Path calls, Path truth, Parameters parameters) throws IOException {
        try (Reference reference = Reference.open(parameters.path("reference"))) {
            List<String> names = new ArrayList<>();
            reference.contigs().forEach(names::add);
            ContigAliases aliases = new ContigAliases(names);
            TargetRegions targets = parameters.has("bed") || parameters.has("region")
                    ? TargetRegions.of(parameters.has("bed") ? parameters.path("bed") : null,
                            parameters.has("region") ? parameters.string("region") : null, aliases)
                    : TargetRegions.everywhere();
            CallSetReader reader = new CallSetReader(reference, aliases, targets, parameters.flag("pass_only"));
            CallSet called = reader.read(calls, parameters.has("calls_sample") ? parameters.string("calls_sample") : null);
            CallSet expected = reader.read(truth, parameters.has("truth_sample") ? parameters.string("truth_sample") : null);
            return metrics(Concordance.of(called, expected), called, expected, targets);
        }
    }

    private static Metrics metrics(Concordance c, CallSet calls, CallSet truth, TargetRegions targets) {
        Map<String, Double> scalars = new LinkedHashMap<>();
        scalars.put("precision", c.all.precision());
        scalars.put("recall", c.all.recall());
        scalars.put("f1", c.all.f1());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("all", c.all.asMap());
        details.put("snv", c.snv.asMap());
        details.put("indel", c.indel.asMap());
        details.put("calls", calls.summary());
        details.put("truth", truth.summary());
        List<String> warnings = new ArrayList<>(targets.warnings());
        warnings.addAll(calls.warnings);
        warnings.addAll(truth.warnings);
        if (calls.variants.isEmpty()) {
            warnings.add("no calls were counted (" + calls.records + " records read)");
        }
        if (truth.variants.isEmpty()) {
            warnings.add("no truth variants were counted (" + truth.records + " records read)");
        }
        details.put("warnings", warnings);
        details.put("matching", "normalised contig, position, REF and ALT; genotypes as ALT copy number, unphased");
        return new Metrics(NAME, scalars, details);
    }
}
