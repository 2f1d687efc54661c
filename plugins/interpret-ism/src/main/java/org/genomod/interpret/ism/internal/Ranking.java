package org.genomod.interpret.ism.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.genomod.api.data.Dataset;

/**
 * Every sequence's predicted score before mutagenesis — the best of its windows' scores when it is
 * longer than the model's input — to choose the sequences to mutate and the ones to draw logos of.
 */
final class Ranking {
    private final double[] scores;

    private Ranking(double[] scores) {
        this.scores = scores;
    }

    static Ranking of(Dataset dataset, SequenceLayout layout, Tiling tiling, MutantBatchesFactory batches) throws IOException {
        double[] scores = new double[dataset.size()];
        Arrays.fill(scores, Double.NEGATIVE_INFINITY);
        MutantBatches queue = batches.create(new MutationSink() {
            @Override
            public void reference(int sequence, int start, double score) {
                scores[sequence] = Math.max(scores[sequence], score);
            }
        });
        float[] features = new float[layout.length() * SequenceLayout.CHANNELS];
        for (int i = 0; i < dataset.size(); i++) {
            dataset.features(i, features, 0);
            for (int w = 0; w < tiling.count(); w++) {
                queue.reference(i, features, tiling.start(w));
            }
        }
        queue.flush();
        return new Ranking(scores);
    }

    double score(int sequence) {
        return scores[sequence];
    }

    /** The {@code limit} highest-scoring sequences (all when there are no more), in dataset order. */
    int[] top(int limit) {
        if (limit >= scores.length) {
            return IntStream.range(0, scores.length).toArray();
        }
        return IntStream.of(byScore(IntStream.range(0, scores.length).toArray())).limit(limit).sorted().toArray();
    }

    /**
     * Of {@code candidates}, the {@code limit} highest-scoring positives — labelled true for {@code column}
     * (label ≥ 0.5), or any when {@code column} is -1 (no labels) — highest first.
     */
    int[] topPositives(int[] candidates, Dataset dataset, int column, int limit) {
        float[] labels = new float[dataset.schema().labelSize()];
        int[] positives = IntStream.of(candidates).filter(i -> {
            if (column < 0) {
                return true;
            }
            dataset.labels(i, labels, 0);
            return labels[column] >= 0.5f;
        }).toArray();
        return IntStream.of(byScore(positives)).limit(limit).toArray();
    }

    private int[] byScore(int[] indices) {
        return IntStream.of(indices).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> scores[i]).reversed().thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
    }

    /** Makes a batch queue that reports to a given sink. */
    @FunctionalInterface
    interface MutantBatchesFactory {
        MutantBatches create(MutationSink sink);
    }
}
