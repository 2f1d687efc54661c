package org.genomod.eval.regression.internal;

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
 * Regression metrics per target — {@code mse}, {@code rmse}, {@code mae}, {@code pearson}, {@code spearman}
 * and {@code r2} — averaged over targets (macro), and with several targets also {@code micro_*} over every
 * scored entry pooled. Labels that are NaN mark entries that are not scored and are skipped one by one; a
 * metric the entries leave undefined is left out (null in the per-target table) and explained under
 * {@code warnings}.
 */
@Component(service = Evaluator.class, property = Evaluator.SERVICE_PROPERTY + "=" + RegressionEvaluator.NAME)
public final class RegressionEvaluator implements Evaluator {
    static final String NAME = "regression";

    private static final Set<TaskType> TASKS = Collections.unmodifiableSet(EnumSet.of(TaskType.REGRESSION));

    @Override
    public ParameterSchema parameters() {
        return ParameterSchema.empty();
    }

    @Override
    public Set<TaskType> tasks() {
        return TASKS;
    }

    @Override
    public Metrics evaluate(Predictions predictions, Parameters parameters) {
        TaskType task = predictions.schema().task();
        if (!TASKS.contains(task)) {
            throw new IllegalArgumentException("the regression evaluator handles " + TASKS + " tasks, not " + task
                    + " (classification outputs are scored by the classification evaluator)");
        }
        return TargetSummary.of(ScoredTargets.from(predictions), predictions.size());
    }
}
