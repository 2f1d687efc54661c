package org.genomod.reader.intervals.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Merged regions, overlap queries and the label rule. */
class IntervalIndexTest {
    private final IntervalIndex index = IntervalIndex.builder()
            .add("chr1", 100, 200).add("chr1", 150, 260) // merge into [100, 260)
            .add("chr1", 500, 520)
            .add("chr1", 700, 700) // empty: ignored
            .add("chr2", 0, 10)
            .build();

    @Test
    void overlapNeedsOneSharedBase() {
        assertTrue(index.overlaps("chr1", 259, 300));
        assertFalse(index.overlaps("chr1", 260, 300));
        assertFalse(index.overlaps("chr1", 50, 100));
        assertTrue(index.overlaps("chr1", 50, 101));
        assertFalse(index.overlaps("chr1", 690, 710));
        assertFalse(index.overlaps("chrX", 0, 1000));
        assertTrue(index.overlaps("chr2", 9, 10));
    }

    @Test
    void mergedPeaksCoverTheBinTogether() {
        // two abutting 150-base peaks each cover half of the bin [100, 200); merged they cover all of it
        IntervalIndex halves = IntervalIndex.builder().add("chr1", 0, 150).add("chr1", 150, 300).build();
        assertTrue(halves.hits("chr1", 100, 200, 1.0));
        IntervalIndex apart = IntervalIndex.builder().add("chr1", 0, 150).add("chr1", 151, 300).build();
        assertFalse(apart.hits("chr1", 100, 200, 0.6));
        assertTrue(apart.hits("chr1", 100, 200, 0.5));
    }

    @Test
    void aLongPeakMustCoverTheShareOfTheBin() {
        // [100, 260) against the bin [200, 300): 60 of 100 bases
        assertTrue(index.hits("chr1", 200, 300, 0.6));
        assertFalse(index.hits("chr1", 200, 300, 0.61));
    }

    @Test
    void aPeakShorterThanTheBinCountsByItsOwnLength() {
        // [500, 520) is 20 bases: inside a 200-base bin it covers all of itself
        assertTrue(index.hits("chr1", 400, 600, 0.5));
        // only 9 of its 20 bases inside
        assertFalse(index.hits("chr1", 300, 509, 0.5));
        assertTrue(index.hits("chr1", 300, 510, 0.5));
    }

    @Test
    void zeroOverlapFractionMeansAnyOverlap() {
        assertTrue(index.hits("chr1", 259, 1000, 0));
        assertFalse(index.hits("chr1", 260, 500, 0));
    }
}
