package org.genomod.core.internal.selection;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.genomod.api.data.Dataset;
import org.genomod.api.job.SplitSpec;
import org.genomod.core.internal.job.Splitter;

/**
 * Data a trial is fitted and scored on: training examples and the validation examples it is scored by.
 * Built from the training and validation splits only, so model selection cannot see the test split.
 *
 * @param number 1-based fold number; 0 when the validation split is the only fold
 */
public record Fold(int number, Dataset train, Dataset validation) {

    /**
     * The folds model selection scores each trial on: the validation split alone, or with {@code split.folds()}
     * k folds over the training and validation splits pooled (see {@link Splitter#folds}).
     *
     * @param prepare fits data transforms on a fold's training part and applies them to both parts
     */
    public static List<Fold> of(Dataset train, Dataset validation, SplitSpec split, long seed, UnaryOperator<Fold> prepare) {
        if (!split.crossValidated()) {
            return List.of(prepare.apply(new Fold(0, train, validation)));
        }
        Dataset pool = new ConcatenatedDataset(train, validation);
        List<int[]> parts = Splitter.folds(pool, split, seed);
        List<Fold> folds = new ArrayList<>();
        for (int f = 0; f < parts.size(); f++) {
            boolean[] held = new boolean[pool.size()];
            for (int i : parts.get(f)) {
                held[i] = true;
            }
            int[] rest = new int[pool.size() - parts.get(f).length];
            for (int i = 0, r = 0; i < pool.size(); i++) {
                if (!held[i]) {
                    rest[r++] = i;
                }
            }
            folds.add(prepare.apply(new Fold(f + 1, pool.select(rest), pool.select(parts.get(f)))));
        }
        return folds;
    }
}
