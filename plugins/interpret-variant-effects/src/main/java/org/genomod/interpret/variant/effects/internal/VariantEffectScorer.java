package org.genomod.interpret.variant.effects.internal;

import java.io.IOException;
import org.genomod.api.data.SequenceEncoder;
import org.genomod.api.interpret.VariantScorer;
import org.genomod.api.param.ParameterSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Scores VCF variants with a sequence model: for each ALT allele, the model's outputs on the ALT window
 * minus those on the REF window ({@code diff}, {@code abs_diff}, and for probabilities
 * {@code logit_diff}), per output. The windows are described in {@link AlleleWindow}; the outputs in
 * {@link TsvEffectWriter} and {@link VcfEffectWriter}. Stateless: each call is one pass.
 */
@Component(service = VariantScorer.class, property = VariantScorer.SERVICE_PROPERTY + "=" + VariantEffectScorer.NAME)
public final class VariantEffectScorer implements VariantScorer {
    static final String NAME = "windows";
    static final String BATCH_SIZE = "batch_size";
    static final int DEFAULT_BATCH_SIZE = 256;

    private final SequenceEncoder encoder;

    @Activate
    public VariantEffectScorer(@Reference(target = "(" + SequenceEncoder.SERVICE_PROPERTY + "=" + ModelInput.ENCODING + ")")
                               SequenceEncoder encoder) {
        this.encoder = encoder;
    }

    static ParameterSchema.Builder batchSize(ParameterSchema.Builder builder) {
        return builder.integer(BATCH_SIZE, DEFAULT_BATCH_SIZE, 2, 65_536,
                "windows per model call (a record's REF window and each ALT window count one each); bounds memory");
    }

    @Override
    public ParameterSchema parameters() {
        return batchSize(ParameterSchema.builder()).build();
    }

    @Override
    public Summary score(Request request) throws IOException {
        return new ScoringRun(request.model(), encoder, request.parameters().integer(BATCH_SIZE), 0, request.cancellation())
                .run(request.vcf(), request.reference(), request.output()).summary();
    }
}
