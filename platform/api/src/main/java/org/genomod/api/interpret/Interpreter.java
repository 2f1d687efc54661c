package org.genomod.api.interpret;

import java.io.IOException;
import java.util.Map;
import org.genomod.api.param.ParameterSchema;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Plugin SPI: explains a trained model (attribution, in-silico mutagenesis, variant effects).
 * Registered with {@value #SERVICE_PROPERTY} naming the method.
 */
@ConsumerType
public interface Interpreter {
    String SERVICE_PROPERTY = "genomod.interpreter";

    ParameterSchema parameters();

    /** Writes its results under the request's output directory; returns a summary for metrics.json. */
    Map<String, Object> interpret(InterpretationRequest request) throws IOException;
}
