package org.genomod.core.internal.train;

import java.util.Arrays;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.Network;
import org.genomod.api.eval.Predictions;
import org.genomod.api.model.Batch;
import org.genomod.api.model.Model;

/** Assembles mini-batches from a dataset into reused arrays, and runs a model over a whole dataset. */
public final class Batches {
    private final Dataset dataset;
    private final int featureSize;
    private final int labelSize;
    private final float[] features;
    private final float[] labels;
    private final int capacity;
    private final Network network;

    public Batches(Dataset dataset, int capacity) {
        this.dataset = dataset;
        this.capacity = capacity;
        this.featureSize = dataset.schema().featureSize();
        this.labelSize = dataset.schema().labelSize();
        this.features = new float[capacity * featureSize];
        this.labels = new float[capacity * labelSize];
        this.network = dataset.network().orElse(null);
    }

    /** The batch of examples {@code order[from .. from+count)}; arrays are reused by the next call. */
    public Batch batch(int[] order, int from, int count) {
        String[] ids = new String[count];
        for (int i = 0; i < count; i++) {
            int index = order == null ? from + i : order[from + i];
            dataset.features(index, features, i * featureSize);
            dataset.labels(index, labels, i * labelSize);
            ids[i] = dataset.id(index);
        }
        if (count == capacity) {
            return new Batch(count, features, dataset.labelled() ? labels : null, Arrays.asList(ids), network);
        }
        // a short last batch needs exactly-sized arrays: models read the whole array
        float[] f = Arrays.copyOf(features, count * featureSize);
        float[] l = Arrays.copyOf(labels, count * labelSize);
        return new Batch(count, f, dataset.labelled() ? l : null, Arrays.asList(ids), network);
    }

    /** Predicts every example in order. */
    public static Predictions predictAll(Model model, Dataset dataset, int batchSize) {
        int n = dataset.size();
        int k = dataset.schema().labelSize();
        float[] scores = new float[n * k];
        float[] truth = dataset.labelled() ? new float[n * k] : null;
        Batches batches = new Batches(dataset, Math.min(batchSize, Math.max(1, n)));
        for (int from = 0; from < n; from += batchSize) {
            int count = Math.min(batchSize, n - from);
            Batch batch = batches.batch(null, from, count);
            float[] out = model.predict(batch);
            System.arraycopy(out, 0, scores, from * k, count * k);
            if (truth != null) {
                System.arraycopy(batch.labels(), 0, truth, from * k, count * k);
            }
        }
        java.util.List<String> ids = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(dataset.id(i));
        }
        return new Predictions(dataset.schema(), ids, scores, truth);
    }

    /** Mean loss over a labelled dataset, weighting each batch by its size. */
    public static double meanLoss(Model model, Dataset dataset, int batchSize) {
        int n = dataset.size();
        Batches batches = new Batches(dataset, Math.min(batchSize, Math.max(1, n)));
        double total = 0;
        for (int from = 0; from < n; from += batchSize) {
            int count = Math.min(batchSize, n - from);
            total += model.loss(batches.batch(null, from, count)) * count;
        }
        return n == 0 ? Double.NaN : total / n;
    }
}
