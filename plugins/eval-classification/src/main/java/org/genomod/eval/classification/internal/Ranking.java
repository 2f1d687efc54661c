package org.genomod.eval.classification.internal;

import java.util.Arrays;

/**
 * One output's examples sorted once by decreasing score, with tied scores grouped, so that the ROC and
 * precision-recall curves of any reweighting of the examples — the full set, or a bootstrap resample
 * given as how many times each example was drawn — take one linear pass instead of a sort.
 */
final class Ranking {
    private final int[] order; // example indices, highest score first
    private final boolean[] truthInOrder; // truth of order[k], kept beside it for a sequential walk
    private final int[] groupEnds; // exclusive ends in order of the runs of tied scores

    private Ranking(int[] order, boolean[] truthInOrder, int[] groupEnds) {
        this.order = order;
        this.truthInOrder = truthInOrder;
        this.groupEnds = groupEnds;
    }

    static Ranking of(float[] scores, boolean[] truth) {
        if (scores.length != truth.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + truth.length + " truth values");
        }
        for (int i = 0; i < scores.length; i++) {
            if (Float.isNaN(scores[i])) {
                throw new IllegalArgumentException("score " + i + " is NaN");
            }
        }
        // score in the high half (complemented so that the primitive sort puts the highest first), index in the low
        long[] keys = new long[scores.length];
        for (int i = 0; i < scores.length; i++) {
            keys[i] = ((long) ~sortableBits(scores[i]) << 32) | i; // ~ reverses the order
        }
        Arrays.sort(keys);
        int[] order = new int[keys.length];
        boolean[] truthInOrder = new boolean[keys.length];
        int[] groupEnds = new int[keys.length];
        int groups = 0;
        for (int k = 0; k < keys.length; k++) {
            order[k] = (int) keys[k];
            truthInOrder[k] = truth[order[k]];
            if (k + 1 == keys.length || (keys[k + 1] >> 32) != (keys[k] >> 32)) {
                groupEnds[groups++] = k + 1;
            }
        }
        return new Ranking(order, truthInOrder, Arrays.copyOf(groupEnds, groups));
    }

    /** Maps a float to an int whose signed order is the float's numeric order; -0 and +0 tie. */
    private static int sortableBits(float score) {
        int bits = Float.floatToIntBits(score + 0.0f); // + 0.0f turns -0 into +0
        return bits ^ ((bits >> 31) & 0x7fffffff);
    }

    int size() {
        return order.length;
    }

    /** The curves of the examples as they are (each counted once). */
    Curves curves() {
        return curves(null);
    }

    /**
     * The curves when example {@code i} counts {@code weights[i]} times ({@code null}: once each).
     *
     * @return {@code null} when the weighted examples lack a class, which leaves both curves undefined
     */
    Curves curves(int[] weights) {
        long[] fp = new long[groupEnds.length];
        long[] tp = new long[groupEnds.length];
        int points = 0;
        long truePositives = 0;
        long falsePositives = 0;
        long twiceArea = 0; // exact: trapezoid areas in count units, times two
        double precisionSum = 0; // Σ Δtp · precision
        int start = 0;
        for (int end : groupEnds) {
            long addedTp = 0;
            long addedFp = 0;
            for (int k = start; k < end; k++) {
                long weight = weights == null ? 1 : weights[order[k]];
                if (truthInOrder[k]) {
                    addedTp += weight;
                } else {
                    addedFp += weight;
                }
            }
            start = end;
            if (addedTp + addedFp == 0) {
                continue; // a tie group the resample did not draw is no threshold
            }
            twiceArea += addedFp * (2 * truePositives + addedTp);
            truePositives += addedTp;
            falsePositives += addedFp;
            if (addedTp > 0) {
                precisionSum += addedTp * ((double) truePositives / (truePositives + falsePositives));
            }
            fp[points] = falsePositives;
            tp[points] = truePositives;
            points++;
        }
        if (truePositives == 0 || falsePositives == 0) {
            return null;
        }
        return new Curves(CurveGrid.roc(fp, tp, points, falsePositives, truePositives),
                CurveGrid.precision(fp, tp, points, truePositives),
                twiceArea / (2.0 * truePositives * falsePositives), precisionSum / truePositives);
    }

    /**
     * Both curves on {@link CurveGrid}'s grid and their areas (AUROC by the trapezoid rule, average
     * precision as scikit-learn's {@code average_precision_score}).
     */
    record Curves(double[] tpr, double[] precision, double auroc, double averagePrecision) {
    }
}
