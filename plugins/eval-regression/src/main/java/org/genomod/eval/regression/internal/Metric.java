package org.genomod.eval.regression.internal;

import java.util.function.ToDoubleFunction;

/** The figures reported for each target and summarised over targets, in display order. */
enum Metric {
    MSE("mse", Agreement::mse),
    RMSE("rmse", Agreement::rmse),
    MAE("mae", Agreement::mae),
    PEARSON("pearson", Agreement::pearson),
    SPEARMAN("spearman", Agreement::spearman),
    R2("r2", Agreement::r2);

    /** The prefix of the scalars that pool every scored entry of every target. */
    static final String MICRO = "micro_";

    private final String key;
    private final ToDoubleFunction<Agreement> value;

    Metric(String key, ToDoubleFunction<Agreement> value) {
        this.key = key;
        this.value = value;
    }

    String key() {
        return key;
    }

    /** Its value for {@code agreement}; NaN where undefined. */
    double of(Agreement agreement) {
        return value.applyAsDouble(agreement);
    }
}
