package org.genomod.eval.regression.internal;

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
    private final Map<String, Double> scalars = new LinkedHashMap<>();
    private final Map<String, Object> details = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    Report(int examples, int targets, int scored) {
        details.put("task", TaskType.REGRESSION.name());
        details.put("n", examples);
        details.put("targets", targets);
        details.put("scored", scored);
    }

    void scalar(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalStateException(name + " is " + value + "; undefined metrics must be left out with a warning");
        }
        scalars.put(name, value);
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
        return new Metrics(RegressionEvaluator.NAME, scalars, all);
    }

    /** One {@code per_target} entry: {@code target}, {@code scored}, then every metric, null where undefined. */
    static Map<String, Object> perTarget(String target, Agreement agreement) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("target", target);
        row.put("scored", agreement.scored());
        for (Metric metric : Metric.values()) {
            double value = metric.of(agreement);
            row.put(metric.key(), Double.isNaN(value) ? null : value);
        }
        return Collections.unmodifiableMap(row);
    }
}
