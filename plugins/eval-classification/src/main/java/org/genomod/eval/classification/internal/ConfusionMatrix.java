package org.genomod.eval.classification.internal;

import java.util.function.IntToDoubleFunction;

/**
 * Counts of (true class, predicted class) pairs and the metrics read off them. A metric whose
 * denominator is zero is undefined and returned as NaN; the averages skip undefined members, as
 * scikit-learn's {@code balanced_accuracy_score} and {@code f1_score(average="macro")} do.
 */
final class ConfusionMatrix {
    private final long[][] counts;

    private ConfusionMatrix(long[][] counts) {
        this.counts = counts;
    }

    /** @param actual and {@code predicted}: class indices in {@code [0, classes)} */
    static ConfusionMatrix of(int[] actual, int[] predicted, int classes) {
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException(actual.length + " true classes but " + predicted.length + " predictions");
        }
        long[][] counts = new long[classes][classes];
        for (int i = 0; i < actual.length; i++) {
            counts[actual[i]][predicted[i]]++;
        }
        return new ConfusionMatrix(counts);
    }

    /** Two classes: index 0 is negative ({@code false}), index 1 positive. */
    static ConfusionMatrix ofBinary(boolean[] actual, boolean[] predicted) {
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException(actual.length + " true classes but " + predicted.length + " predictions");
        }
        long[][] counts = new long[2][2];
        for (int i = 0; i < actual.length; i++) {
            counts[actual[i] ? 1 : 0][predicted[i] ? 1 : 0]++;
        }
        return new ConfusionMatrix(counts);
    }

    int classes() {
        return counts.length;
    }

    long count(int actual, int predicted) {
        return counts[actual][predicted];
    }

    long total() {
        long total = 0;
        for (int c = 0; c < counts.length; c++) {
            total += support(c);
        }
        return total;
    }

    /** Examples whose true class is {@code c} (a row sum). */
    long support(int c) {
        long sum = 0;
        for (long n : counts[c]) {
            sum += n;
        }
        return sum;
    }

    /** Examples predicted as {@code c} (a column sum). */
    long predictedCount(int c) {
        long sum = 0;
        for (long[] row : counts) {
            sum += row[c];
        }
        return sum;
    }

    double accuracy() {
        long correct = 0;
        for (int c = 0; c < counts.length; c++) {
            correct += counts[c][c];
        }
        return ratio(correct, total());
    }

    double precision(int c) {
        return ratio(counts[c][c], predictedCount(c));
    }

    double recall(int c) {
        return ratio(counts[c][c], support(c));
    }

    /** {@code 2tp / (2tp + fp + fn)}: the harmonic mean of precision and recall, defined even when one of them is not. */
    double f1(int c) {
        long tp = counts[c][c];
        long falsePositives = predictedCount(c) - tp;
        long falseNegatives = support(c) - tp;
        return ratio(2 * tp, 2 * tp + falsePositives + falseNegatives);
    }

    /** Mean recall over the classes that occur in the truth. */
    double balancedAccuracy() {
        return meanOfDefined(this::recall);
    }

    /** Mean F1 over the classes that occur in the truth or the predictions. */
    double macroF1() {
        return meanOfDefined(this::f1);
    }

    /** A copy of the counts, rows = true class, columns = predicted class. */
    long[][] rows() {
        long[][] copy = new long[counts.length][];
        for (int c = 0; c < counts.length; c++) {
            copy[c] = counts[c].clone();
        }
        return copy;
    }

    private double meanOfDefined(IntToDoubleFunction metric) {
        double sum = 0;
        int defined = 0;
        for (int c = 0; c < counts.length; c++) {
            double value = metric.applyAsDouble(c);
            if (!Double.isNaN(value)) {
                sum += value;
                defined++;
            }
        }
        return defined == 0 ? Double.NaN : sum / defined;
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? Double.NaN : (double) numerator / denominator;
    }
}
