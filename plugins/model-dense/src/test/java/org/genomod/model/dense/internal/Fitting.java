package org.genomod.model.dense.internal;

import java.util.Random;
import org.genomod.api.model.Batch;
import org.genomod.api.model.Model;
import org.genomod.api.model.ModelState;

/**
 * The platform trainer's loop, for tests without the platform: seeded shuffled mini-batches, and when there
 * is a validation part, the epoch with the lowest validation loss restored after {@code patience} epochs
 * without improvement.
 */
final class Fitting {
    private Fitting() {
    }

    /** Returns the epoch the model ends in (1-based). */
    static int fit(Model model, Examples train, Examples validation, int epochs, int batchSize, int patience, long seed) {
        Random random = new Random(seed);
        int[] order = new int[train.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        int f = train.schema().featureSize();
        int l = train.schema().labelSize();
        float[] x = new float[batchSize * f];
        float[] y = new float[batchSize * l];
        ModelState best = null;
        double bestLoss = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int start = 0; start < order.length; start += batchSize) {
                int n = Math.min(batchSize, order.length - start);
                for (int k = 0; k < n; k++) {
                    System.arraycopy(train.features(), order[start + k] * f, x, k * f, f);
                    System.arraycopy(train.labels(), order[start + k] * l, y, k * l, l);
                }
                model.fit(new Batch(n, x, y));
            }
            if (validation == null || validation.size() == 0) {
                bestEpoch = epoch;
                continue;
            }
            double loss = model.loss(validation.all());
            if (loss < bestLoss) {
                bestLoss = loss;
                bestEpoch = epoch;
                best = model.snapshot();
            } else if (epoch - bestEpoch >= patience) {
                break;
            }
        }
        if (best != null) {
            model.restore(best);
        }
        return bestEpoch;
    }
}
