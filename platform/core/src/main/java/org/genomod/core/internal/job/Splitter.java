package org.genomod.core.internal.job;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.Splits;
import org.genomod.api.data.TaskType;
import org.genomod.api.job.SplitSpec;

/** Reproducible train/validation/test splits: seeded and stratified by class, or by whole groups. */
public final class Splitter {
    private Splitter() {
    }

    public static Splits split(Dataset dataset, SplitSpec spec, long seed) {
        return spec.method().equals("groups") ? byGroups(dataset, spec) : random(dataset, spec.fractions(), seed);
    }

    static Splits random(Dataset dataset, List<Double> fractions, long seed) {
        TreeMap<Integer, List<Integer>> strata = strata(dataset);
        Random random = new Random(seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (List<Integer> members : strata.values()) {
            Collections.shuffle(members, random);
            int n = members.size();
            int nTrain = (int) Math.round(fractions.get(0) * n);
            int nValidation = Math.min(n - nTrain, (int) Math.round(fractions.get(1) * n));
            train.addAll(members.subList(0, nTrain));
            validation.addAll(members.subList(nTrain, nTrain + nValidation));
            test.addAll(members.subList(nTrain + nValidation, n));
        }
        return new Splits(dataset.select(sorted(train)), dataset.select(sorted(validation)), dataset.select(sorted(test)));
    }

    /** Examples by class for classification (so every part keeps the class balance), else one stratum. */
    private static TreeMap<Integer, List<Integer>> strata(Dataset dataset) {
        TreeMap<Integer, List<Integer>> strata = new TreeMap<>();
        TaskType task = dataset.schema().task();
        boolean stratify = dataset.labelled() && (task == TaskType.BINARY || task == TaskType.MULTICLASS);
        float[] label = new float[dataset.schema().labelSize()];
        for (int i = 0; i < dataset.size(); i++) {
            int stratum = 0;
            if (stratify) {
                dataset.labels(i, label, 0);
                stratum = task == TaskType.BINARY ? (label[0] >= 0.5f ? 1 : 0) : argmax(label);
            }
            strata.computeIfAbsent(stratum, s -> new ArrayList<>()).add(i);
        }
        return strata;
    }

    /**
     * The validation indices of each of {@code spec.folds()} cross-validation folds over {@code pool} (the
     * examples outside the test set); together they partition it. {@code random} splits deal each class's
     * shuffled examples round the folds in turn; {@code groups} splits keep each group in one fold, filling
     * the emptiest fold with the largest group left, so chromosomes never straddle training and validation.
     */
    public static List<int[]> folds(Dataset pool, SplitSpec spec, long seed) {
        int k = spec.folds();
        if (k < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + k);
        }
        List<List<Integer>> folds = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            folds.add(new ArrayList<>());
        }
        if (spec.method().equals("groups")) {
            TreeMap<String, List<Integer>> groups = new TreeMap<>();
            for (int i = 0; i < pool.size(); i++) {
                groups.computeIfAbsent(String.valueOf(pool.group(i)), g -> new ArrayList<>()).add(i);
            }
            if (groups.size() < k) {
                throw new IllegalArgumentException("data.split.folds is " + k + " but the examples outside the test set fall in "
                        + groups.size() + " group" + (groups.size() == 1 ? "" : "s") + " (" + String.join(", ", groups.keySet())
                        + "): each fold needs a whole group");
            }
            List<List<Integer>> bySize = new ArrayList<>(groups.values());
            bySize.sort((a, b) -> Integer.compare(b.size(), a.size())); // stable: equal sizes keep name order
            for (List<Integer> members : bySize) {
                List<Integer> emptiest = folds.get(0);
                for (List<Integer> fold : folds) {
                    if (fold.size() < emptiest.size()) {
                        emptiest = fold;
                    }
                }
                emptiest.addAll(members);
            }
        } else {
            if (pool.size() < k) {
                throw new IllegalArgumentException("data.split.folds is " + k + " but only " + pool.size()
                        + " examples lie outside the test set");
            }
            Random random = new Random(seed);
            int next = 0;
            for (List<Integer> members : strata(pool).values()) {
                Collections.shuffle(members, random);
                for (int i : members) {
                    folds.get(next).add(i);
                    next = (next + 1) % k; // continues across classes, so fold sizes differ by at most one
                }
            }
        }
        return folds.stream().map(Splitter::sorted).toList();
    }

    static Splits byGroups(Dataset dataset, SplitSpec spec) {
        Set<String> present = new TreeSet<>();
        for (int i = 0; i < dataset.size(); i++) {
            if (dataset.group(i) != null) {
                present.add(dataset.group(i));
            }
        }
        Set<String> wanted = new LinkedHashSet<>(spec.validationGroups());
        wanted.addAll(spec.testGroups());
        List<String> missing = wanted.stream().filter(g -> !present.contains(g)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("split groups " + missing + " do not occur in the data (groups present: "
                    + (present.isEmpty() ? "none: the reader assigns no groups" : String.join(", ", present)) + ")");
        }
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int i = 0; i < dataset.size(); i++) {
            String g = dataset.group(i);
            (spec.testGroups().contains(g) ? test : spec.validationGroups().contains(g) ? validation : train).add(i);
        }
        return new Splits(dataset.select(sorted(train)), dataset.select(sorted(validation)), dataset.select(sorted(test)));
    }

    private static int[] sorted(List<Integer> indices) {
        int[] a = indices.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(a);
        return a;
    }

    static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
