package org.genomod.eval.classification.internal;

/**
 * The fixed vectors of {@code src/test/python/sklearn_reference.py}, whose scikit-learn 1.2.1 output
 * the tests record. Keep both in step.
 */
final class ReferenceData {
    static final double TOLERANCE = 1e-9;

    /** Binary: imbalanced (5 of 14 positive), tied scores across classes, a score equal to 0.5, scores 0 and 1. */
    static final int[] BINARY_LABELS = {0, 0, 1, 0, 1, 1, 0, 0, 0, 1, 0, 0, 1, 0};
    static final float[] BINARY_SCORES = {0.1f, 0.4f, 0.35f, 0.8f, 0.8f, 0.9f, 0.4f, 0.2f, 0.65f, 0.5f, 0.0f, 0.8f, 1.0f, 0.35f};

    /** Three classes; row 6 ties classes 0 and 1 (argmax takes 0), rows sum to 1 only up to float rounding. */
    static final int[] MULTICLASS_LABELS = {0, 1, 2, 2, 1, 0, 2, 1, 0, 2};
    static final float[][] MULTICLASS_SCORES = {
        {0.7f, 0.2f, 0.1f}, {0.3f, 0.4f, 0.3f}, {0.2f, 0.2f, 0.6f}, {0.1f, 0.5f, 0.4f}, {0.25f, 0.5f, 0.25f},
        {0.4f, 0.4f, 0.2f}, {0.3f, 0.3f, 0.4f}, {0.6f, 0.3f, 0.1f}, {0.5f, 0.25f, 0.25f}, {0.0f, 0.0f, 1.0f}};
    static final int[] MULTICLASS_ARGMAX = {0, 1, 2, 1, 1, 0, 2, 0, 0, 2};

    /** Four classes: class 2 is predicted once but never true, class 3 is neither. */
    static final int[] SPARSE_LABELS = {0, 1, 1, 0, 1, 0};
    static final float[][] SPARSE_SCORES = {
        {0.5f, 0.3f, 0.1f, 0.1f}, {0.2f, 0.6f, 0.1f, 0.1f}, {0.2f, 0.3f, 0.4f, 0.1f},
        {0.3f, 0.3f, 0.3f, 0.1f}, {0.1f, 0.8f, 0.05f, 0.05f}, {0.6f, 0.1f, 0.2f, 0.1f}};
    static final int[] SPARSE_ARGMAX = {0, 1, 2, 0, 1, 0};

    /** Three labels, every one with both classes. */
    static final int[][] MULTILABEL_LABELS = {{1, 0, 1}, {0, 0, 1}, {1, 1, 0}, {0, 1, 1}, {1, 0, 0}, {0, 0, 1}, {1, 1, 1}, {0, 0, 0}};
    static final float[][] MULTILABEL_SCORES = {
        {0.9f, 0.2f, 0.6f}, {0.3f, 0.1f, 0.7f}, {0.6f, 0.8f, 0.4f}, {0.5f, 0.3f, 0.9f},
        {0.4f, 0.5f, 0.2f}, {0.2f, 0.2f, 0.5f}, {0.7f, 0.6f, 0.3f}, {0.1f, 0.4f, 0.6f}};

    /** Three labels: the second never true nor predicted, the third always true. */
    static final int[][] DEGENERATE_LABELS = {{1, 0, 1}, {0, 0, 1}, {1, 0, 1}, {0, 0, 1}};
    static final float[][] DEGENERATE_SCORES = {{0.8f, 0.1f, 0.9f}, {0.6f, 0.2f, 0.4f}, {0.3f, 0.3f, 0.7f}, {0.2f, 0.0f, 0.95f}};

    private ReferenceData() {
    }

    static boolean[] truth(int[] labels) {
        boolean[] truth = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            truth[i] = labels[i] == 1;
        }
        return truth;
    }

    static float[] flatten(float[][] rows) {
        float[] flat = new float[rows.length * rows[0].length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * rows[i].length, rows[i].length);
        }
        return flat;
    }

    static float[] column(float[][] rows, int j) {
        float[] column = new float[rows.length];
        for (int i = 0; i < rows.length; i++) {
            column[i] = rows[i][j];
        }
        return column;
    }

    static boolean[] isClass(int[] labels, int c) {
        boolean[] truth = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            truth[i] = labels[i] == c;
        }
        return truth;
    }
}
