package org.genomod.eval.regression.internal;

import java.util.List;
import org.genomod.api.eval.Predictions;

/**
 * The scored entries of each target, as label and prediction columns. An entry is scored when its label
 * is a number: NaN marks one that is not (a masked-imputation job labels only the values it hid), so
 * targets can keep different numbers of entries.
 */
final class ScoredTargets {
    private final List<String> names;
    private final float[][] truth;
    private final float[][] predicted;

    private ScoredTargets(List<String> names, float[][] truth, float[][] predicted) {
        this.names = names;
        this.truth = truth;
        this.predicted = predicted;
    }

    /** @throws IllegalArgumentException when there are no labels or examples, or naming the first non-finite value scored */
    static ScoredTargets from(Predictions predictions) {
        if (!predictions.labelled()) {
            throw new IllegalArgumentException("regression metrics need true labels, but these predictions carry none");
        }
        if (predictions.size() == 0) {
            throw new IllegalArgumentException("regression metrics need at least one example, got none");
        }
        List<String> names = predictions.schema().outputs();
        int[] counts = new int[names.size()];
        for (int i = 0; i < predictions.size(); i++) {
            for (int j = 0; j < counts.length; j++) {
                counts[j] += scored(predictions, i, j) ? 1 : 0;
            }
        }
        float[][] truth = new float[counts.length][];
        float[][] predicted = new float[counts.length][];
        for (int j = 0; j < counts.length; j++) {
            truth[j] = new float[counts[j]];
            predicted[j] = new float[counts[j]];
            int k = 0;
            for (int i = 0; i < predictions.size(); i++) {
                if (!Float.isNaN(predictions.label(i, j))) {
                    truth[j][k] = predictions.label(i, j);
                    predicted[j][k++] = predictions.score(i, j);
                }
            }
        }
        return new ScoredTargets(names, truth, predicted);
    }

    /** Whether the entry is scored, checking that a scored entry's label and prediction are finite. */
    private static boolean scored(Predictions predictions, int example, int target) {
        float label = predictions.label(example, target);
        if (Float.isNaN(label)) {
            return false;
        }
        if (Float.isInfinite(label)) {
            throw new IllegalArgumentException(where(predictions, example, target) + " has label " + label
                    + "; a regression label must be a finite number, or NaN for an entry that is not scored");
        }
        float score = predictions.score(example, target);
        if (!Float.isFinite(score)) {
            throw new IllegalArgumentException(where(predictions, example, target) + " is predicted " + score
                    + "; a scored entry needs a finite prediction (has training diverged?)");
        }
        return true;
    }

    private static String where(Predictions predictions, int example, int target) {
        return "example '" + predictions.ids().get(example) + "' (row " + (example + 1) + "), target '"
                + predictions.schema().outputs().get(target) + "',";
    }

    int targets() {
        return names.size();
    }

    String name(int target) {
        return names.get(target);
    }

    /** The number of scored entries over all targets. */
    int scored() {
        int n = 0;
        for (float[] column : truth) {
            n += column.length;
        }
        return n;
    }

    Agreement agreement(int target) {
        return Agreement.of(truth[target], predicted[target]);
    }

    /** Every scored entry of every target as one vector (the micro view). */
    Agreement pooled() {
        return Agreement.of(concatenate(truth), concatenate(predicted));
    }

    private float[] concatenate(float[][] columns) {
        float[] all = new float[scored()];
        int offset = 0;
        for (float[] column : columns) {
            System.arraycopy(column, 0, all, offset, column.length);
            offset += column.length;
        }
        return all;
    }
}
