package org.genomod.reader.intervals.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** One-hot encoding, IUPAC spreading, padding and reverse complements of stored bases. */
class EncodingTest {
    private static final float T = 1f / 3;

    private static float[] encode(String bases) {
        float[] out = new float[bases.length() * 4];
        OneHot.encode(bases.getBytes(StandardCharsets.US_ASCII), out, 0);
        return out;
    }

    @Test
    void basesAreOneHotInChannelOrderACGT() {
        assertArrayEquals(new float[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1}, encode("ACGT"));
    }

    @Test
    void ambiguityCodesSpreadOneUnitLikeReaderFasta() {
        assertArrayEquals(new float[] {.25f, .25f, .25f, .25f}, encode("N"));
        assertArrayEquals(new float[] {.5f, 0, .5f, 0}, encode("R"));
        assertArrayEquals(new float[] {T, 0, T, T}, encode("D"));
        assertArrayEquals(new float[] {0, .5f, .5f, 0}, encode("S"));
    }

    @Test
    void fastPathForPlainBasesEqualsTheTable() {
        for (int seed = 0; seed < 20; seed++) {
            byte[] bases = Fixtures.random(333, seed).getBytes(StandardCharsets.US_ASCII);
            assertEquals(true, OneHot.onlyAcgt(bases));
            float[] fast = new float[bases.length * 4 + 8];
            float[] table = new float[bases.length * 4 + 8];
            java.util.Arrays.fill(fast, 7f);
            java.util.Arrays.fill(table, 7f);
            OneHot.encode(bases, true, fast, 4);
            OneHot.encode(bases, false, table, 4);
            assertArrayEquals(table, fast);
            assertEquals(7f, fast[3]);
            assertEquals(7f, fast[fast.length - 4]);
        }
        assertEquals(false, OneHot.onlyAcgt("ACGTN".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(false, OneHot.onlyAcgt(new byte[] {'A', Bases.PAD}));
        assertArrayEquals(new float[] {0, 0, 1, 0, .25f, .25f, .25f, .25f}, encode("GN"));
    }

    @Test
    void paddingEncodesAsZeros() {
        float[] out = new float[8];
        java.util.Arrays.fill(out, 9f);
        OneHot.encode(new byte[] {Bases.PAD, 'A'}, out, 0);
        assertArrayEquals(new float[] {0, 0, 0, 0, 1, 0, 0, 0}, out);
    }

    @Test
    void encodesAtAnOffsetAndChecksRoom() {
        float[] out = new float[10];
        OneHot.encode("G".getBytes(StandardCharsets.US_ASCII), out, 6);
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 0, 0, 0, 1, 0}, out);
        assertThrows(IndexOutOfBoundsException.class, () -> OneHot.encode(new byte[3], new float[11], 0));
    }

    @Test
    void referenceBytesAreUpperCasedAndCheckedForIupac() {
        assertEquals('A', Bases.UPPER['a']);
        assertEquals('N', Bases.UPPER['n']);
        assertEquals('R', Bases.UPPER['r']);
        assertEquals(0, Bases.UPPER['U']);
        assertEquals(0, Bases.UPPER['>']);
        assertEquals(0, Bases.UPPER['\n']);
    }

    @Test
    void reverseComplementMapsCodesToTheirComplements() {
        byte[] b = "ACGTRYKMSWBDHVN".getBytes(StandardCharsets.US_ASCII);
        Bases.reverseComplement(b, 0, b.length);
        assertEquals("NBDHVWSKMRYACGT", new String(b, StandardCharsets.US_ASCII));
        byte[] odd = {'A', Bases.PAD, 'C'};
        Bases.reverseComplement(odd, 0, 3);
        assertArrayEquals(new byte[] {'G', Bases.PAD, 'T'}, odd);
    }
}
