package org.genomod.api.data;

import java.util.Objects;

/** The three disjoint parts of a dataset: fit on train, choose on validation, report once on test. */
public record Splits(Dataset train, Dataset validation, Dataset test) {
    public Splits {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(test, "test");
    }
}
