package org.genomod.eval.classification.internal;

import static org.genomod.eval.classification.internal.ReferenceData.BINARY_LABELS;
import static org.genomod.eval.classification.internal.ReferenceData.BINARY_SCORES;
import static org.genomod.eval.classification.internal.ReferenceData.TOLERANCE;
import static org.genomod.eval.classification.internal.ReferenceData.truth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RankMetricsTest {

    /*
     * y = [0,0,1,0,1,1,0,0,0,1,0,0,1,0]; p = f32([0.1,0.4,0.35,0.8,0.8,0.9,0.4,0.2,0.65,0.5,0.0,0.8,1.0,0.35])
     * roc_auc_score(y, p) -> 0.788888888888889; average_precision_score(y, p) -> 0.7251948051948052
     * average_precision_score(1 - y, -p) -> 0.8657848324514992
     */
    @Test
    void matchesScikitLearnWithTiesAcrossClasses() {
        RankMetrics ranking = RankMetrics.of(BINARY_SCORES, truth(BINARY_LABELS));

        assertEquals(5, ranking.positives());
        assertEquals(9, ranking.negatives());
        assertEquals(0.788888888888889, ranking.auroc(), TOLERANCE);
        assertEquals(0.7251948051948052, ranking.averagePrecision(), TOLERANCE);
    }

    @Test
    void reversedRankingOfTheNegativeClass() {
        float[] negated = new float[BINARY_SCORES.length];
        boolean[] negatives = truth(BINARY_LABELS);
        for (int i = 0; i < negated.length; i++) {
            negated[i] = -BINARY_SCORES[i];
            negatives[i] = !negatives[i];
        }
        RankMetrics ranking = RankMetrics.of(negated, negatives);

        assertEquals(0.788888888888889, ranking.auroc(), TOLERANCE, "AUROC is symmetric in the classes");
        assertEquals(0.8657848324514992, ranking.averagePrecision(), TOLERANCE);
    }

    /*
     * i = np.arange(1000); p = f32(((i * 37) % 101) / 100.0); y = ((i * 13) % 7) < 3
     * roc_auc_score(y, p) -> 0.49885628390301295; average_precision_score(y, p) -> 0.4273262563333061
     */
    @Test
    void matchesScikitLearnOnAThousandScoresWithManyTies() {
        float[] scores = new float[1000];
        boolean[] truth = new boolean[1000];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = (float) (((i * 37) % 101) / 100.0);
            truth[i] = (i * 13) % 7 < 3;
        }
        RankMetrics ranking = RankMetrics.of(scores, truth);

        assertEquals(0.49885628390301295, ranking.auroc(), TOLERANCE);
        assertEquals(0.4273262563333061, ranking.averagePrecision(), TOLERANCE);
    }

    /** AUROC is the Mann-Whitney probability that a positive outscores a negative, ties counting one half. */
    @Test
    void aurocEqualsPairwiseMannWhitneyCount() {
        Random random = new Random(42);
        int n = 1500;
        float[] scores = new float[n];
        boolean[] truth = new boolean[n];
        for (int i = 0; i < n; i++) {
            truth[i] = random.nextInt(3) == 0;
            scores[i] = random.nextInt(50) / 49f + (truth[i] ? 0.1f : 0f); // coarse grid: many ties
        }
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (truth[i] && !truth[j]) {
                    pairs++;
                    wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
            }
        }

        assertEquals(wins / pairs, RankMetrics.of(scores, truth).auroc(), 1e-12);
    }

    @Test
    void inputOrderDoesNotMatter() {
        float[] scores = BINARY_SCORES.clone();
        boolean[] truth = truth(BINARY_LABELS);
        for (int i = 0, j = scores.length - 1; i < j; i++, j--) {
            float s = scores[i];
            scores[i] = scores[j];
            scores[j] = s;
            boolean t = truth[i];
            truth[i] = truth[j];
            truth[j] = t;
        }
        RankMetrics ranking = RankMetrics.of(scores, truth);

        assertEquals(0.788888888888889, ranking.auroc(), TOLERANCE);
        assertEquals(0.7251948051948052, ranking.averagePrecision(), TOLERANCE);
    }

    @Test
    void perfectAndInvertedRankings() {
        boolean[] truth = {false, false, false, true, true};
        RankMetrics perfect = RankMetrics.of(new float[] {0.1f, 0.2f, 0.3f, 0.8f, 0.9f}, truth);
        RankMetrics inverted = RankMetrics.of(new float[] {0.9f, 0.8f, 0.7f, 0.2f, 0.1f}, truth);

        assertEquals(1.0, perfect.auroc(), TOLERANCE);
        assertEquals(1.0, perfect.averagePrecision(), TOLERANCE);
        assertEquals(0.0, inverted.auroc(), TOLERANCE);
        // by hand: thresholds at 0.2 (tp 1 of 4 predicted) and 0.1 (tp 2 of 5): 1/2 * 1/4 + 1/2 * 2/5
        assertEquals(0.325, inverted.averagePrecision(), TOLERANCE);
    }

    /** One threshold only: the ROC is the diagonal and precision is the prevalence. */
    @Test
    void allScoresTied() {
        RankMetrics ranking = RankMetrics.of(new float[] {0.3f, 0.3f, 0.3f, 0.3f}, new boolean[] {true, false, false, false});

        assertEquals(0.5, ranking.auroc(), TOLERANCE);
        assertEquals(0.25, ranking.averagePrecision(), TOLERANCE);
    }

    @Test
    void negativeZeroTiesWithZero() {
        RankMetrics ranking = RankMetrics.of(new float[] {-0.0f, 0.0f}, new boolean[] {true, false});

        assertEquals(0.5, ranking.auroc(), TOLERANCE);
    }

    @Test
    void undefinedWithoutBothClasses() {
        RankMetrics negativesOnly = RankMetrics.of(new float[] {0.2f, 0.7f}, new boolean[] {false, false});
        RankMetrics positivesOnly = RankMetrics.of(new float[] {0.2f, 0.7f}, new boolean[] {true, true});

        assertFalse(negativesOnly.hasBothClasses());
        assertTrue(Double.isNaN(negativesOnly.auroc()));
        assertTrue(Double.isNaN(negativesOnly.averagePrecision()));
        assertFalse(positivesOnly.hasBothClasses());
        assertTrue(Double.isNaN(positivesOnly.auroc()));
        assertEquals(1.0, positivesOnly.averagePrecision(), TOLERANCE);
    }

    @Test
    void rejectsNaNAndMismatchedLengths() {
        assertThrows(IllegalArgumentException.class, () -> RankMetrics.of(new float[] {Float.NaN}, new boolean[] {true}));
        assertThrows(IllegalArgumentException.class, () -> RankMetrics.of(new float[] {0.1f, 0.2f}, new boolean[] {true}));
    }

    @Test
    void macroAverageSkipsRankingsWithOneClass() {
        RankMetrics[] rankings = {
            RankMetrics.of(new float[] {0.1f, 0.9f}, new boolean[] {false, true}),
            RankMetrics.of(new float[] {0.9f, 0.1f}, new boolean[] {false, true}),
            RankMetrics.of(new float[] {0.5f, 0.6f}, new boolean[] {false, false})};

        assertEquals(0.5, RankMetrics.macroAverage(rankings, RankMetrics::auroc).getAsDouble(), TOLERANCE);
        assertTrue(RankMetrics.macroAverage(new RankMetrics[] {rankings[2]}, RankMetrics::auroc).isEmpty());
    }
}
