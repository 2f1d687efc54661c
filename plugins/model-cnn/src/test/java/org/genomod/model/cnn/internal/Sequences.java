package org.genomod.model.cnn.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;
import org.genomod.api.model.Batch;
import org.genomod.api.model.Model;

/** Labelled one-hot sequences for tests, with what a training loop and AUROC need. */
record Sequences(DatasetSchema schema, int size, float[] features, float[] labels) {
    static final String ALPHABET = "ACGT";

    /**
     * Random ACGT background; every second sequence carries {@code motif} at a random position.
     * Labels: 1 with the motif, 0 without.
     */
    static Sequences plantedMotif(int count, int length, String motif, long seed) {
        Random random = new Random(seed);
        DatasetSchema schema = new DatasetSchema(List.of(length, 4), "dna-one-hot", TaskType.BINARY, List.of("motif"), null);
        float[] features = new float[count * length * 4];
        float[] labels = new float[count];
        char[] sequence = new char[length];
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < length; j++) {
                sequence[j] = ALPHABET.charAt(random.nextInt(4));
            }
            if (i % 2 == 0) {
                motif.getChars(0, motif.length(), sequence, random.nextInt(length - motif.length() + 1));
                labels[i] = 1;
            }
            oneHot(new String(sequence), features, i * length * 4);
        }
        return new Sequences(schema, count, features, labels);
    }

    /** Writes A, C, G, T as one-hot rows; any other letter (N, ambiguity codes) as zeros. */
    static void oneHot(String sequence, float[] dest, int offset) {
        for (int j = 0; j < sequence.length(); j++) {
            int channel = ALPHABET.indexOf(Character.toUpperCase(sequence.charAt(j)));
            if (channel >= 0) {
                dest[offset + j * 4 + channel] = 1;
            }
        }
    }

    Sequences slice(int from, int to) {
        int f = schema.featureSize();
        int l = schema.labelSize();
        return new Sequences(schema, to - from, Arrays.copyOfRange(features, from * f, to * f),
                Arrays.copyOfRange(labels, from * l, to * l));
    }

    Batch all() {
        return new Batch(size, features, labels);
    }

    /** Mini-batch training in a seeded shuffled order, as the platform trainer does; returns the last epoch's mean loss. */
    double train(Model model, int epochs, int batchSize, long seed) {
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

    /** Area under the ROC curve: the chance that a positive scores above a negative, ties counting half. */
    static double auroc(float[] scores, float[] labels) {
        double wins = 0;
        long pairs = 0;
        for (int p = 0; p < scores.length; p++) {
            if (labels[p] != 1) {
                continue;
            }
            for (int n = 0; n < scores.length; n++) {
                if (labels[n] == 0) {
                    wins += scores[p] > scores[n] ? 1 : scores[p] == scores[n] ? 0.5 : 0;
                    pairs++;
                }
            }
        }
        return wins / pairs;
    }
}
