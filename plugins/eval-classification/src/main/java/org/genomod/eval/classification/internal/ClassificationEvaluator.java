package org.genomod.eval.classification.internal;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.genomod.api.data.TaskType;
import org.genomod.api.eval.Evaluator;
import org.genomod.api.eval.Metrics;
import org.genomod.api.eval.Predictions;
import org.genomod.api.param.ParameterSchema;
import org.genomod.api.param.Parameters;
import org.osgi.service.component.annotations.Component;

/**
 * Classification metrics for binary, multi-class and multi-label predictions: {@code accuracy},
 * {@code balanced_accuracy}, {@code auroc}, {@code auprc}, {@code macro_f1} and {@code log_loss}
 * (plus {@code micro_auroc} for multi-label), with per-class tables and a confusion matrix in the
 * details. Scores must be probabilities and labels 0/1; a metric that the labels leave undefined is
 * left out and explained under {@code warnings}.
 */
@Component(service = Evaluator.class, property = Evaluator.SERVICE_PROPERTY + "=" + ClassificationEvaluator.NAME)
public final class ClassificationEvaluator implements Evaluator {
    static final String NAME = "classification";
    static final String THRESHOLD = "threshold";

    private static final ParameterSchema SCHEMA = ParameterSchema.builder()
            .number(THRESHOLD, 0.5, 0, 1, "a binary or multi-label output is predicted positive when its score is at least this")
            .build();
    private static final Set<TaskType> TASKS =
            Collections.unmodifiableSet(EnumSet.of(TaskType.BINARY, TaskType.MULTICLASS, TaskType.MULTILABEL));

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Set<TaskType> tasks() {
        return TASKS;
    }

    @Override
    public Metrics evaluate(Predictions predictions, Parameters parameters) {
        TaskType task = predictions.schema().task();
        if (!TASKS.contains(task)) {
            throw new IllegalArgumentException("the classification evaluator handles " + TASKS + " tasks, not " + task);
        }
        LabelledScores data = LabelledScores.from(predictions);
        double threshold = parameters.number(THRESHOLD);
        return switch (task) {
            case BINARY -> BinaryEvaluation.evaluate(data, threshold);
            case MULTICLASS -> MulticlassEvaluation.evaluate(data);
            case MULTILABEL -> MultilabelEvaluation.evaluate(data, threshold);
            default -> throw new IllegalStateException(task.toString());
        };
    }
}
