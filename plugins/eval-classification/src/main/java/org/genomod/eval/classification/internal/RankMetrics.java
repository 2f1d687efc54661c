package org.genomod.eval.classification.internal;

import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;

/**
 * Threshold-free ranking metrics of scores against boolean truth: the area under the ROC curve and
 * average precision, both with the conventions of scikit-learn's {@code roc_auc_score} and
 * {@code average_precision_score}.
 *
 * <p>Tied scores form one threshold: the ROC curve moves diagonally across a tie (trapezoid rule, which
 * equals the Mann-Whitney U statistic with ties counted as one half), and average precision takes one
 * step-wise term per distinct score, {@code Σ (R_k − R_{k−1}) · P_k}, with no interpolation. The scores
 * are sorted once; everything else is one linear pass.
 */
final class RankMetrics {
    private final long positives;
    private final long negatives;
    private final double auroc;
    private final double averagePrecision;

    private RankMetrics(long positives, long negatives, double auroc, double averagePrecision) {
        this.positives = positives;
        this.negatives = negatives;
        this.auroc = auroc;
        this.averagePrecision = averagePrecision;
    }

    /**
     * @param scores higher means more likely positive; NaN is rejected
     * @param truth  whether each example is positive
     */
    static RankMetrics of(float[] scores, boolean[] truth) {
        if (scores.length != truth.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + truth.length + " truth values");
        }
        // Sorting packed primitives (score in the high half, truth in the lowest bit) is a single
        // primitive sort with no boxing, and it puts tied scores next to each other.
        long[] keys = new long[scores.length];
        for (int i = 0; i < scores.length; i++) {
            if (Float.isNaN(scores[i])) {
                throw new IllegalArgumentException("score " + i + " is NaN");
            }
            keys[i] = ((long) sortableBits(scores[i]) << 32) | (truth[i] ? 1L : 0L);
        }
        Arrays.sort(keys);

        long truePositives = 0;
        long falsePositives = 0;
        long twiceArea = 0; // exact: trapezoid areas in count units, times two
        double precisionSum = 0; // Σ Δtp · precision, divided by the positives at the end
        for (int end = keys.length - 1; end >= 0; ) {
            long previousTp = truePositives;
            long previousFp = falsePositives;
            int score = (int) (keys[end] >> 32);
            int i = end;
            for (; i >= 0 && (int) (keys[i] >> 32) == score; i--) {
                if ((keys[i] & 1L) != 0) {
                    truePositives++;
                } else {
                    falsePositives++;
                }
            }
            end = i;
            twiceArea += (falsePositives - previousFp) * (truePositives + previousTp);
            if (truePositives > previousTp) {
                precisionSum += (truePositives - previousTp) * ((double) truePositives / (truePositives + falsePositives));
            }
        }
        long positives = truePositives;
        long negatives = falsePositives;
        double auroc = positives > 0 && negatives > 0 ? twiceArea / (2.0 * positives * negatives) : Double.NaN;
        double averagePrecision = positives > 0 ? precisionSum / positives : Double.NaN;
        return new RankMetrics(positives, negatives, auroc, averagePrecision);
    }

    /** Mean of {@code metric} over the rankings that have both classes; empty when none has. */
    static OptionalDouble macroAverage(RankMetrics[] rankings, ToDoubleFunction<RankMetrics> metric) {
        return Arrays.stream(rankings).filter(RankMetrics::hasBothClasses).mapToDouble(metric).average();
    }

    /** Maps a float to an int whose signed order is the float's numeric order; -0 and +0 tie. */
    private static int sortableBits(float score) {
        int bits = Float.floatToIntBits(score + 0.0f); // + 0.0f turns -0 into +0
        return bits ^ ((bits >> 31) & 0x7fffffff);
    }

    long positives() {
        return positives;
    }

    long negatives() {
        return negatives;
    }

    /** Whether both classes occur, which ROC AUC needs (and which the evaluator asks of both metrics). */
    boolean hasBothClasses() {
        return positives > 0 && negatives > 0;
    }

    /** ROC AUC; NaN unless both classes occur. */
    double auroc() {
        return auroc;
    }

    /** Average precision; NaN when there is no positive. */
    double averagePrecision() {
        return averagePrecision;
    }
}
