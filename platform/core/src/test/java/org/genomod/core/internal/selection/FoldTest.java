package org.genomod.core.internal.selection;

import static org.genomod.core.internal.Fixtures.groups;
import static org.genomod.core.internal.Fixtures.ids;
import static org.genomod.core.internal.Fixtures.positiveRate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.Splits;
import org.genomod.api.job.SplitSpec;
import org.genomod.core.internal.Fixtures;
import org.genomod.core.internal.job.Splitter;
import org.junit.jupiter.api.Test;

class FoldTest {
    private final Dataset data = Fixtures.separable(503, 5);

    @Test
    void randomFoldsPartitionTheNonTestExamplesStratifiedAndSeeded() {
        SplitSpec split = new SplitSpec("random", List.of(0.7, 0.15, 0.15), null, null, 5);
        Splits splits = Splitter.split(data, split, 42);
        List<Fold> folds = Fold.of(splits.train(), splits.validation(), split, 42, UnaryOperator.identity());
        assertEquals(5, folds.size());
        Set<String> test = ids(splits.test());
        Map<String, Integer> validatedTimes = new HashMap<>();
        for (Fold fold : folds) {
            assertEquals(splits.train().size() + splits.validation().size(), fold.train().size() + fold.validation().size());
            Set<String> train = ids(fold.train());
            for (String id : ids(fold.validation())) {
                validatedTimes.merge(id, 1, Integer::sum);
                assertTrue(!train.contains(id), "validated and trained on in one fold: " + id);
            }
            assertTrue(java.util.Collections.disjoint(test, train), "a test example in a fold");
            assertEquals(positiveRate(data), positiveRate(fold.validation()), 0.06);
        }
        Set<String> pool = ids(splits.train());
        pool.addAll(ids(splits.validation()));
        assertEquals(pool, validatedTimes.keySet(), "every non-test example is validated");
        assertTrue(validatedTimes.values().stream().allMatch(n -> n == 1), "each exactly once");
        int smallest = folds.stream().mapToInt(f -> f.validation().size()).min().orElseThrow();
        int largest = folds.stream().mapToInt(f -> f.validation().size()).max().orElseThrow();
        assertTrue(largest - smallest <= 1, smallest + ".." + largest);
        assertEquals(ids(folds.get(2).validation()),
                ids(Fold.of(splits.train(), splits.validation(), split, 42, UnaryOperator.identity()).get(2).validation()));
    }

    @Test
    void groupFoldsKeepEachGroupWhole() {
        Dataset grouped = Fixtures.separable(400, 6); // groups chr1..chr4
        SplitSpec split = new SplitSpec("groups", null, List.of("chr3"), List.of("chr4"), 3);
        Splits splits = Splitter.split(grouped, split, 1);
        List<Fold> folds = Fold.of(splits.train(), splits.validation(), split, 1, UnaryOperator.identity());
        assertEquals(3, folds.size());
        Set<String> validationGroups = new HashSet<>();
        for (Fold fold : folds) {
            Set<String> groups = groups(fold.validation());
            assertEquals(1, groups.size(), "one chromosome per fold: " + groups);
            assertTrue(java.util.Collections.disjoint(groups, groups(fold.train())));
            validationGroups.addAll(groups);
        }
        assertEquals(Set.of("chr1", "chr2", "chr3"), validationGroups);

        SplitSpec tooMany = new SplitSpec("groups", null, List.of("chr3"), List.of("chr4"), 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Fold.of(splits.train(), splits.validation(), tooMany, 1, UnaryOperator.identity()));
        assertEquals("data.split.folds is 4 but the examples outside the test set fall in 3 groups (chr1, chr2, chr3): "
                + "each fold needs a whole group", e.getMessage());
    }

    @Test
    void withoutFoldsTheValidationSplitIsTheOnlyFoldAndTransformsArePerFold() {
        Splits splits = Splitter.split(data, SplitSpec.random(0.8, 0.1, 0.1), 42);
        List<Fold> seen = new java.util.ArrayList<>();
        List<Fold> folds = Fold.of(splits.train(), splits.validation(), SplitSpec.random(0.8, 0.1, 0.1), 42, f -> {
            seen.add(f);
            return f;
        });
        assertEquals(1, folds.size());
        assertEquals(0, folds.get(0).number());
        assertEquals(ids(splits.validation()), ids(folds.get(0).validation()));
        assertEquals(1, seen.size());
    }
}
