package org.genomod.eval.regression.internal;

import java.util.List;
import java.util.stream.IntStream;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;
import org.genomod.api.eval.Predictions;

/**
 * The fixed vectors of {@code src/test/python/sklearn_reference.py}, whose scikit-learn 1.2.1 / scipy 1.10.1
 * output the tests record. Keep both in step. Rows are examples, columns targets; NaN labels are not scored.
 */
final class ReferenceData {
    static final double TOLERANCE = 1e-9;
    private static final float NaN = Float.NaN;

    /** One target: ties in both vectors, negative values, values that are not binary fractions. */
    static final float[] SINGLE_LABELS = {2.5f, -0.5f, 2.0f, 7.0f, 4.25f, 2.0f, -1.75f, 3.1f, 2.0f, 0.0f, 5.5f, 3.1f};
    static final float[] SINGLE_SCORES = {3.0f, -0.3f, 2.0f, 8.2f, 4.0f, 1.5f, -1.0f, 3.0f, 2.6f, 0.1f, 5.0f, 3.0f};

    /** Three targets keeping 8, 10 and 7 of their 10 labels. */
    static final float[][] THREE_LABELS = {
        {1.2f, 10.0f, NaN}, {0.4f, 12.5f, -3.0f}, {NaN, 9.0f, -2.5f}, {2.2f, 11.0f, -1.0f}, {1.9f, 13.5f, NaN},
        {0.1f, 10.5f, -2.0f}, {NaN, 8.0f, -0.5f}, {3.0f, 14.0f, NaN}, {1.1f, 11.5f, -1.5f}, {2.6f, 12.0f, -2.75f}};
    static final float[][] THREE_SCORES = {
        {1.0f, 10.5f, 0.3f}, {0.7f, 12.0f, -2.5f}, {1.5f, 9.5f, -2.0f}, {2.0f, 10.0f, -1.5f}, {1.5f, 13.0f, 0.0f},
        {0.5f, 11.0f, -2.5f}, {1.2f, 8.5f, -1.0f}, {2.5f, 13.0f, 0.2f}, {1.2f, 11.0f, -1.0f}, {2.2f, 12.5f, -2.0f}};

    /** Five targets: 'a' misses 2 labels, 'b' is full, 'c' keeps 2, 'd' one, 'e' none. */
    static final float[][] SPARSE_LABELS = {
        {0.5f, 1.0f, NaN, NaN, NaN}, {NaN, 2.0f, 3.0f, NaN, NaN}, {1.5f, 3.0f, NaN, 4.0f, NaN},
        {2.5f, 4.0f, NaN, NaN, NaN}, {NaN, 5.0f, 1.0f, NaN, NaN}, {3.5f, 6.0f, NaN, NaN, NaN}};
    static final float[][] SPARSE_SCORES = {
        {0.7f, 1.5f, 9.0f, 9.0f, 9.0f}, {9.0f, 1.5f, 2.0f, 9.0f, 9.0f}, {1.0f, 3.5f, 9.0f, 3.0f, 9.0f},
        {2.0f, 3.5f, 9.0f, 9.0f, 9.0f}, {9.0f, 5.5f, 2.5f, 9.0f, 9.0f}, {4.0f, 6.5f, 9.0f, 9.0f, 9.0f}};

    /** 'flat' has equal labels, 'steady' equal predictions, 'ok' neither. */
    static final float[][] CONSTANT_LABELS = {{1.5f, 0.2f, 1.0f}, {1.5f, 0.4f, 2.0f}, {1.5f, 0.9f, 2.5f}, {1.5f, 0.3f, 4.0f}, {1.5f, 0.7f, 5.0f}};
    static final float[][] CONSTANT_SCORES = {{1.0f, 0.5f, 1.5f}, {2.0f, 0.5f, 2.0f}, {1.5f, 0.5f, 3.0f}, {1.25f, 0.5f, 3.5f}, {1.75f, 0.5f, 4.5f}};

    private ReferenceData() {
    }

    /** 40 values near 1e5 whose spread is a few float ulps (1/128), and predictions off by at most one ulp. */
    static float[][] offsetLabelsAndScores() {
        float[][] vectors = new float[2][40];
        for (int k = 0; k < 40; k++) {
            vectors[0][k] = (float) (100000.0 + 0.0078125 * ((k * 7) % 13));
            vectors[1][k] = (float) (100000.0 + 0.0078125 * ((k * 7) % 13 + (k % 3) - 1));
        }
        return vectors;
    }

    /** 1000 entries with 101 distinct labels and 17 distinct-ish prediction levels: heavy ties on both sides. */
    static float[][] tiedLabelsAndScores() {
        float[][] vectors = new float[2][1000];
        for (int i = 0; i < 1000; i++) {
            vectors[0][i] = (float) (((i * 37) % 101) / 10.0);
            vectors[1][i] = (float) (((i * 37) % 101) / 6 + ((i * 13) % 7) / 4.0);
        }
        return vectors;
    }

    static Predictions predictions(List<String> targets, float[][] labels, float[][] scores) {
        DatasetSchema schema = new DatasetSchema(List.of(3), "test", TaskType.REGRESSION, targets, null);
        List<String> ids = IntStream.range(0, scores.length).mapToObj(i -> "e" + (i + 1)).toList();
        return new Predictions(schema, ids, flatten(scores), labels == null ? null : flatten(labels));
    }

    static Predictions singleTarget(String target, float[] labels, float[] scores) {
        return predictions(List.of(target), column(labels), column(scores));
    }

    private static float[][] column(float[] values) {
        float[][] rows = new float[values.length][];
        for (int i = 0; i < values.length; i++) {
            rows[i] = new float[] {values[i]};
        }
        return rows;
    }

    private static float[] flatten(float[][] rows) {
        int width = rows.length == 0 ? 0 : rows[0].length;
        float[] flat = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * width, width);
        }
        return flat;
    }
}
