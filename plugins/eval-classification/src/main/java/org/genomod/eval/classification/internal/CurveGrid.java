package org.genomod.eval.classification.internal;

/**
 * Samples ROC and precision-recall curves at the fixed abscissae {@code 0, 0.01, …, 1} so that curves of
 * different resamples (and models) can be compared point by point and drawn without the raw scores.
 *
 * <p>Both take the curve as cumulative counts at successive thresholds, highest score first: after
 * point {@code k}, {@code fp[k]} negatives and {@code tp[k]} positives score at least the threshold. The
 * last point holds every example. Comparisons with the grid are made in integers, so a point that lies
 * exactly on a grid value is recognised as such.
 */
final class CurveGrid {
    /** Intervals of the grid: it has {@code STEPS + 1} points. */
    static final int STEPS = 100;

    private CurveGrid() {
    }

    /** The grid itself, {@code g / STEPS}. */
    static double[] axis() {
        double[] axis = new double[STEPS + 1];
        for (int g = 0; g <= STEPS; g++) {
            axis[g] = (double) g / STEPS;
        }
        return axis;
    }

    /**
     * The true-positive rate at each false-positive rate of the grid, on the ROC curve that starts at
     * (0, 0) and joins the points by straight lines (a tie between classes is a diagonal step, as in the
     * trapezoidal AUROC). Where the curve rises vertically at a grid value the highest rate it reaches
     * there is taken, so the sample at 0 is the share of positives scored above every negative.
     */
    static double[] roc(long[] fp, long[] tp, int points, long negatives, long positives) {
        double[] tpr = new double[STEPS + 1];
        long previousFp = 0;
        long previousTp = 0;
        int g = 0;
        for (int k = 0; k < points; k++) {
            // grid values before this point's false-positive rate: g / STEPS < fp / negatives
            for (; g <= STEPS && g * negatives < STEPS * fp[k]; g++) {
                long offset = g * negatives - STEPS * previousFp; // ≥ 0: the grid value is not before the previous point
                double along = (double) offset / (STEPS * (fp[k] - previousFp));
                tpr[g] = (previousTp + along * (tp[k] - previousTp)) / positives;
            }
            previousFp = fp[k];
            previousTp = tp[k];
        }
        for (; g <= STEPS; g++) {
            tpr[g] = (double) previousTp / positives;
        }
        return tpr;
    }

    /**
     * The precision at each recall of the grid: at recall {@code r > 0} the precision of the first
     * threshold whose recall reaches {@code r}, the step function whose area is the average precision;
     * at recall 0 its limit from the right, the precision where the first positive is recovered.
     */
    static double[] precision(long[] fp, long[] tp, int points, long positives) {
        double[] precision = new double[STEPS + 1];
        int g = 0;
        for (int k = 0; k < points && g <= STEPS; k++) {
            if (tp[k] == 0) {
                continue;
            }
            double value = (double) tp[k] / (tp[k] + fp[k]);
            for (; g <= STEPS && g * positives <= STEPS * tp[k]; g++) {
                precision[g] = value;
            }
        }
        return precision;
    }
}
