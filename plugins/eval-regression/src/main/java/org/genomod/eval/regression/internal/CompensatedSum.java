package org.genomod.eval.regression.internal;

/**
 * A running sum with Neumaier's compensation (Kahan summation that also survives a term larger than the
 * sum): each addition's rounding error is carried apart and added back at the end, so the error does not
 * grow with the number of terms. The pooled (micro) figures add up every scored entry of every target.
 */
final class CompensatedSum {
    private double sum;
    private double compensation;

    void add(double term) {
        double next = sum + term;
        compensation += Math.abs(sum) >= Math.abs(term) ? (sum - next) + term : (term - next) + sum;
        sum = next;
    }

    double value() {
        return sum + compensation;
    }
}
