package org.genomod.interpret.ism.internal;

import java.util.List;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;
import org.genomod.api.model.Batch;
import org.genomod.testing.FixedModel;
import org.genomod.api.model.Batch;

/**
 * A binary classifier over one-hot windows whose log-odds are a plain function of the window, so that
 * every mutant's score is known exactly. Records the largest batch it was asked to predict.
 */
abstract class FakeModel extends FixedModel {
    final int window;
    int largestBatch;
    long predicted;

    FakeModel(int window, String encoding, TaskType task) {
        super(new DatasetSchema(List.of(window, 4), encoding, task, List.of("bound"), null));
        this.window = window;
    }

    /** Log-odds (or, for regression, the value) of the window at {@code offset}. */
    abstract double logOdds(float[] features, int offset);


    @Override
    public float[] predict(Batch batch) {
        int values = window * 4;
        if (batch.features().length != batch.size() * values) {
            throw new AssertionError("features of " + batch.features().length + " values for a batch of " + batch.size());
        }
        largestBatch = Math.max(largestBatch, batch.size());
        predicted += batch.size();
        float[] out = new float[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            double z = logOdds(batch.features(), i * values);
            out[i] = (float) (schema().task() == TaskType.REGRESSION ? z : 1 / (1 + Math.exp(-z)));
        }
        return out;
    }


    /** Log-odds = Σ over positions of a weight per (position, base): each substitution's effect is exact. */
    static final class Additive extends FakeModel {
        final double[][] weights;

        Additive(double[][] weights) {
            super(weights.length, "dna-one-hot", TaskType.BINARY);
            this.weights = weights;
        }

        @Override
        double logOdds(float[] f, int offset) {
            double z = 0;
            for (int p = 0; p < window; p++) {
                for (int c = 0; c < 4; c++) {
                    z += weights[p][c] * f[offset + p * 4 + c];
                }
            }
            return z;
        }
    }

    /** Log-odds = 4 × (number of bases of the best placement of {@code motif} that match) − 4·|motif| + 2. */
    static final class Scanner extends FakeModel {
        final String motif;

        Scanner(int window, String motif) {
            super(window, "dna-one-hot", TaskType.BINARY);
            this.motif = motif;
        }

        @Override
        double logOdds(float[] f, int offset) {
            int best = 0;
            for (int p = 0; p + motif.length() <= window; p++) {
                int matches = 0;
                for (int j = 0; j < motif.length(); j++) {
                    matches += f[offset + (p + j) * 4 + "ACGT".indexOf(motif.charAt(j))] == 1f ? 1 : 0;
                }
                best = Math.max(best, matches);
            }
            return 4.0 * best - 4.0 * motif.length() + 2;
        }
    }
}
