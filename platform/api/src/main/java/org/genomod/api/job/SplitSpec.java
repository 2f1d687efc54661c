package org.genomod.api.job;

import java.util.List;

/**
 * How a dataset is split.
 *
 * @param method           {@code random} (seeded shuffle by fractions, stratified by class for
 *                         classification) or {@code groups} (whole groups, e.g. chromosomes, held out)
 * @param fractions        train, validation, test fractions for {@code random}; they sum to 1
 * @param validationGroups groups held out for validation with {@code groups}
 * @param testGroups       groups held out for test with {@code groups}
 * @param folds            k-fold cross-validation over the examples outside the test set during model
 *                         selection (stratified with {@code random}, whole groups per fold with
 *                         {@code groups}); 0 for none, otherwise at least 2. The final model still trains
 *                         on the train split with early stopping on the validation split.
 */
public record SplitSpec(String method, List<Double> fractions, List<String> validationGroups, List<String> testGroups,
                        int folds) {
    public SplitSpec {
        fractions = fractions == null ? List.of() : List.copyOf(fractions);
        validationGroups = validationGroups == null ? List.of() : List.copyOf(validationGroups);
        testGroups = testGroups == null ? List.of() : List.copyOf(testGroups);
        if (folds < 0 || folds == 1) {
            throw new IllegalArgumentException("folds must be 0 (no cross-validation) or at least 2, got " + folds);
        }
    }

    /** A split without cross-validation. */
    public SplitSpec(String method, List<Double> fractions, List<String> validationGroups, List<String> testGroups) {
        this(method, fractions, validationGroups, testGroups, 0);
    }

    public static SplitSpec random(double train, double validation, double test) {
        return new SplitSpec("random", List.of(train, validation, test), null, null);
    }

    /** Whether model selection scores each configuration by k-fold cross-validation. */
    public boolean crossValidated() {
        return folds >= 2;
    }
}
