package org.genomod.eval.regression.internal;

import java.util.Arrays;

/**
 * The numerical kernels behind the metrics, in double precision over float data. Sums are compensated
 * and spreads are taken about the mean in a second pass: the one-pass textbook formulas lose every digit
 * when values sit far from zero relative to their spread (expression on a raw scale, positions).
 */
final class Statistics {
    private Statistics() {
    }

    static double mean(double[] values) {
        CompensatedSum sum = new CompensatedSum();
        for (double v : values) {
            sum.add(v);
        }
        return sum.value() / values.length;
    }

    /** The sum of squared deviations from the mean, the total sum of squares of R². */
    static double squaredDeviations(double[] values) {
        double mean = mean(values);
        CompensatedSum sum = new CompensatedSum();
        for (double v : values) {
            sum.add((v - mean) * (v - mean));
        }
        return sum.value();
    }

    /** Pearson's r, as scipy.stats.pearsonr; neither vector may be constant. */
    static double pearson(double[] x, double[] y) {
        double meanX = mean(x);
        double meanY = mean(y);
        CompensatedSum xy = new CompensatedSum();
        CompensatedSum xx = new CompensatedSum();
        CompensatedSum yy = new CompensatedSum();
        for (int i = 0; i < x.length; i++) {
            double dx = x[i] - meanX;
            double dy = y[i] - meanY;
            xy.add(dx * dy);
            xx.add(dx * dx);
            yy.add(dy * dy);
        }
        double r = xy.value() / (Math.sqrt(xx.value()) * Math.sqrt(yy.value()));
        return Math.max(-1, Math.min(1, r)); // rounding can step just past ±1; scipy clips likewise
    }

    /** Whether every value equals the first (exactly, as scipy's constant-input test; 0.0 equals -0.0). */
    static boolean constant(float[] values) {
        for (float v : values) {
            if (v != values[0]) {
                return false;
            }
        }
        return true;
    }

    /**
     * 1-based ranks, tied values sharing the average of the ranks they span (scipy's
     * {@code rankdata(method='average')}). Values must not be NaN.
     */
    static double[] averageRanks(float[] values) {
        // Sort (value, index) pairs packed into longs: an order-preserving int image of the float above, the
        // index below. Arrays.sort(long[]) is a primitive sort, with no boxing even for millions of entries.
        long[] keyed = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            keyed[i] = (long) orderedBits(values[i]) << 32 | i;
        }
        Arrays.sort(keyed);
        double[] ranks = new double[values.length];
        for (int start = 0, end; start < keyed.length; start = end) {
            end = start + 1;
            while (end < keyed.length && keyed[end] >> 32 == keyed[start] >> 32) {
                end++;
            }
            double rank = (start + 1 + end) / 2.0; // the mean of the 1-based ranks start + 1 .. end
            for (int k = start; k < end; k++) {
                ranks[(int) keyed[k]] = rank;
            }
        }
        return ranks;
    }

    /** An int whose signed order is the float's numeric order (-0.0 is made 0.0 first, so they tie). */
    private static int orderedBits(float value) {
        int bits = Float.floatToIntBits(value + 0.0f);
        return bits ^ (bits >> 31 & 0x7fffffff); // negative floats: flip the magnitude bits to reverse their order
    }
}
