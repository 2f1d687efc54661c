package org.genomod.core.internal.job;

import static org.genomod.core.internal.Fixtures.groups;
import static org.genomod.core.internal.Fixtures.positiveRate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.Splits;
import org.genomod.api.job.SplitSpec;
import org.genomod.core.internal.Fixtures;
import org.junit.jupiter.api.Test;

class SplitterTest {
    private final Dataset data = Fixtures.separable(1000, 3);

    @Test
    void randomSplitIsDisjointCompleteStratifiedAndReproducible() {
        Splits a = Splitter.split(data, SplitSpec.random(0.8, 0.1, 0.1), 42);
        Splits b = Splitter.split(data, SplitSpec.random(0.8, 0.1, 0.1), 42);
        Splits c = Splitter.split(data, SplitSpec.random(0.8, 0.1, 0.1), 43);
        Set<String> seen = new HashSet<>();
        for (Dataset part : List.of(a.train(), a.validation(), a.test())) {
            for (int i = 0; i < part.size(); i++) {
                assertTrue(seen.add(part.id(i)), "example in two splits: " + part.id(i));
            }
        }
        assertEquals(1000, seen.size());
        assertEquals(800, a.train().size(), 1);
        assertEquals(100, a.test().size(), 2);
        assertEquals(ids(a.test()), ids(b.test()));
        assertTrue(!ids(a.test()).equals(ids(c.test())), "another seed gives another split");
        assertEquals(positiveRate(data), positiveRate(a.test()), 0.02);
    }

    @Test
    void groupSplitHoldsOutWholeGroups() {
        Splits s = Splitter.split(data, new SplitSpec("groups", null, List.of("chr2"), List.of("chr3", "chr4")), 1);
        assertEquals(Set.of("chr1"), groups(s.train()));
        assertEquals(Set.of("chr2"), groups(s.validation()));
        assertEquals(Set.of("chr3", "chr4"), groups(s.test()));
    }

    @Test
    void unknownGroupIsNamedWithTheGroupsPresent() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Splitter.split(data, new SplitSpec("groups", null, List.of(), List.of("chr9")), 1));
        assertEquals("split groups [chr9] do not occur in the data (groups present: chr1, chr2, chr3, chr4)", e.getMessage());
    }

    private static List<String> ids(Dataset d) {
        return java.util.stream.IntStream.range(0, d.size()).mapToObj(d::id).toList();
    }
}
