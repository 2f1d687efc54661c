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
 * {@code balanced_accuracy}, {@code auroc}, {@code auprc}, {@code macro_f1}, {@code log_loss} and
 * {@code brier} (plus {@code micro_*} summaries for multi-label, and {@code auroc/<output>},
 * {@code auprc/<output>} when there are several outputs), with per-class tables, a confusion matrix,
 * calibration, and ROC, precision-recall and reliability curves with bootstrap bands in the details
 * (docs/metrics.md). Scores must be probabilities and labels 0/1; a metric that the labels leave
 * undefined is left out and explained under {@code warnings}.
 */
@Component(service = Evaluator.class, property = Evaluator.SERVICE_PROPERTY + "=" + ClassificationEvaluator.NAME)
public final class ClassificationEvaluator implements Evaluator {
    static final String NAME = "classification";
    static final String THRESHOLD = "threshold";
    static final String BOOTSTRAP = "bootstrap";
    static final String BOOTSTRAP_SEED = "bootstrap_seed";
    static final String CURVE_OUTPUTS = "curve_outputs";

    private static final ParameterSchema SCHEMA = ParameterSchema.builder()
            .number(THRESHOLD, 0.5, 0, 1, "a binary or multi-label output is predicted positive when its score is at least this")
            .integer(BOOTSTRAP, 200, 0, 100_000, "bootstrap replicates for the 95 % bands of the ROC and PR curves and the "
                    + "intervals of AUROC and AUPRC; 0 leaves them out")
            .integer(BOOTSTRAP_SEED, 42, 0, Integer.MAX_VALUE, "seed of the bootstrap draws")
            .integer(CURVE_OUTPUTS, 50, 0, Integer.MAX_VALUE, "curves (and bootstrap intervals) for at most this many outputs, "
                    + "the first in output order")
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
        Options options = new Options(parameters.number(THRESHOLD), parameters.integer(BOOTSTRAP),
                parameters.integer(BOOTSTRAP_SEED), parameters.integer(CURVE_OUTPUTS));
        return switch (task) {
            case BINARY -> BinaryEvaluation.evaluate(data, options);
            case MULTICLASS -> MulticlassEvaluation.evaluate(data, options);
            case MULTILABEL -> MultilabelEvaluation.evaluate(data, options);
            default -> throw new IllegalStateException(task.toString());
        };
    }
}
