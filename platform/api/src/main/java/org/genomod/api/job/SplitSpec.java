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
 */
public record SplitSpec(String method, List<Double> fractions, List<String> validationGroups, List<String> testGroups) {
    public SplitSpec {
        fractions = fractions == null ? List.of() : List.copyOf(fractions);
        validationGroups = validationGroups == null ? List.of() : List.copyOf(validationGroups);
        testGroups = testGroups == null ? List.of() : List.copyOf(testGroups);
    }

    public static SplitSpec random(double train, double validation, double test) {
        return new SplitSpec("random", List.of(train, validation, test), null, null);
    }
}
