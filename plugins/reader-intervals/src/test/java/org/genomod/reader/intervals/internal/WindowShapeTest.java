package org.genomod.reader.intervals.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Window placement: interval centre or summit, even and odd lengths, mirror image on the minus strand. */
class WindowShapeTest {

    private static IntervalRecord interval(int start, int end, char strand, int summit) {
        IntervalRecord r = new IntervalRecord();
        r.clear();
        r.contig = "chr1";
        r.start = start;
        r.end = end;
        r.strand = strand;
        r.summit = summit;
        return r;
    }

    @Test
    void oddWindowIsCentredOnTheMiddleBase() {
        WindowShape shape = new WindowShape(5, true, true);
        // [100, 111): middle base 105; window 103..107
        assertEquals(103, shape.start(interval(100, 111, '+', -1)));
        assertEquals(103, shape.start(interval(100, 111, '-', -1)));
    }

    @Test
    void evenIntervalOnEitherStrandGivesTheSameWindow() {
        WindowShape shape = new WindowShape(4, true, true);
        // [100, 110): reading-direction centre is base 105 on '+', base 104 on '-'
        assertEquals(103, shape.start(interval(100, 110, '+', -1)));
        assertEquals(103, shape.start(interval(100, 110, '-', -1)));
    }

    @Test
    void minusStrandIsMirroredOnlyWhenStrandAware() {
        WindowShape unaware = new WindowShape(4, true, false);
        assertEquals(false, unaware.minus(interval(100, 111, '-', -1)));
        assertEquals(103, unaware.start(interval(100, 111, '-', -1))); // centre 105, start 105 - 2
        WindowShape aware = new WindowShape(4, true, true);
        assertEquals(true, aware.minus(interval(100, 111, '-', -1)));
        assertEquals(104, aware.start(interval(100, 111, '-', -1))); // 105 at index 2 after reverse complement
    }

    @Test
    void summitCentresNarrowPeaksUnlessDisabled() {
        assertEquals(100 + 42 - 50, new WindowShape(100, true, false).start(interval(100, 300, '.', 42)));
        assertEquals(200 - 50, new WindowShape(100, false, false).start(interval(100, 300, '.', 42)));
        assertEquals(200 - 50, new WindowShape(100, true, false).start(interval(100, 300, '.', -1)));
    }

    @Test
    void windowsMayStartBeforeTheContig() {
        assertEquals(-495, new WindowShape(1000, true, false).start(interval(0, 10, '.', -1)));
    }

    @Test
    void centreBinFollowsReadingDirection() {
        WindowShape shape = new WindowShape(10, true, true);
        assertArrayEquals(new int[] {103, 107}, shape.centreBin(100, 4, false));
        assertArrayEquals(new int[] {103, 107}, shape.centreBin(100, 4, true));
        // odd bin in an even window: encoded indices 3..5 are genomic 106..104 on '-'
        assertArrayEquals(new int[] {103, 106}, shape.centreBin(100, 3, false));
        assertArrayEquals(new int[] {104, 107}, shape.centreBin(100, 3, true));
        assertArrayEquals(new int[] {100, 110}, shape.centreBin(100, 200, false));
    }
}
