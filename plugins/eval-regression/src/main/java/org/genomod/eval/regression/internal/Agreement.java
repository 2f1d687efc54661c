package org.genomod.eval.regression.internal;

import java.util.Set;

/**
 * How closely predictions follow labels over a set of scored entries. A figure the entries leave
 * undefined is NaN (see {@link Degeneracy}): everything with no entry; pearson, spearman and r2 with a
 * single entry or constant labels (r2's total sum of squares is zero); pearson and spearman with
 * constant predictions.
 *
 * @param scored   the number of entries
 * @param mse      mean squared error
 * @param mae      mean absolute error
 * @param pearson  Pearson's r
 * @param spearman Spearman's ρ: Pearson's r of the average ranks
 * @param r2       1 − SS_res / SS_tot, scikit-learn's {@code r2_score}
 * @param degeneracy what leaves figures undefined, {@link Degeneracy#NONE} when nothing does
 */
record Agreement(int scored, double mse, double mae, double pearson, double spearman, double r2, Degeneracy degeneracy) {

    /**
     * @param truth     the labels, none NaN
     * @param predicted the predictions, index by index, none NaN
     */
    static Agreement of(float[] truth, float[] predicted) {
        int n = truth.length;
        double[] y = widen(truth);
        double[] p = widen(predicted);
        CompensatedSum squared = new CompensatedSum();
        CompensatedSum absolute = new CompensatedSum();
        for (int i = 0; i < n; i++) {
            double error = p[i] - y[i];
            squared.add(error * error);
            absolute.add(Math.abs(error));
        }
        double mse = squared.value() / n; // NaN for no entries
        double mae = absolute.value() / n;
        Degeneracy degeneracy = n == 0 ? Degeneracy.NO_ENTRIES
                : n == 1 ? Degeneracy.SINGLE_ENTRY
                : Statistics.constant(truth) ? Degeneracy.CONSTANT_LABELS
                : Statistics.constant(predicted) ? Degeneracy.CONSTANT_PREDICTIONS
                : Degeneracy.NONE;
        Set<Metric> undefined = degeneracy.undefined();
        double r2 = undefined.contains(Metric.R2) ? Double.NaN : 1 - squared.value() / Statistics.squaredDeviations(y);
        double pearson = undefined.contains(Metric.PEARSON) ? Double.NaN : Statistics.pearson(y, p);
        double spearman = undefined.contains(Metric.SPEARMAN) ? Double.NaN
                : Statistics.pearson(Statistics.averageRanks(truth), Statistics.averageRanks(predicted));
        return new Agreement(n, mse, mae, pearson, spearman, r2, degeneracy);
    }

    double rmse() {
        return Math.sqrt(mse);
    }

    private static double[] widen(float[] values) {
        double[] wide = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            wide[i] = values[i];
        }
        return wide;
    }
}
