package org.genomod.api.train;

import java.util.Objects;
import java.util.Set;

/**
 * Stop when the validation metric has not improved for {@code patience} epochs.
 *
 * @param metric    {@code loss} (validation loss) or a scalar an evaluator reports, e.g. {@code auroc}
 * @param patience  epochs without improvement before stopping; 0 disables early stopping
 * @param minDelta  smallest change that counts as improvement
 * @param restoreBest whether the model ends in its best validation state rather than its last
 */
public record EarlyStopping(String metric, int patience, double minDelta, boolean restoreBest) {
    private static final Set<String> LOWER_IS_BETTER = Set.of("loss", "mse", "mae", "rmse", "brier", "log_loss");

    public EarlyStopping {
        Objects.requireNonNull(metric, "metric");
        if (patience < 0 || minDelta < 0) {
            throw new IllegalArgumentException("patience and minDelta must be non-negative");
        }
    }

    public static EarlyStopping none() {
        return new EarlyStopping("loss", 0, 0, true);
    }

    public boolean enabled() {
        return patience > 0;
    }

    /** Whether larger values of {@link #metric()} are better. */
    public boolean maximise() {
        // pooled figures (micro_mse, micro_rmse, ...) go the same way as their per-output averages
        return !LOWER_IS_BETTER.contains(metric.startsWith("micro_") ? metric.substring("micro_".length()) : metric);
    }
}
