package org.genomod.eval.classification.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How well one output's probabilities match the frequencies they predict: the Brier score
 * {@code mean (p − y)²} (scikit-learn's {@code brier_score_loss}), the reliability curve of
 * scikit-learn's {@code calibration_curve(strategy="uniform", n_bins=10)} and the expected calibration
 * error read off it.
 *
 * <p>Bin {@code b} holds the scores in {@code (b/10, (b+1)/10]}, the first also 0: a score's bin is the
 * number of inner edges {@code k · 0.1} (k = 1..9, in double precision as numpy's {@code linspace}) that
 * lie strictly below it, which is numpy's {@code searchsorted(edges, p, side="left")}. A float score
 * such as {@code 0.1f} is a little above the double 0.1 and so lands in the second bin, as in scikit-learn.
 */
final class Calibration {
    static final int BINS = 10;

    private final double brier;
    private final long[] count = new long[BINS];
    private final double[] scoreSum = new double[BINS];
    private final long[] positives = new long[BINS];

    private Calibration(float[] scores, boolean[] truth) {
        if (scores.length != truth.length || scores.length == 0) {
            throw new IllegalArgumentException("need as many scores as truth values, at least one: " + scores.length + " and " + truth.length);
        }
        double squares = 0;
        for (int i = 0; i < scores.length; i++) {
            double p = scores[i];
            double error = p - (truth[i] ? 1 : 0);
            squares += error * error;
            int b = bin(p);
            count[b]++;
            scoreSum[b] += p;
            positives[b] += truth[i] ? 1 : 0;
        }
        brier = squares / scores.length;
    }

    static Calibration of(float[] scores, boolean[] truth) {
        return new Calibration(scores, truth);
    }

    /** The calibration of every output of {@code data}, in output order. */
    static Calibration[] ofEachOutput(LabelledScores data) {
        Calibration[] calibrations = new Calibration[data.outputs()];
        for (int o = 0; o < calibrations.length; o++) {
            calibrations[o] = of(data.scoreColumn(o), data.truthColumn(o));
        }
        return calibrations;
    }

    /** The reliability bin of probability {@code p} (see the class comment). */
    static int bin(double p) {
        int b = 0;
        while (b < BINS - 1 && (b + 1) * 0.1 < p) {
            b++;
        }
        return b;
    }

    /** Mean squared difference between the probability and the 0/1 label. */
    double brier() {
        return brier;
    }

    /**
     * {@code Σ_b (n_b / n) · |mean score_b − fraction positive_b|} over the non-empty bins: the reliability
     * curve's mean distance from the diagonal, weighted by how many scores each point stands for.
     */
    double expectedCalibrationError() {
        long n = 0;
        double weighted = 0;
        for (int b = 0; b < BINS; b++) {
            if (count[b] > 0) {
                n += count[b];
                weighted += count[b] * Math.abs(scoreSum[b] / count[b] - (double) positives[b] / count[b]);
            }
        }
        return weighted / n;
    }

    /** {@code {mean_score, fraction_positive, count}}, one entry per non-empty bin in increasing score order. */
    Map<String, Object> reliabilityCurve() {
        List<Double> meanScore = new ArrayList<>();
        List<Double> fractionPositive = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (int b = 0; b < BINS; b++) {
            if (count[b] > 0) {
                meanScore.add(scoreSum[b] / count[b]);
                fractionPositive.add((double) positives[b] / count[b]);
                counts.add(count[b]);
            }
        }
        Map<String, Object> curve = new LinkedHashMap<>();
        curve.put("mean_score", List.copyOf(meanScore));
        curve.put("fraction_positive", List.copyOf(fractionPositive));
        curve.put("count", List.copyOf(counts));
        return Collections.unmodifiableMap(curve);
    }

    /**
     * The {@code calibration} details: the evaluation's summary {@code brier}, the mean {@code ece} over
     * outputs, and each output's Brier score and ECE.
     */
    static Map<String, Object> details(List<String> outputs, Calibration[] calibrations, double brier) {
        List<Map<String, Object>> perOutput = new ArrayList<>();
        double eceSum = 0;
        for (int o = 0; o < calibrations.length; o++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("output", outputs.get(o));
            row.put("brier", calibrations[o].brier());
            row.put("ece", calibrations[o].expectedCalibrationError());
            perOutput.add(Collections.unmodifiableMap(row));
            eceSum += calibrations[o].expectedCalibrationError();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("bins", BINS);
        details.put("brier", brier);
        details.put("ece", eceSum / calibrations.length);
        details.put("per_output", List.copyOf(perOutput));
        return Collections.unmodifiableMap(details);
    }

    /**
     * The multi-class Brier score: the mean over examples of {@code Σ_c (p_c − [c is true])²}, in
     * {@code [0, 2]} — the sum of the classes' one-vs-rest Brier scores, as scikit-learn 1.7's
     * {@code brier_score_loss} on multi-class input (which does not halve it).
     */
    static double multiclassBrier(Calibration[] perClass) {
        double sum = 0;
        for (Calibration c : perClass) {
            sum += c.brier;
        }
        return sum;
    }
}
