package org.genomod.testing;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;
import org.genomod.api.model.Batch;
import org.genomod.api.model.Model;

/**
 * Labelled one-hot sequences for tests, centred between all-zero positions as reader-fasta pads them,
 * with what a training loop and AUROC need. Model-family tests share them.
 */
public record Sequences(DatasetSchema schema, int size, float[] features, float[] labels) {
    public static final String ALPHABET = "ACGT";

    /** Random ACGT sequences of {@code length} bases; every second one carries {@code motif} and is labelled 1. */
    public static Sequences plantedMotif(int count, int length, String motif, long seed) {
        return plantedMotif(count, length, length, length, motif, seed);
    }

    /**
     * Random ACGT sequences of {@code minLength} to {@code maxLength} bases, centred in {@code width}
     * positions; every second one carries {@code motif} at a random place and is labelled 1.
     */
    public static Sequences plantedMotif(int count, int minLength, int maxLength, int width, String motif, long seed) {
        Random random = new Random(seed);
        DatasetSchema schema = schema(width);
        float[] features = new float[count * width * 4];
        float[] labels = new float[count];
        for (int i = 0; i < count; i++) {
            char[] sequence = random(minLength + random.nextInt(maxLength - minLength + 1), random);
            if (i % 2 == 0) {
                motif.getChars(0, motif.length(), sequence, random.nextInt(sequence.length - motif.length() + 1));
                labels[i] = 1;
            }
            centre(new String(sequence), width, features, i * width * 4);
        }
        return new Sequences(schema, count, features, labels);
    }

    public static DatasetSchema schema(int width) {
        return new DatasetSchema(List.of(width, 4), "dna-one-hot", TaskType.BINARY, List.of("motif"), null);
    }

    public static char[] random(int length, Random random) {
        char[] sequence = new char[length];
        for (int j = 0; j < length; j++) {
            sequence[j] = ALPHABET.charAt(random.nextInt(4));
        }
        return sequence;
    }

    /** One-hot {@code sequence} centred in {@code width} positions, the odd zero position at the end (as reader-fasta). */
    public static void centre(String sequence, int width, float[] dest, int offset) {
        int left = (width - sequence.length()) / 2;
        oneHot(sequence, dest, offset + left * 4);
    }

    /** Writes A, C, G, T (U as T) as one-hot rows; N as 0.25 each. */
    public static void oneHot(String sequence, float[] dest, int offset) {
        for (int j = 0; j < sequence.length(); j++) {
            char base = Character.toUpperCase(sequence.charAt(j));
            int channel = ALPHABET.indexOf(base == 'U' ? 'T' : base);
            if (channel >= 0) {
                dest[offset + j * 4 + channel] = 1;
            } else {
                Arrays.fill(dest, offset + j * 4, offset + j * 4 + 4, 0.25f);
            }
        }
    }

    public Sequences slice(int from, int to) {
        int f = schema.featureSize();
        int l = schema.labelSize();
        return new Sequences(schema, to - from, Arrays.copyOfRange(features, from * f, to * f),
                Arrays.copyOfRange(labels, from * l, to * l));
    }

    public Batch all() {
        return new Batch(size, features, labels);
    }

    /** Predictions in batches of {@code batchSize}, as the platform predicts. */
    public float[] predict(Model model, int batchSize) {
        int f = schema.featureSize();
        int l = schema.labelSize();
        float[] out = new float[size * l];
        for (int start = 0; start < size; start += batchSize) {
            int n = Math.min(batchSize, size - start);
            float[] p = model.predict(new Batch(n, Arrays.copyOfRange(features, start * f, (start + n) * f), null));
            System.arraycopy(p, 0, out, start * l, n * l);
        }
        return out;
    }

    /** Mini-batch training in a seeded shuffled order, as the platform trainer does; returns the last epoch's mean loss. */
    public double train(Model model, int epochs, int batchSize, long seed) {
        Random random = new Random(seed);
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        int f = schema.featureSize();
        int l = schema.labelSize();
        float[] batchFeatures = new float[batchSize * f];
        float[] batchLabels = new float[batchSize * l];
        double loss = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int i = size - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            loss = 0;
            int batches = 0;
            for (int start = 0; start < size; start += batchSize) {
                int n = Math.min(batchSize, size - start);
                for (int k = 0; k < n; k++) {
                    System.arraycopy(features, order[start + k] * f, batchFeatures, k * f, f);
                    System.arraycopy(labels, order[start + k] * l, batchLabels, k * l, l);
                }
                loss += model.fit(new Batch(n, batchFeatures, batchLabels));
                batches++;
            }
            loss /= batches;
        }
        return loss;
    }

    /** Area under the ROC curve by ranks (Mann-Whitney), ties counting half. */
    public static double auroc(float[] scores, float[] labels) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Float.compare(scores[a], scores[b]));
        double rankSum = 0;
        long positives = 0;
        for (int i = 0; i < order.length; ) {
            int j = i;
            while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1; // mean rank of the tie group
            for (int k = i; k <= j; k++) {
                if (labels[order[k]] == 1) {
                    rankSum += rank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = scores.length - positives;
        return (rankSum - positives * (positives + 1) / 2.0) / (positives * (double) negatives);
    }
}
