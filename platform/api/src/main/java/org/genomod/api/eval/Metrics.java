package org.genomod.api.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What an evaluator found.
 *
 * @param evaluator the evaluator's name
 * @param scalars   headline numbers in display order (e.g. accuracy, auroc); used for early stopping
 * @param details   structured extras written to metrics.json (per-class tables, confusion matrix, curves)
 */
public record Metrics(String evaluator, Map<String, Double> scalars, Map<String, Object> details) {
    public Metrics {
        Objects.requireNonNull(evaluator, "evaluator");
        scalars = Collections.unmodifiableMap(new LinkedHashMap<>(scalars));
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
}
