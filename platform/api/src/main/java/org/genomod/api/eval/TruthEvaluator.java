package org.genomod.api.eval;

import java.io.IOException;
import java.nio.file.Path;
import org.genomod.api.param.ParameterSchema;
import org.genomod.api.param.Parameters;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Plugin SPI: scores a result file against a truth file of the same kind, outside any training job:
 * variant calls against a truth VCF, scored edges against a gold-standard network. Registered with
 * {@value #SERVICE_PROPERTY} naming what it compares (e.g. {@code vcf}, {@code network}).
 */
@ConsumerType
public interface TruthEvaluator {
    String SERVICE_PROPERTY = "genomod.truth";

    ParameterSchema parameters();

    /**
     * @throws org.genomod.api.data.InputFormatException naming the file and line of a malformed record
     */
    Metrics evaluate(Path results, Path truth, Parameters parameters) throws IOException;
}
