package org.genomod.eval.classification.internal;

import java.util.DoubleSummaryStatistics;

/**
 * Mean negative log-likelihood (cross-entropy) of probabilities, as scikit-learn's {@code log_loss}
 * with {@code eps=1e-15}: probabilities are clipped to {@code [1e-15, 1 − 1e-15]} so that a confident
 * mistake costs about 34.5 instead of infinity, and a categorical row is renormalised after clipping.
 */
final class LogLoss {
    static final double EPSILON = 1e-15;

    private LogLoss() {
    }

    static double clip(double probability) {
        return Math.max(EPSILON, Math.min(1 - EPSILON, probability));
    }

    /** Mean binary cross-entropy of independent probabilities of the positive class. */
    static double binary(float[] probabilities, boolean[] truth) {
        if (probabilities.length != truth.length || truth.length == 0) {
            throw new IllegalArgumentException("need as many probabilities as truth values, at least one: "
                    + probabilities.length + " and " + truth.length);
        }
        DoubleSummaryStatistics losses = new DoubleSummaryStatistics(); // compensated summation
        for (int i = 0; i < truth.length; i++) {
            double p = clip(probabilities[i]);
            losses.accept(-Math.log(truth[i] ? p : 1 - p));
        }
        return losses.getAverage();
    }

    /**
     * Mean categorical cross-entropy.
     *
     * @param probabilities row-major {@code truth.length × classes}
     * @param truth         the true class of each row
     */
    static double categorical(float[] probabilities, int classes, int[] truth) {
        if (probabilities.length != truth.length * classes || truth.length == 0) {
            throw new IllegalArgumentException("need " + classes + " probabilities for each of at least one row, got "
                    + probabilities.length + " for " + truth.length + " rows");
        }
        DoubleSummaryStatistics losses = new DoubleSummaryStatistics();
        for (int row = 0; row < truth.length; row++) {
            double total = 0;
            for (int c = 0; c < classes; c++) {
                total += clip(probabilities[row * classes + c]);
            }
            losses.accept(Math.log(total) - Math.log(clip(probabilities[row * classes + truth[row]])));
        }
        return losses.getAverage();
    }
}
