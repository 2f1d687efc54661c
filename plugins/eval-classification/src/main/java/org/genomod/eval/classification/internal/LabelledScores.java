package org.genomod.eval.classification.internal;

import java.util.List;
import org.genomod.api.eval.Predictions;

/**
 * Predictions checked for what classification metrics assume — probabilities in {@code [0, 1]} and
 * labels that are exactly 0 or 1 — and laid out as primitive arrays, row-major
 * {@code size × outputs}.
 */
final class LabelledScores {
    private final List<String> ids;
    private final List<String> outputs;
    private final float[] scores;
    private final boolean[] truth;

    private LabelledScores(List<String> ids, List<String> outputs, float[] scores, boolean[] truth) {
        this.ids = ids;
        this.outputs = outputs;
        this.scores = scores;
        this.truth = truth;
    }

    /** @throws IllegalArgumentException naming the example and output of the first bad value */
    static LabelledScores from(Predictions predictions) {
        if (!predictions.labelled()) {
            throw new IllegalArgumentException("classification metrics need true labels, but these predictions carry none");
        }
        if (predictions.size() == 0) {
            throw new IllegalArgumentException("classification metrics need at least one example, got none");
        }
        List<String> outputs = predictions.schema().outputs();
        int width = outputs.size();
        float[] scores = new float[predictions.size() * width];
        boolean[] truth = new boolean[scores.length];
        for (int i = 0; i < predictions.size(); i++) {
            for (int j = 0; j < width; j++) {
                float score = predictions.score(i, j);
                float label = predictions.label(i, j);
                if (!(score >= 0 && score <= 1)) { // also catches NaN
                    throw new IllegalArgumentException(where(predictions, i, j) + " has score " + score
                            + ", but classification scores must be probabilities in [0, 1]");
                }
                if (label != 0 && label != 1) {
                    throw new IllegalArgumentException(where(predictions, i, j) + " has label " + label
                            + ", but classification labels must be 0 or 1");
                }
                scores[i * width + j] = score;
                truth[i * width + j] = label == 1;
            }
        }
        return new LabelledScores(predictions.ids(), outputs, scores, truth);
    }

    private static String where(Predictions predictions, int example, int output) {
        return "example '" + predictions.ids().get(example) + "' (row " + (example + 1) + "), output '"
                + predictions.schema().outputs().get(output) + "',";
    }

    int size() {
        return ids.size();
    }

    int outputs() {
        return outputs.size();
    }

    List<String> outputNames() {
        return outputs;
    }

    float[] scores() {
        return scores.clone();
    }

    boolean[] truth() {
        return truth.clone();
    }

    float[] scoreColumn(int output) {
        float[] column = new float[size()];
        for (int i = 0; i < column.length; i++) {
            column[i] = scores[i * outputs() + output];
        }
        return column;
    }

    boolean[] truthColumn(int output) {
        boolean[] column = new boolean[size()];
        for (int i = 0; i < column.length; i++) {
            column[i] = truth[i * outputs() + output];
        }
        return column;
    }

    /** The single true class of each example; each label row must be one-hot. */
    int[] trueClasses() {
        int[] classes = new int[size()];
        for (int i = 0; i < classes.length; i++) {
            int found = -1;
            for (int j = 0; j < outputs(); j++) {
                if (truth[i * outputs() + j]) {
                    if (found >= 0) {
                        throw new IllegalArgumentException("example '" + ids.get(i) + "' (row " + (i + 1) + ") is labelled both '"
                                + outputs.get(found) + "' and '" + outputs.get(j) + "', but a multiclass label must be one-hot");
                    }
                    found = j;
                }
            }
            if (found < 0) {
                throw new IllegalArgumentException("example '" + ids.get(i) + "' (row " + (i + 1)
                        + ") has no class label, but a multiclass label must be one-hot");
            }
            classes[i] = found;
        }
        return classes;
    }

    /** The highest-scoring class of each example; ties go to the first class, as numpy's argmax. */
    int[] argmaxClasses() {
        int[] classes = new int[size()];
        for (int i = 0; i < classes.length; i++) {
            int best = 0;
            for (int j = 1; j < outputs(); j++) {
                if (scores[i * outputs() + j] > scores[i * outputs() + best]) {
                    best = j;
                }
            }
            classes[i] = best;
        }
        return classes;
    }

    /** Whether each score reaches the threshold ({@code score ≥ threshold} is positive). */
    static boolean[] atLeast(float[] scores, double threshold) {
        boolean[] positive = new boolean[scores.length];
        for (int i = 0; i < scores.length; i++) {
            positive[i] = scores[i] >= threshold;
        }
        return positive;
    }
}
