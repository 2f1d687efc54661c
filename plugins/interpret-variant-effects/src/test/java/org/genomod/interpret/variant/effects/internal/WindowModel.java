package org.genomod.interpret.variant.effects.internal;

import java.util.List;
import java.util.Map;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;
import org.genomod.api.model.Batch;
import org.genomod.api.model.Model;
import org.genomod.testing.FixedModel;
import org.genomod.api.model.Model;

/**
 * A fixed, deterministic sequence model for the tests, computed straight from the one-hot window: output
 * {@code motif} is the sigmoid of the best match of a position weight matrix (TATA-like, both strands
 * not considered) over all placements, output {@code gc} the G+C share of the window's bases. The same
 * functions over plain strings ({@link #motif(String)}, {@link #gc(String)}) let tests check scores by hand.
 */
final class WindowModel extends FixedModel {
    /** Log-odds per motif position, channels A, C, G, T. */
    static final double[][] PWM = {
        {-1.0, -1.5, -1.5, 1.2},
        {1.2, -1.5, -1.0, -1.0},
        {-1.0, -1.5, -1.5, 1.2},
        {1.2, -1.0, -1.5, -0.5},
        {0.8, -1.0, -0.5, 0.3},
        {1.0, -1.0, -0.5, -0.2},
    };
    static final double OFFSET = -3.0;
    static final String BASES = "ACGT";

    private int calls;

    WindowModel(int length, TaskType task) {
        this(new DatasetSchema(List.of(length, 4), "dna-one-hot", task, List.of("motif", "gc"), Map.of("alphabet", "dna")));
    }

    WindowModel(DatasetSchema schema) {
        super(schema);
    }

    /** Model calls so far. */
    int calls() {
        return calls;
    }


    @Override
    public float[] predict(Batch batch) {
        calls++;
        int length = schema().featureShape().get(0);
        float[] x = batch.features();
        if (x.length != batch.size() * length * 4) {
            throw new IllegalArgumentException("features of " + x.length + " values for " + batch.size() + " windows");
        }
        float[] out = new float[batch.size() * 2];
        for (int e = 0; e < batch.size(); e++) {
            int base = e * length * 4;
            double best = Double.NEGATIVE_INFINITY;
            for (int start = 0; start + PWM.length <= length; start++) {
                double s = 0;
                for (int j = 0; j < PWM.length; j++) {
                    for (int c = 0; c < 4; c++) {
                        s += PWM[j][c] * x[base + (start + j) * 4 + c];
                    }
                }
                best = Math.max(best, s);
            }
            double gc = 0;
            for (int p = 0; p < length; p++) {
                gc += x[base + p * 4 + 1] + x[base + p * 4 + 2];
            }
            out[e * 2] = (float) sigmoid(best + OFFSET);
            out[e * 2 + 1] = (float) (gc / length);
        }
        return out;
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** Output {@code motif} of a window of plain A/C/G/T letters (no padding). */
    static double motif(String window) {
        double best = Double.NEGATIVE_INFINITY;
        String w = window.toUpperCase();
        for (int start = 0; start + PWM.length <= w.length(); start++) {
            double s = 0;
            for (int j = 0; j < PWM.length; j++) {
                s += PWM[j][BASES.indexOf(w.charAt(start + j))];
            }
            best = Math.max(best, s);
        }
        return sigmoid(best + OFFSET);
    }

    /** Output {@code gc} of a window of plain A/C/G/T letters. */
    static double gc(String window) {
        return window.toUpperCase().chars().filter(c -> c == 'G' || c == 'C').count() / (double) window.length();
    }






    @Override
    public long parameterCount() {
        return PWM.length * 4L;
    }

    @Override
    public String summary() {
        return "PWM scanner and GC share over " + schema().featureShape().get(0) + " bases";
    }

}
