package org.genomod.model.dense.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;
import org.genomod.api.model.Batch;

/**
 * Labelled examples in flat arrays, with the steps of a pipeline run the tests repeat: a seeded stratified
 * split, per-feature standardisation fitted on the training part only, and accuracy.
 */
record Examples(DatasetSchema schema, int size, float[] features, float[] labels) {

    static Examples of(Dataset dataset) {
        int f = dataset.schema().featureSize();
        int l = dataset.schema().labelSize();
        float[] features = new float[dataset.size() * f];
        float[] labels = new float[dataset.size() * l];
        for (int i = 0; i < dataset.size(); i++) {
            dataset.features(i, features, i * f);
            dataset.labels(i, labels, i * l);
        }
        return new Examples(dataset.schema(), dataset.size(), features, labels);
    }

    Examples select(int[] indices) {
        int f = schema.featureSize();
        int l = schema.labelSize();
        float[] x = new float[indices.length * f];
        float[] y = new float[indices.length * l];
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(features, indices[k] * f, x, k * f, f);
            System.arraycopy(labels, indices[k] * l, y, k * l, l);
        }
        return new Examples(schema, indices.length, x, y);
    }

    /** The example's class: the output over 0.5 for a binary task, the largest output otherwise. */
    int label(int i) {
        return classOf(labels, i);
    }

    private int classOf(float[] values, int i) {
        int l = schema.labelSize();
        if (schema.task() == TaskType.BINARY) {
            return values[i] >= 0.5f ? 1 : 0;
        }
        int best = 0;
        for (int c = 1; c < l; c++) {
            best = values[i * l + c] > values[i * l + best] ? c : best;
        }
        return best;
    }

    /** Indices of a seeded split, stratified by class as the platform's random split is: {train, validation}. */
    int[][] split(double validationFraction, long seed) {
        TreeMap<Integer, List<Integer>> strata = new TreeMap<>();
        for (int i = 0; i < size; i++) {
            strata.computeIfAbsent(label(i), c -> new ArrayList<>()).add(i);
        }
        Random random = new Random(seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        for (List<Integer> members : strata.values()) {
            Collections.shuffle(members, random);
            int held = (int) Math.round(validationFraction * members.size());
            validation.addAll(members.subList(0, held));
            train.addAll(members.subList(held, members.size()));
        }
        return new int[][] {sorted(train), sorted(validation)};
    }

    private static int[] sorted(List<Integer> indices) {
        int[] a = indices.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(a);
        return a;
    }

    /** These examples standardised per feature with the mean and sample deviation of {@code reference}. */
    Examples standardisedBy(Examples reference) {
        int f = schema.featureSize();
        double[] mean = new double[f];
        double[] squares = new double[f];
        for (int i = 0; i < reference.size; i++) {
            for (int j = 0; j < f; j++) {
                double v = reference.features[i * f + j];
                mean[j] += v;
                squares[j] += v * v;
            }
        }
        float[] x = features.clone();
        int n = reference.size;
        for (int j = 0; j < f; j++) {
            double m = mean[j] / n;
            double variance = n < 2 ? 0 : (squares[j] - n * m * m) / (n - 1);
            double scale = variance > 1e-12 ? 1 / Math.sqrt(variance) : 1;
            for (int i = 0; i < size; i++) {
                x[i * f + j] = (float) ((x[i * f + j] - m) * scale);
            }
        }
        return new Examples(schema, size, x, labels);
    }

    Batch all() {
        return new Batch(size, features, labels);
    }

    /** The share of examples whose predicted class is their label. */
    double accuracy(float[] predictions) {
        int correct = 0;
        for (int i = 0; i < size; i++) {
            correct += classOf(predictions, i) == label(i) ? 1 : 0;
        }
        return correct / (double) size;
    }
}
