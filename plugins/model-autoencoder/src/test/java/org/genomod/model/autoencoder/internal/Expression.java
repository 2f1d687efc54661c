package org.genomod.model.autoencoder.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.genomod.api.data.ArrayDataset;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;
import org.genomod.api.model.Batch;
import org.genomod.api.model.Model;

/**
 * Synthetic expression for the family's tests: low-rank matrices (a few hidden programmes drive every
 * gene) plus noise, as reconstruction datasets shaped as reader-expression makes them.
 */
final class Expression {
    final int samples;
    final int genes;
    /** {@code samples × genes}, every value. */
    final float[] truth;

    private Expression(int samples, int genes, float[] truth) {
        this.samples = samples;
        this.genes = genes;
        this.truth = truth;
    }

    /** Values = programmes × loadings + noise, each gene with its own level and spread. */
    static Expression lowRank(int samples, int genes, int rank, double noise, long seed) {
        Random random = new Random(seed);
        double[][] loadings = new double[rank][genes];
        for (double[] row : loadings) {
            for (int g = 0; g < genes; g++) {
                row[g] = random.nextGaussian();
            }
        }
        double[] level = new double[genes];
        double[] spread = new double[genes];
        for (int g = 0; g < genes; g++) {
            level[g] = 4 + 8 * random.nextDouble();
            spread[g] = 0.5 + random.nextDouble();
        }
        float[] truth = new float[samples * genes];
        for (int s = 0; s < samples; s++) {
            double[] programme = new double[rank];
            for (int r = 0; r < rank; r++) {
                programme[r] = random.nextGaussian();
            }
            for (int g = 0; g < genes; g++) {
                double v = 0;
                for (int r = 0; r < rank; r++) {
                    v += programme[r] * loadings[r][g];
                }
                truth[s * genes + g] = (float) (level[g] + spread[g] * (v / Math.sqrt(rank) + noise * random.nextGaussian()));
            }
        }
        return new Expression(samples, genes, truth);
    }

    static DatasetSchema schema(int genes, boolean observedChannel) {
        List<String> names = new ArrayList<>();
        for (int g = 0; g < genes; g++) {
            names.add("g" + g);
        }
        return new DatasetSchema(observedChannel ? List.of(genes, 2) : List.of(genes), "expression", TaskType.REGRESSION,
                names, Map.of("reconstruction", true));
    }

    /** Every value shown and scored. */
    Dataset complete() {
        return masked(0, 0);
    }

    /**
     * Hides each value with probability {@code fraction} (seeded): hidden values are NaN in the features and
     * the only labels, as reader-expression's mask_fraction makes them; without hiding, labels are the values.
     */
    Dataset masked(double fraction, long seed) {
        Random random = new Random(seed);
        ArrayDataset.Builder data = ArrayDataset.builder(schema(genes, false), true);
        for (int s = 0; s < samples; s++) {
            float[] features = Arrays.copyOfRange(truth, s * genes, (s + 1) * genes);
            float[] labels = features.clone();
            for (int g = 0; g < genes; g++) {
                boolean hidden = fraction > 0 && random.nextDouble() < fraction;
                if (hidden) {
                    features[g] = Float.NaN;
                } else if (fraction > 0) {
                    labels[g] = Float.NaN;
                }
            }
            data.add("s" + s, null, features, labels);
        }
        return data.build();
    }

    /** Examples {@code from .. to} of a dataset as one batch. */
    static Batch batch(Dataset data, int from, int to) {
        int f = data.schema().featureSize();
        int l = data.schema().labelSize();
        float[] features = new float[(to - from) * f];
        float[] labels = new float[(to - from) * l];
        List<String> ids = new ArrayList<>();
        for (int i = from; i < to; i++) {
            data.features(i, features, (i - from) * f);
            data.labels(i, labels, (i - from) * l);
            ids.add(data.id(i));
        }
        return new Batch(to - from, features, labels, ids, null);
    }

    static Batch all(Dataset data) {
        return batch(data, 0, data.size());
    }

    /** Mini-batch epochs in a fixed order; returns the last epoch's mean loss. */
    static double train(Model model, Dataset data, int epochs, int batchSize) {
        double last = Double.NaN;
        for (int epoch = 0; epoch < epochs; epoch++) {
            double sum = 0;
            for (int from = 0; from < data.size(); from += batchSize) {
                int to = Math.min(data.size(), from + batchSize);
                sum += model.fit(batch(data, from, to)) * (to - from);
            }
            last = sum / data.size();
        }
        return last;
    }

    /** Root mean squared difference over the entries where {@code truth} is not NaN. */
    static double rmse(float[] predicted, float[] truth) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < truth.length; i++) {
            if (!Float.isNaN(truth[i])) {
                double d = predicted[i] - truth[i];
                sum += d * d;
                n++;
            }
        }
        return Math.sqrt(sum / n);
    }
}
