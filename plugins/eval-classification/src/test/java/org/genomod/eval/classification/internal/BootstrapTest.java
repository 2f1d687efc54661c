package org.genomod.eval.classification.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    @Test
    void aSeedGivesTheSameBandsAndAnotherSeedOthers() {
        Ranking[] rankings = {noisyRanking(400, 1), noisyRanking(400, 2)};

        Bootstrap.Band[] first = Bootstrap.run(rankings, 100, 42);
        Bootstrap.Band[] again = Bootstrap.run(rankings, 100, 42);
        Bootstrap.Band[] other = Bootstrap.run(rankings, 100, 43);

        for (int o = 0; o < rankings.length; o++) {
            assertEquals(100, first[o].used());
            assertArrayEquals(first[o].tprLow(), again[o].tprLow());
            assertArrayEquals(first[o].precisionHigh(), again[o].precisionHigh());
            assertArrayEquals(first[o].auroc(), again[o].auroc());
            assertFalse(Arrays.equals(first[o].auroc(), other[o].auroc()), "seed 43 drew the same resamples as 42");
        }
    }

    @Test
    void bandsContainTheEstimate() {
        Ranking ranking = noisyRanking(500, 3);
        Ranking.Curves estimate = ranking.curves();
        Bootstrap.Band band = Bootstrap.run(new Ranking[] {ranking}, 200, 42)[0];

        assertTrue(band.auroc()[0] < estimate.auroc() && estimate.auroc() < band.auroc()[1], Arrays.toString(band.auroc()));
        assertTrue(band.averagePrecision()[0] < estimate.averagePrecision() && estimate.averagePrecision() < band.averagePrecision()[1],
                Arrays.toString(band.averagePrecision()));
        assertTrue(band.auroc()[1] - band.auroc()[0] < 0.2, "a 95 % interval from 500 examples is narrow: " + Arrays.toString(band.auroc()));
        for (int g = 0; g <= CurveGrid.STEPS; g++) {
            assertTrue(band.tprLow()[g] <= estimate.tpr()[g] && estimate.tpr()[g] <= band.tprHigh()[g], "tpr at grid point " + g);
            assertTrue(band.precisionLow()[g] <= estimate.precision()[g] && estimate.precision()[g] <= band.precisionHigh()[g],
                    "precision at grid point " + g);
        }
        assertEquals(1.0, band.tprLow()[100]);
    }

    @Test
    void replicatesMissingAClassAreNotUsed() {
        Ranking rare = Ranking.of(new float[] {0.9f, 0.2f, 0.4f, 0.1f}, new boolean[] {true, false, false, false});
        Ranking.Curves estimate = rare.curves();
        Bootstrap.Band band = Bootstrap.run(new Ranking[] {rare}, 200, 42)[0];

        // a replicate misses the positive with probability (3/4)^4 ≈ 0.32 and the negatives with (1/4)^4
        assertTrue(band.used() > 100 && band.used() < 180, "used " + band.used());
        assertEquals(1.0, estimate.auroc());
        assertEquals(1.0, band.auroc()[1]);

        Bootstrap.Band none = Bootstrap.run(new Ranking[] {Ranking.of(new float[] {0.5f}, new boolean[] {true})}, 20, 42)[0];
        assertEquals(0, none.used());
        assertNull(none.tprLow());
        assertNull(none.auroc());
    }

    /* np.percentile([1, 2, 3, 4], [2.5, 97.5]) -> [1.075, 3.925]; np.percentile([5], 2.5) -> 5.0 */
    @Test
    void percentilesInterpolateAsNumpy() {
        assertEquals(1.075, Bootstrap.percentile(new double[] {1, 2, 3, 4}, Bootstrap.LOW), 1e-12);
        assertEquals(3.925, Bootstrap.percentile(new double[] {1, 2, 3, 4}, Bootstrap.HIGH), 1e-12);
        assertEquals(5.0, Bootstrap.percentile(new double[] {5}, Bootstrap.LOW));
    }

    /** n = 10,000 examples and 200 replicates, the default, as after training on a mid-sized test split. */
    @Test
    void tenThousandExamplesTakeWellUnderASecond() {
        Ranking ranking = noisyRanking(10_000, 4);
        Bootstrap.run(new Ranking[] {ranking}, 20, 1); // warm-up
        long start = System.nanoTime();
        Bootstrap.Band band = Bootstrap.run(new Ranking[] {ranking}, 200, 42)[0];
        double seconds = (System.nanoTime() - start) / 1e9;

        System.out.printf("bootstrap: n = 10,000, 200 replicates, one output: %.3f s%n", seconds);
        assertEquals(200, band.used());
        assertTrue(seconds < 5, "took " + seconds + " s"); // generous: shared 2-core machines; about 0.1 s measured
    }

    /** Positives score higher on average; scores rounded to 3 decimals so that ties occur. */
    private static Ranking noisyRanking(int n, long seed) {
        Random random = new Random(seed);
        float[] scores = new float[n];
        boolean[] truth = new boolean[n];
        for (int i = 0; i < n; i++) {
            truth[i] = random.nextInt(3) == 0;
            double logit = random.nextGaussian() + (truth[i] ? 1.5 : 0);
            scores[i] = Math.round(1000 / (1 + Math.exp(-logit))) / 1000f;
        }
        return Ranking.of(scores, truth);
    }
}
