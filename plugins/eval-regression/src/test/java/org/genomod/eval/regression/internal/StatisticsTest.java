package org.genomod.eval.regression.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StatisticsTest {

    /* scipy.stats.rankdata([3, 1, 3, 2, 3]) -> [4, 1, 4, 2, 4]; rankdata([0.0, -0.0, 1.0, -1.0]) -> [2.5, 2.5, 4, 1] */
    @Test
    void tiesShareTheAverageRank() {
        assertArrayEquals(new double[] {4, 1, 4, 2, 4}, Statistics.averageRanks(new float[] {3, 1, 3, 2, 3}));
        assertArrayEquals(new double[] {2.5, 2.5, 4, 1}, Statistics.averageRanks(new float[] {0.0f, -0.0f, 1, -1}));
        assertArrayEquals(new double[0], Statistics.averageRanks(new float[0]));
    }

    @Test
    void ranksFollowTheNumericOrderAcrossSignsAndExtremes() {
        float[] values = {-Float.MAX_VALUE, 1e-30f, -2.5f, Float.MIN_VALUE, -1e-30f, 7, -Float.MIN_VALUE, Float.MAX_VALUE, -2.5f};
        assertArrayEquals(new double[] {1, 7, 2.5, 6, 4, 8, 5, 9, 2.5}, Statistics.averageRanks(values));
    }

    @Test
    void compensatedSumKeepsWhatPlainSummationDrops() {
        CompensatedSum sum = new CompensatedSum();
        double plain = 0;
        for (double term : new double[] {1, 1e100, 1, -1e100}) {
            sum.add(term);
            plain += term;
        }
        assertEquals(2.0, sum.value());
        assertEquals(0.0, plain, "the case that shows the difference");

        CompensatedSum tenths = new CompensatedSum();
        for (int i = 0; i < 10_000_000; i++) {
            tenths.add(0.1);
        }
        assertEquals(1_000_000.0, tenths.value(), 1e-9);
    }

    @Test
    void pearsonOfExactlyLinearVectorsIsOneAndNeverBeyond() {
        double[] x = {0.1, 0.2, 0.3, 0.7, 1.1};
        double[] y = new double[x.length];
        double[] z = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 3 * x[i] + 1e5;
            z[i] = -x[i];
        }
        assertEquals(1.0, Statistics.pearson(x, y), 1e-12);
        assertTrue(Math.abs(Statistics.pearson(x, y)) <= 1);
        assertEquals(-1.0, Statistics.pearson(x, z));
    }

    @Test
    void constantMeansExactlyEqual() {
        assertTrue(Statistics.constant(new float[] {0.1f, 0.1f, 0.1f}));
        assertTrue(Statistics.constant(new float[] {0.0f, -0.0f}));
        assertFalse(Statistics.constant(new float[] {0.1f, Math.nextUp(0.1f)}));
    }

    @Test
    void squaredDeviationsAreTakenAboutTheMean() {
        assertEquals(2.0, Statistics.squaredDeviations(new double[] {1e8 + 1, 1e8 + 2, 1e8 + 3}), 1e-9);
    }
}
