package org.genomod.model.multimodal.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;
import org.genomod.api.model.Batch;
import org.genomod.api.model.Model;

/**
 * Synthetic joined examples as the platform makes them: a flat input of {@value #FLAT} covariates, then a
 * {@code [}{@value #LENGTH}{@code , 4]} one-hot DNA sequence, and two binary tasks: {@code risk} is
 * {@code x0 - x1 > 0} (covariates only), {@code motif} whether the sequence holds {@code ACGT}.
 */
final class Joined {
    static final int FLAT = 5;
    static final int LENGTH = 30;
    static final int SIZE = FLAT + LENGTH * 4;
    static final List<String> TASKS = List.of("risk", "motif");
    static final DatasetSchema SCHEMA = new DatasetSchema(List.of(SIZE), "joined", TaskType.MULTILABEL, TASKS,
            Map.of("inputs", List.of(
                    segment("covariates", List.of(FLAT), "expression", 0),
                    segment("sequence", List.of(LENGTH, 4), "dna-one-hot", FLAT))));

    private Joined() {
    }

    static Map<String, Object> segment(String name, List<Integer> shape, String encoding, int offset) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("reader", "test");
        s.put("shape", shape);
        s.put("encoding", encoding);
        s.put("offset", offset);
        s.put("size", shape.stream().reduce(1, (a, b) -> a * b));
        return s;
    }

    /** {@code count} labelled examples; half of the sequences hold the motif at a random position. */
    static Batch examples(int count, long seed) {
        Random random = new Random(seed);
        float[] x = new float[count * SIZE];
        float[] y = new float[count * 2];
        for (int i = 0; i < count; i++) {
            int base = i * SIZE;
            for (int j = 0; j < FLAT; j++) {
                x[base + j] = (float) random.nextGaussian();
            }
            y[i * 2] = x[base] - x[base + 1] > 0 ? 1 : 0;
            int[] sequence = new int[LENGTH];
            for (int p = 0; p < LENGTH; p++) {
                sequence[p] = random.nextInt(4);
            }
            boolean motif = random.nextBoolean();
            if (motif) {
                int at = random.nextInt(LENGTH - 4);
                for (int k = 0; k < 4; k++) {
                    sequence[at + k] = k; // A C G T
                }
            }
            for (int p = 0; p < LENGTH; p++) {
                x[base + FLAT + p * 4 + sequence[p]] = 1;
            }
            y[i * 2 + 1] = motif || holdsMotif(sequence) ? 1 : 0;
        }
        return new Batch(count, x, y);
    }

    private static boolean holdsMotif(int[] sequence) {
        for (int p = 0; p + 4 <= sequence.length; p++) {
            if (sequence[p] == 0 && sequence[p + 1] == 1 && sequence[p + 2] == 2 && sequence[p + 3] == 3) {
                return true;
            }
        }
        return false;
    }

    /** Seeded shuffled mini-batches, as the platform trainer runs them. */
    static void fit(Model model, Batch data, int epochs, int batchSize, long seed) {
        Random random = new Random(seed);
        int n = data.size();
        int f = data.features().length / n;
        int l = data.labels().length / n;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        for (int epoch = 1; epoch <= epochs; epoch++) {
            model.epochStarted(epoch);
            java.util.Collections.shuffle(order, random);
            for (int from = 0; from < n; from += batchSize) {
                int size = Math.min(batchSize, n - from);
                float[] x = new float[size * f];
                float[] y = new float[size * l];
                for (int k = 0; k < size; k++) {
                    System.arraycopy(data.features(), order.get(from + k) * f, x, k * f, f);
                    System.arraycopy(data.labels(), order.get(from + k) * l, y, k * l, l);
                }
                model.fit(new Batch(size, x, y));
            }
        }
    }

    /** The share of examples whose output {@code column} is on the right side of 0.5. */
    static double accuracy(float[] predictions, Batch data, int column, int columns) {
        int correct = 0;
        for (int i = 0; i < data.size(); i++) {
            correct += (predictions[i * columns + column] >= 0.5f) == (data.labels()[i * columns + column] >= 0.5f) ? 1 : 0;
        }
        return correct / (double) data.size();
    }
}
