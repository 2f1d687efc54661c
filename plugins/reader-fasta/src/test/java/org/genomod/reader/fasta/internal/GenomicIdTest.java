package org.genomod.reader.fasta.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class GenomicIdTest {

    @Test
    void coordinateNamesGiveTheirContig() {
        assertEquals("chr4", GenomicId.contigOf("chr4:126246986-126247186"));
        assertEquals("chr1", GenomicId.contigOf("chr1:100-200(+)"));
        assertEquals("HLA-A*01:01", GenomicId.contigOf("HLA-A*01:01:1-20"));
        assertEquals("chr1", GenomicId.contigOf("chr1,+,69315,69415"));
        assertEquals("chrX", GenomicId.contigOf("chrX,-,5,10"));
    }

    @Test
    void otherNamesHaveNoGroup() {
        assertNull(GenomicId.contigOf("ATRINS-DONOR-521"));
        assertNull(GenomicId.contigOf("seq_00002_peak"));
        assertNull(GenomicId.contigOf(":1-2"));
        assertNull(GenomicId.contigOf("chr1:100"));
        assertNull(GenomicId.contigOf("chr1:a-b"));
        assertNull(GenomicId.contigOf("a,b,c,d"));
        assertNull(GenomicId.contigOf("sp|P12345|KIN_HUMAN"));
    }
}
