package org.genomod.api.eval;

import java.util.Set;
import org.genomod.api.data.TaskType;
import org.genomod.api.param.ParameterSchema;
import org.genomod.api.param.Parameters;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Plugin SPI: scores predictions against labels. Registered with {@value #SERVICE_PROPERTY} naming
 * the evaluator (e.g. {@code classification}).
 */
@ConsumerType
public interface Evaluator {
    String SERVICE_PROPERTY = "genomod.evaluator";

    ParameterSchema parameters();

    /** The tasks this evaluator understands; a spec pairing it with another is rejected before running. */
    Set<TaskType> tasks();

    Metrics evaluate(Predictions predictions, Parameters parameters);
}
