package org.genomod.interpret.variant.effects.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.genomod.api.data.SequenceEncoder;
import org.genomod.api.interpret.InterpretationRequest;
import org.genomod.api.interpret.Interpreter;
import org.genomod.api.param.ParameterSchema;
import org.genomod.api.param.ParameterType;
import org.genomod.api.param.Parameters;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Variant effect scoring as a pipeline step after training ({@code interpret: [variant-effects]}): scores
 * the variants of the {@code vcf} parameter with the trained model, as {@link VariantEffectScorer} does,
 * into {@code variant_effects.tsv} or {@code variant_effects.vcf.gz} in its output directory. The test
 * split is not used: the variants are the examples.
 */
@Component(service = Interpreter.class, property = Interpreter.SERVICE_PROPERTY + "=variant-effects")
public final class VariantEffectInterpreter implements Interpreter {
    static final String VCF = "vcf";
    static final String REFERENCE = "reference";
    static final String FORMAT = "format";
    static final String STRONGEST = "strongest";
    private static final String BASE_NAME = "variant_effects";

    private final SequenceEncoder encoder;

    @Activate
    public VariantEffectInterpreter(@Reference(target = "(" + SequenceEncoder.SERVICE_PROPERTY + "=" + ModelInput.ENCODING + ")")
                                    SequenceEncoder encoder) {
        this.encoder = encoder;
    }

    @Override
    public ParameterSchema parameters() {
        return VariantEffectScorer.batchSize(ParameterSchema.builder()
                        .required(VCF, ParameterType.PATH, "the variants to score (VCF, plain or gzip/bgzip)")
                        .required(REFERENCE, ParameterType.PATH, "the FASTA the VCF's positions refer to (plain or bgzip; .fai/.gzi used when present)"))
                .choice(FORMAT, "tsv", List.of("tsv", "vcf.gz"), "output: a table, or the VCF annotated in INFO")
                .integer(STRONGEST, 10, 0, 1000, "alleles with the largest effects listed in the summary")
                .build();
    }

    @Override
    public Map<String, Object> interpret(InterpretationRequest request) throws IOException {
        Parameters p = request.parameters();
        Path output = request.outputDirectory().resolve(BASE_NAME + "." + p.string(FORMAT));
        ScoringRun.Result result = new ScoringRun(request.model(), encoder, p.integer(VariantEffectScorer.BATCH_SIZE),
                p.integer(STRONGEST), request.cancellation()).run(p.path(VCF), p.path(REFERENCE), output);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("variants", result.summary().variants());
        summary.put("scored", result.summary().scored());
        summary.put("reference_mismatches", result.summary().referenceMismatches());
        summary.put("skipped", result.summary().skipped());
        summary.put("skip_reasons", result.skipReasons());
        summary.put("contig_aliases", result.aliases());
        summary.put("window", result.window());
        summary.put("output", output.getFileName().toString());
        summary.put("strongest", result.strongest());
        return summary;
    }
}
