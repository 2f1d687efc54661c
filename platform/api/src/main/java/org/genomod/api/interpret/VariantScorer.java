package org.genomod.api.interpret;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.genomod.api.model.Model;
import org.genomod.api.param.ParameterSchema;
import org.genomod.api.param.Parameters;
import org.genomod.api.train.Cancellation;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Plugin SPI: scores the effect of VCF variants with a trained sequence model, from the model's
 * predictions on reference and alternative windows. Registered with {@value #SERVICE_PROPERTY}.
 */
@ConsumerType
public interface VariantScorer {
    String SERVICE_PROPERTY = "genomod.variant.scorer";

    ParameterSchema parameters();

    /** Writes {@code request.output()} atomically; its format follows the file name. */
    Summary score(Request request) throws IOException;

    /**
     * @param vcf       the variants to score
     * @param reference the FASTA the VCF's positions refer to (indexed or not)
     * @param output    the result file
     */
    record Request(Model model, Path vcf, Path reference, Path output, Parameters parameters, Cancellation cancellation) {
        public Request {
            Objects.requireNonNull(model);
            Objects.requireNonNull(vcf);
            Objects.requireNonNull(reference);
            Objects.requireNonNull(output);
            Objects.requireNonNull(parameters);
            cancellation = cancellation == null ? Cancellation.NEVER : cancellation;
        }
    }

    /**
     * @param variants            VCF alternative alleles read (one per ALT of each record)
     * @param scored              those scored
     * @param referenceMismatches those whose REF disagrees with the reference (scored, and flagged)
     * @param skipped             those not scored (symbolic alleles, outside the reference), with reasons in the output
     */
    record Summary(int variants, int scored, int referenceMismatches, int skipped, Path output) {
    }
}
