package org.genomod.api.data;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The shape and meaning of a dataset's examples, recorded in every model card so that prediction
 * encodes new inputs exactly as training did.
 *
 * @param featureShape shape of one example, row-major; for sequences {@code [length, channels]}
 * @param encoding     how features were made, e.g. {@code dna-one-hot}
 * @param task         what the labels mean
 * @param outputs      names of the output columns: classes (binary: the positive class), labels or targets
 * @param attributes   further encoding facts a model needs (alphabet, normalisation, ...), plain values only
 */
public record DatasetSchema(List<Integer> featureShape, String encoding, TaskType task, List<String> outputs,
                            Map<String, Object> attributes) {

    public DatasetSchema {
        featureShape = List.copyOf(featureShape);
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(task, "task");
        outputs = List.copyOf(outputs);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        if (featureShape.isEmpty() || featureShape.stream().anyMatch(d -> d <= 0)) {
            throw new IllegalArgumentException("feature shape must have positive dimensions: " + featureShape);
        }
        if (outputs.isEmpty()) {
            throw new IllegalArgumentException("a dataset needs at least one output");
        }
        if (task == TaskType.BINARY && outputs.size() != 1) {
            throw new IllegalArgumentException("a binary task has one output (the positive class), got " + outputs);
        }
    }

    /** Number of feature values per example. */
    public int featureSize() {
        return featureShape.stream().reduce(1, (a, b) -> a * b);
    }

    /** Number of label (and prediction) values per example. */
    public int labelSize() {
        return outputs.size();
    }
}
