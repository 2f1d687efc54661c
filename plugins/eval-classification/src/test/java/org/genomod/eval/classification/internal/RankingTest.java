package org.genomod.eval.classification.internal;

import static org.genomod.eval.classification.internal.ReferenceData.BINARY_LABELS;
import static org.genomod.eval.classification.internal.ReferenceData.BINARY_SCORES;
import static org.genomod.eval.classification.internal.ReferenceData.TOLERANCE;
import static org.genomod.eval.classification.internal.ReferenceData.truth;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RankingTest {

    /* roc_auc_score(y, p) -> 0.788888888888889; average_precision_score(y, p) -> 0.7251948051948052 (the binary reference vector) */
    @Test
    void areasMatchScikitLearn() {
        Ranking.Curves curves = Ranking.of(BINARY_SCORES, truth(BINARY_LABELS)).curves();

        assertEquals(0.788888888888889, curves.auroc(), TOLERANCE);
        assertEquals(0.7251948051948052, curves.averagePrecision(), TOLERANCE);
        assertEquals(1.0, curves.tpr()[100]);
    }

    /** A bootstrap replicate given as draw counts reads the same curves as the resample written out in full. */
    @Test
    void weightsActAsRepeatedExamples() {
        Random random = new Random(7);
        int n = 60;
        float[] scores = new float[n];
        boolean[] truth = new boolean[n];
        for (int i = 0; i < n; i++) {
            truth[i] = random.nextInt(3) == 0;
            scores[i] = Math.round((random.nextFloat() + (truth[i] ? 0.4f : 0)) * 10) / 14f; // coarse: many ties
        }
        int[] weights = new int[n];
        int total = 0;
        for (int i = 0; i < n; i++) {
            weights[i] = random.nextInt(4); // 0 leaves an example (and some whole tie groups) out
            total += weights[i];
        }
        float[] expandedScores = new float[total];
        boolean[] expandedTruth = new boolean[total];
        for (int i = 0, k = 0; i < n; i++) {
            for (int w = 0; w < weights[i]; w++, k++) {
                expandedScores[k] = scores[i];
                expandedTruth[k] = truth[i];
            }
        }

        Ranking.Curves weighted = Ranking.of(scores, truth).curves(weights);
        Ranking.Curves expanded = Ranking.of(expandedScores, expandedTruth).curves();
        RankMetrics reference = RankMetrics.of(expandedScores, expandedTruth);

        assertArrayEquals(expanded.tpr(), weighted.tpr(), 1e-15);
        assertArrayEquals(expanded.precision(), weighted.precision(), 1e-15);
        assertEquals(reference.auroc(), weighted.auroc(), 1e-15);
        assertEquals(reference.averagePrecision(), weighted.averagePrecision(), 1e-15);
    }
}
