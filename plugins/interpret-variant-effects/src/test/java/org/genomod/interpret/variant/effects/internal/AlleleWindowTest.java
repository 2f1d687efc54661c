package org.genomod.interpret.variant.effects.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.genomod.reader.support.genome.ReferenceSequence;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Windows written out by hand from {@link Fixtures#CHR1}; window length 11 (odd) and 10 (even). */
class AlleleWindowTest {
    @TempDir
    Path dir;
    private ReferenceSequence genome;

    @BeforeEach
    void open() throws IOException {
        genome = ReferenceSequence.open(Fixtures.reference(dir), ReferenceSequence.Option.BUILD_MISSING_INDEX);
    }

    @AfterEach
    void close() throws IOException {
        genome.close();
    }

    private String window(int length, long pos, String ref, String allele) throws IOException {
        byte[] out = new byte[length];
        new AlleleWindow(length).write(genome, "chr1", pos, ref.length(), allele.getBytes(StandardCharsets.US_ASCII), out);
        StringBuilder s = new StringBuilder();
        for (byte b : out) {
            s.append(b == 0 ? '_' : (char) b);
        }
        return s.toString();
    }

    @Test
    void snvSitsInTheMiddleWithTheSameFlanks() throws IOException {
        String ref = Fixtures.chr1(30, 30);
        assertEquals(Fixtures.chr1(25, 35), window(11, 30, ref, ref));
        assertEquals(Fixtures.chr1(25, 29) + "G" + Fixtures.chr1(31, 35), window(11, 30, ref, "G"));
        // even length: 4 bases before, 5 after (the extra base goes to the end, as reader-fasta centres a short record)
        assertEquals(Fixtures.chr1(26, 29) + "G" + Fixtures.chr1(31, 35), window(10, 30, ref, "G"));
    }

    @Test
    void deletionWindowIsRecentredOnTheAltAlleleAndFilledFromTheReference() throws IOException {
        String ref = Fixtures.chr1(30, 32);
        String alt = Fixtures.chr1(30, 30);
        assertEquals(Fixtures.chr1(26, 36), window(11, 30, ref, ref));
        assertEquals(Fixtures.chr1(25, 30) + Fixtures.chr1(33, 37), window(11, 30, ref, alt));
    }

    @Test
    void insertionWindowTakesFewerFlankingBases() throws IOException {
        String ref = Fixtures.chr1(30, 30);
        assertEquals(Fixtures.chr1(27, 29) + ref + "GGGG" + Fixtures.chr1(31, 33), window(11, 30, ref, ref + "GGGG"));
    }

    @Test
    void positionsPastTheContigEndsArePadding() throws IOException {
        assertEquals("____" + Fixtures.chr1(1, 1) + "C" + Fixtures.chr1(3, 7), window(11, 2, Fixtures.chr1(2, 2), "C"));
        assertEquals(Fixtures.chr1(74, 78) + "A" + Fixtures.chr1(80, 80) + "____", window(11, 79, Fixtures.chr1(79, 79), "A"));
    }

    @Test
    void alleleLongerThanTheWindowIsCutToItsMiddle() throws IOException {
        String allele = "AAACCCCCGGGGGTT"; // 15 bases, cut 2 at the start and 2 at the end
        assertEquals("ACCCCCGGGGG", window(11, 30, Fixtures.chr1(30, 30), allele));
    }

    @Test
    void encodingIsReaderFastaOneHotWithPaddingAllZero() {
        WindowEncoder encoder = new WindowEncoder(new org.genomod.reader.fasta.internal.DnaOneHotEncoderService(), 4, false);
        float[] out = new float[16];
        encoder.encode(new byte[] {0, 'a', 'N', 'T'}, out, 0);
        assertArrayEquals(new float[] {0, 0, 0, 0, 1, 0, 0, 0, .25f, .25f, .25f, .25f, 0, 0, 0, 1}, out);
        WindowEncoder reversed = new WindowEncoder(new org.genomod.reader.fasta.internal.DnaOneHotEncoderService(), 4, true);
        reversed.encode(new byte[] {0, 'a', 'R', 'G'}, out, 0);
        // reverse complement: C, Y (C|T), T, padding
        assertArrayEquals(new float[] {0, 1, 0, 0, 0, .5f, 0, .5f, 0, 0, 0, 1, 0, 0, 0, 0}, out);
    }
}
