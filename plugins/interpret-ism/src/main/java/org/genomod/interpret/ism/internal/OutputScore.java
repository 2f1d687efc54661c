package org.genomod.interpret.ism.internal;

import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;

/**
 * The number a mutation's effect is measured on: one output column of the model's predictions, as
 * predicted (a probability, or a value for regression) or as log-odds. Log-odds keep resolving effects
 * where a probability saturates near 0 or 1; probabilities are clamped to [1e-7, 1 - 1e-7] first, since
 * a float probability of exactly 0 or 1 has no finite log-odds.
 */
record OutputScore(String output, int column, int columns, boolean logit) {
    private static final double EPSILON = 1e-7;

    static OutputScore of(DatasetSchema schema, String output, boolean logit) {
        int column = output == null ? 0 : schema.outputs().indexOf(output);
        if (column < 0) {
            throw new IllegalArgumentException("output '" + output + "' is not one of the model's outputs "
                    + String.join(", ", schema.outputs()));
        }
        if (logit && schema.task() == TaskType.REGRESSION) {
            throw new IllegalArgumentException("logit: true needs probabilities, but the model predicts regression values");
        }
        return new OutputScore(schema.outputs().get(column), column, schema.labelSize(), logit);
    }

    /** The score of example {@code example} in a batch's predictions. */
    double of(float[] predictions, int example) {
        double value = predictions[example * columns + column];
        if (!logit) {
            return value;
        }
        double p = Math.min(1 - EPSILON, Math.max(EPSILON, value));
        return Math.log(p) - Math.log1p(-p);
    }

    /** How the score is named in outputs. */
    String kind(DatasetSchema schema) {
        return logit ? "logit" : schema.task() == TaskType.REGRESSION ? "value" : "probability";
    }
}
