package org.genomod.eval.classification.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.genomod.api.data.TaskType;
import org.genomod.api.eval.Metrics;

/**
 * Collects one evaluation's scalars (in insertion order), details and warnings into {@link Metrics}.
 * Undefined values appear in details as {@code null}, never NaN, so that metrics.json stays valid JSON.
 */
final class Report {
    static final String ACCURACY = "accuracy";
    static final String BALANCED_ACCURACY = "balanced_accuracy";
    static final String AUROC = "auroc";
    static final String AUPRC = "auprc";
    static final String MACRO_F1 = "macro_f1";
    static final String LOG_LOSS = "log_loss";
    static final String MICRO_AUROC = "micro_auroc";
    static final String MICRO_AUPRC = "micro_auprc";
    static final String MICRO_F1 = "micro_f1";
    static final String BRIER = "brier";
    /** Separates a metric from the output it is read on in per-output scalar names, e.g. {@code auroc/CTCF}. */
    static final String OUTPUT_SEPARATOR = "/";

    private final Map<String, Double> scalars = new LinkedHashMap<>();
    private final Map<String, Object> details = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    Report(TaskType task, int examples) {
        details.put("task", task.name());
        details.put("n", examples);
    }

    void scalar(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalStateException(name + " is " + value + "; undefined metrics must be left out with a warning");
        }
        scalars.put(name, value);
    }

    /**
     * With more than one output, each output's AUROC and AUPRC as the scalars {@code auroc/<output>} and
     * {@code auprc/<output>}, so that early stopping can watch a single task; outputs whose labels
     * have one class only are left out (the evaluation warns about them).
     */
    void perOutputScalars(List<String> outputs, RankMetrics[] rankings) {
        if (outputs.size() < 2) {
            return;
        }
        for (int o = 0; o < outputs.size(); o++) {
            if (rankings[o].hasBothClasses()) {
                scalar(AUROC + OUTPUT_SEPARATOR + outputs.get(o), rankings[o].auroc());
                scalar(AUPRC + OUTPUT_SEPARATOR + outputs.get(o), rankings[o].averagePrecision());
            }
        }
    }

    void detail(String key, Object value) {
        details.put(key, value);
    }

    void warn(String warning) {
        warnings.add(warning);
    }

    Metrics build() {
        Map<String, Object> all = new LinkedHashMap<>(details);
        all.put("warnings", List.copyOf(warnings));
        return new Metrics(ClassificationEvaluator.NAME, scalars, all);
    }

    /** One {@code per_class} entry: class {@code c} of {@code matrix}, ranked by {@code ranking}. */
    static Map<String, Object> perClass(String name, ConfusionMatrix matrix, int c, RankMetrics ranking) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("class", name);
        row.put("precision", orNull(matrix.precision(c)));
        row.put("recall", orNull(matrix.recall(c)));
        row.put("f1", orNull(matrix.f1(c)));
        row.put("support", matrix.support(c));
        row.put("auroc", ranking.hasBothClasses() ? ranking.auroc() : null);
        row.put("auprc", ranking.hasBothClasses() ? ranking.averagePrecision() : null);
        return Collections.unmodifiableMap(row);
    }

    /** {@code {labels, matrix}}: rows = true class, columns = predicted class, both in {@code labels} order. */
    static Map<String, Object> confusionMatrix(List<String> labels, ConfusionMatrix matrix) {
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("labels", List.copyOf(labels));
        table.put("matrix", counts(matrix));
        return Collections.unmodifiableMap(table);
    }

    /** The matrix as plain lists: rows = true class, columns = predicted class. */
    static List<List<Long>> counts(ConfusionMatrix matrix) {
        List<List<Long>> rows = new ArrayList<>();
        for (long[] row : matrix.rows()) {
            List<Long> counts = new ArrayList<>();
            for (long n : row) {
                counts.add(n);
            }
            rows.add(List.copyOf(counts));
        }
        return List.copyOf(rows);
    }

    private static Double orNull(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
