package org.genomod.api.job;

import java.util.List;
import java.util.Objects;

/**
 * A hyper-parameter search: the spec's {@code search} section. Every trial trains on the training
 * split (or each cross-validation fold) and is scored on validation data only; the best trial's
 * configuration then trains the final model, which alone sees the test split.
 *
 * @param method     {@code grid} (every combination of the value lists) or {@code random} ({@code trials}
 *                   seeded draws)
 * @param trials     number of draws for {@code random}; for {@code grid} the number of combinations
 * @param seed       seeds the draws of {@code random}
 * @param metric     the validation figure trials are compared by: {@code loss} or a scalar an evaluator
 *                   reports; lower is better for losses and errors, as in {@link org.genomod.api.train.EarlyStopping}
 * @param dimensions the searched keys in the order written
 */
public record SearchSpec(String method, int trials, long seed, String metric, List<Dimension> dimensions) {
    public static final List<String> METHODS = List.of("grid", "random");

    public SearchSpec {
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("search method must be one of " + METHODS + ", got '" + method + "'");
        }
        if (trials < 1) {
            throw new IllegalArgumentException("a search needs at least one trial");
        }
        Objects.requireNonNull(metric, "metric");
        dimensions = List.copyOf(dimensions);
    }

    /**
     * One searched key.
     *
     * @param key          {@code model.<hyper-parameter>} or {@code training.<option>}
     * @param values       the candidate values as written (grid, or drawn uniformly by random); empty for a range
     * @param distribution for a range (random only): {@code uniform}, {@code log_uniform} or {@code int_uniform}; else {@code null}
     * @param low          the range's lower end (inclusive)
     * @param high         the range's upper end (inclusive)
     */
    public record Dimension(String key, List<Object> values, String distribution, double low, double high) {
        public static final List<String> DISTRIBUTIONS = List.of("uniform", "log_uniform", "int_uniform");

        public Dimension {
            Objects.requireNonNull(key, "key");
            values = values == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
            if (values.isEmpty() == (distribution == null)) {
                throw new IllegalArgumentException(key + ": give either candidate values or a range");
            }
            if (distribution != null && (!DISTRIBUTIONS.contains(distribution) || !(low <= high))) {
                throw new IllegalArgumentException(key + ": a range is one of " + DISTRIBUTIONS + " with low <= high");
            }
        }

        public static Dimension of(String key, List<?> values) {
            return new Dimension(key, new java.util.ArrayList<>(values), null, 0, 0);
        }

        public boolean range() {
            return distribution != null;
        }
    }
}
