package org.genomod.eval.regression.internal;

import java.util.EnumSet;
import java.util.Set;

/** What leaves some of a vector's metrics undefined, in the order the checks apply. */
enum Degeneracy {
    NONE("", EnumSet.noneOf(Metric.class)),
    NO_ENTRIES("no scored entry", EnumSet.allOf(Metric.class)),
    SINGLE_ENTRY("a single scored entry", EnumSet.of(Metric.PEARSON, Metric.SPEARMAN, Metric.R2)),
    CONSTANT_LABELS("constant labels (every scored label equal)", EnumSet.of(Metric.PEARSON, Metric.SPEARMAN, Metric.R2)),
    CONSTANT_PREDICTIONS("constant predictions (equal on every scored entry)", EnumSet.of(Metric.PEARSON, Metric.SPEARMAN));

    private final String cause;
    private final Set<Metric> undefined;

    Degeneracy(String cause, Set<Metric> undefined) {
        this.cause = cause;
        this.undefined = undefined;
    }

    /** What the entries have, as a noun phrase. */
    String cause() {
        return cause;
    }

    /** The metrics it leaves undefined. */
    Set<Metric> undefined() {
        return EnumSet.copyOf(undefined);
    }
}
