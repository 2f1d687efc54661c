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
 * step-wise term per distinct score, {@code Σ (R_k − R_{k−1}) · P_k}, with no interpolation. Both are
 * read off the examples' {@link Ranking}.
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
        Ranking.Curves curves = Ranking.of(scores, truth).curves();
        long positives = 0;
        for (boolean positive : truth) {
            positives += positive ? 1 : 0;
        }
        long negatives = truth.length - positives;
        if (curves == null) { // one class: no ROC; with positives alone every threshold has precision 1
            return new RankMetrics(positives, negatives, Double.NaN, positives > 0 ? 1.0 : Double.NaN);
        }
        return new RankMetrics(positives, negatives, curves.auroc(), curves.averagePrecision());
    }

    /** Mean of {@code metric} over the rankings that have both classes; empty when none has. */
    static OptionalDouble macroAverage(RankMetrics[] rankings, ToDoubleFunction<RankMetrics> metric) {
        return Arrays.stream(rankings).filter(RankMetrics::hasBothClasses).mapToDouble(metric).average();
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
