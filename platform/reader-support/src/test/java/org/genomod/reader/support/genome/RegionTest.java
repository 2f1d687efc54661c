package org.genomod.reader.support.genome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RegionTest {
    @Test
    void parsesTheThreeSamtoolsForms() {
        assertEquals(new Region("chr20", 1, Long.MAX_VALUE), Region.parse(" chr20 "));
        assertEquals(new Region("chr20", 10_000_000, Long.MAX_VALUE), Region.parse("chr20:10,000,000"));
        assertEquals(new Region("chr20", 10_000_000, Long.MAX_VALUE), Region.parse("chr20:10000000-"));
        assertEquals(new Region("chr20", 10_000_000, 10_050_000), Region.parse("chr20:10,000,000-10,050,000"));
        assertEquals(new Region("HLA-A*01:01", 5, 9), Region.parse("HLA-A*01:01:5-9"), "the last colon separates the range");
    }

    @Test
    void printsBackWhatItParses() {
        for (String text : new String[] {"chr20", "chr20:7", "chr20:7-9"}) {
            assertEquals(text, Region.parse(text).toString());
        }
    }

    @Test
    void badTextIsNamed() {
        assertEquals("region ' ' names no contig", assertThrows(IllegalArgumentException.class, () -> Region.parse(" ")).getMessage());
        assertEquals("region 'chr1:0-5' has '0' where a 1-based position belongs",
                assertThrows(IllegalArgumentException.class, () -> Region.parse("chr1:0-5")).getMessage());
        assertEquals("region 'chr1:x' has 'x' where a 1-based position belongs",
                assertThrows(IllegalArgumentException.class, () -> Region.parse("chr1:x")).getMessage());
        assertEquals("region 'chr1:9-5' is not contig, contig:start or contig:start-end with start <= end",
                assertThrows(IllegalArgumentException.class, () -> Region.parse("chr1:9-5")).getMessage());
        assertEquals("region ':5-9' is not contig, contig:start or contig:start-end with start <= end",
                assertThrows(IllegalArgumentException.class, () -> Region.parse(":5-9")).getMessage());
    }

    @Test
    void containsAndOverlapsAreInclusive() {
        Region r = Region.parse("chr1:10-20");
        assertTrue(r.contains("chr1", 10) && r.contains("chr1", 20));
        assertFalse(r.contains("chr1", 21) || r.contains("chr1", 9) || r.contains("chr2", 15));
        assertTrue(r.overlaps("chr1", 5, 10) && r.overlaps("chr1", 20, 30));
        assertFalse(r.overlaps("chr1", 21, 30) || r.overlaps("chr2", 1, 100));
        assertEquals(new Region("20", 10, 20), r.onContig("20"));
        assertEquals(20, r.queryEnd());
        assertEquals(Integer.MAX_VALUE, Region.parse("chr1:5").queryEnd());
    }
}
