package org.genomod.api.model;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A model whose outputs can be differentiated with respect to its input features, for gradient
 * attribution (gradient × input, integrated gradients). Families whose networks are differentiable
 * implement this on their {@link Model}; interpreters test for it with {@code instanceof}.
 */
@ConsumerType
public interface DifferentiableModel extends Model {

    /**
     * Gradients of one output's attribution score with respect to every input feature,
     * {@code size × featureSize} row-major. The score is the output's log-odds for binary and multi-label
     * tasks, its log-probability for multi-class tasks and its value for regression: scores that keep
     * their gradient where a probability saturates. The batch's labels are ignored.
     *
     * @param output index into the schema's outputs
     */
    float[] inputGradients(Batch batch, int output);
}
