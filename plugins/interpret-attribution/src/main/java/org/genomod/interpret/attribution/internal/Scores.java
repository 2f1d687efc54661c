package org.genomod.interpret.attribution.internal;

import org.genomod.api.data.TaskType;

/** The attribution score a prediction stands for, as {@code DifferentiableModel} defines it. */
final class Scores {
    private Scores() {
    }

    /** Log-odds of a probability (binary, multi-label), log-probability (multi-class) or the value (regression). */
    static double of(TaskType task, double prediction) {
        return switch (task) {
            case BINARY, MULTILABEL -> Math.log(prediction) - Math.log1p(-prediction);
            case MULTICLASS -> Math.log(prediction);
            case REGRESSION -> prediction;
        };
    }
}
