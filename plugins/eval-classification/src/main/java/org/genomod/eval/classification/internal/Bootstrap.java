package org.genomod.eval.classification.internal;

import java.util.Arrays;
import java.util.Random;

/**
 * Percentile bootstrap of the ROC and precision-recall curves and their areas. Each replicate draws
 * {@code n} examples with replacement — the same draw for every output, so that a multi-task
 * resample keeps each example's labels together — and re-reads every output's curves from its
 * {@link Ranking} in one linear pass. A replicate in which an output lacks a class tells nothing about
 * that output's curves and is not used for it.
 *
 * <p>The band at each grid point, and each area's interval, runs between the 2.5th and 97.5th
 * percentiles of the used replicates, interpolated linearly between order statistics as numpy's
 * default {@code percentile}. The draws come from {@link Random} seeded with the given seed, whose
 * sequence the Java specification fixes, so a seed gives the same bands on every JVM.
 */
final class Bootstrap {
    static final double LOW = 0.025;
    static final double HIGH = 0.975;

    private Bootstrap() {
    }

    /** @return one band per ranking; every ranking must cover the same {@code n} examples */
    static Band[] run(Ranking[] rankings, int replicates, long seed) {
        int n = rankings.length == 0 ? 0 : rankings[0].size();
        double[][][] tpr = new double[rankings.length][replicates][];
        double[][][] precision = new double[rankings.length][replicates][];
        double[][] auroc = new double[rankings.length][replicates];
        double[][] averagePrecision = new double[rankings.length][replicates];
        int[] used = new int[rankings.length];

        Random random = new Random(seed);
        int[] draws = new int[n];
        for (int r = 0; r < replicates; r++) {
            Arrays.fill(draws, 0);
            for (int i = 0; i < n; i++) {
                draws[random.nextInt(n)]++;
            }
            for (int o = 0; o < rankings.length; o++) {
                Ranking.Curves curves = rankings[o].curves(draws);
                if (curves != null) {
                    int u = used[o]++;
                    tpr[o][u] = curves.tpr();
                    precision[o][u] = curves.precision();
                    auroc[o][u] = curves.auroc();
                    averagePrecision[o][u] = curves.averagePrecision();
                }
            }
        }
        Band[] bands = new Band[rankings.length];
        for (int o = 0; o < rankings.length; o++) {
            int u = used[o];
            bands[o] = u == 0 ? new Band(0, null, null, null, null, null, null)
                    : new Band(u, pointwise(tpr[o], u, LOW), pointwise(tpr[o], u, HIGH),
                            pointwise(precision[o], u, LOW), pointwise(precision[o], u, HIGH),
                            interval(auroc[o], u), interval(averagePrecision[o], u));
        }
        return bands;
    }

    private static double[] pointwise(double[][] curves, int used, double q) {
        double[] out = new double[CurveGrid.STEPS + 1];
        double[] column = new double[used];
        for (int g = 0; g < out.length; g++) {
            for (int r = 0; r < used; r++) {
                column[r] = curves[r][g];
            }
            Arrays.sort(column);
            out[g] = percentile(column, q);
        }
        return out;
    }

    private static double[] interval(double[] values, int used) {
        double[] sorted = Arrays.copyOf(values, used);
        Arrays.sort(sorted);
        return new double[] {percentile(sorted, LOW), percentile(sorted, HIGH)};
    }

    /** numpy's {@code percentile(values, 100 q)} (linear method) of values sorted ascending. */
    static double percentile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        if (below + 1 >= sorted.length) {
            return sorted[sorted.length - 1];
        }
        return sorted[below] + (position - below) * (sorted[below + 1] - sorted[below]);
    }

    /**
     * One output's bootstrap: how many replicates had both classes, the 95 % band of each curve on the
     * grid and the 95 % intervals {@code [low, high]} of AUROC and average precision; all {@code null}
     * when no replicate had both classes.
     */
    record Band(int used, double[] tprLow, double[] tprHigh, double[] precisionLow, double[] precisionHigh,
                double[] auroc, double[] averagePrecision) {
    }
}
