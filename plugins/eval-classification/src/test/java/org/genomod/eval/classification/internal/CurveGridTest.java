package org.genomod.eval.classification.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Grid samples of small curves worked out by hand. */
class CurveGridTest {
    private static final double EXACT = 1e-15;

    @Test
    void gridHasAHundredAndOnePoints() {
        double[] axis = CurveGrid.axis();
        assertEquals(101, axis.length);
        assertEquals(0.0, axis[0]);
        assertEquals(0.37, axis[37], EXACT);
        assertEquals(1.0, axis[100]);
    }

    /*
     * Scores 0.9 (+), 0.8 (−), 0.7 (+), 0.6 (−): ROC through (0, 0.5), (0.5, 0.5), (0.5, 1), (1, 1).
     * tpr = 0.5 below fpr 0.5 (the first point rises straight to 0.5 at fpr 0), then 1: the vertical step at 0.5 counts at its top.
     * Recall 0.5 is reached at precision 1, recall 1 at precision 2/3.
     */
    @Test
    void verticalStepsCountAtTheirTop() {
        Ranking.Curves curves = Ranking.of(new float[] {0.9f, 0.8f, 0.7f, 0.6f}, new boolean[] {true, false, true, false}).curves();

        for (int g = 0; g <= 100; g++) {
            assertEquals(g < 50 ? 0.5 : 1.0, curves.tpr()[g], EXACT, "tpr at fpr " + g + "%");
            assertEquals(g <= 50 ? 1.0 : 2.0 / 3, curves.precision()[g], EXACT, "precision at recall " + g + "%");
        }
        assertEquals(0.75, curves.auroc(), EXACT);
        assertEquals((1.0 + 2.0 / 3) / 2, curves.averagePrecision(), EXACT);
    }

    /*
     * Scores 0.9 (+), 0.5 (+), 0.5 (−), 0.5 (−), 0.1 (−): P = 2, N = 3. The tie is one threshold, a diagonal from
     * (0, 0.5) to (2/3, 1): tpr = 0.5 + 0.75 fpr there, e.g. 0.5075 at 0.01, 0.875 at 0.5, 0.995 at 0.66, then 1 from 0.67.
     * Precision is 1 up to recall 0.5 and 2/4 above. AUROC 5/6 (Mann-Whitney, ties half), average precision 0.75.
     */
    @Test
    void tiesBetweenClassesAreDiagonals() {
        Ranking.Curves curves = Ranking.of(new float[] {0.9f, 0.5f, 0.5f, 0.5f, 0.1f},
                new boolean[] {true, true, false, false, false}).curves();

        assertEquals(0.5, curves.tpr()[0], EXACT);
        assertEquals(0.5075, curves.tpr()[1], 1e-12);
        assertEquals(0.875, curves.tpr()[50], 1e-12);
        assertEquals(0.995, curves.tpr()[66], 1e-12);
        assertEquals(1.0, curves.tpr()[67], EXACT);
        assertEquals(1.0, curves.tpr()[100], EXACT);
        assertEquals(1.0, curves.precision()[50], EXACT);
        assertEquals(0.5, curves.precision()[51], EXACT);
        assertEquals(0.5, curves.precision()[100], EXACT);
        assertEquals(5.0 / 6, curves.auroc(), EXACT);
        assertEquals(0.75, curves.averagePrecision(), EXACT);
    }

    /*
     * Scores 0.9 (−), 0.8 (+), 0.1 (−): the curve leaves (0, 0) along the fpr axis to (0.5, 0), rises to (0.5, 1).
     * tpr = 0 below 0.5 and 1 from 0.5; the first positive comes in at precision 1/2, which holds for every recall.
     */
    @Test
    void aNegativeOnTopKeepsTheCurveOnTheAxis() {
        Ranking.Curves curves = Ranking.of(new float[] {0.9f, 0.8f, 0.1f}, new boolean[] {false, true, false}).curves();

        double[] tpr = new double[101];
        double[] precision = new double[101];
        for (int g = 0; g <= 100; g++) {
            tpr[g] = g < 50 ? 0 : 1;
            precision[g] = 0.5;
        }
        assertArrayEquals(tpr, curves.tpr(), EXACT);
        assertArrayEquals(precision, curves.precision(), EXACT);
    }

    @Test
    void oneClassLeavesTheCurvesUndefined() {
        assertNull(Ranking.of(new float[] {0.2f, 0.6f}, new boolean[] {true, true}).curves());
        assertNull(Ranking.of(new float[] {0.2f, 0.6f}, new boolean[] {false, false}).curves());
        assertNotNull(Ranking.of(new float[] {0.2f, 0.6f}, new boolean[] {false, true}).curves());
    }
}
