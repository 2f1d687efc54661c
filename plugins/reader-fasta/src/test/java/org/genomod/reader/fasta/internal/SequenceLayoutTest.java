package org.genomod.reader.fasta.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class SequenceLayoutTest {
    private final OneHotEncoder encoder = new OneHotEncoder(Alphabet.DNA);

    private float[] layout(String sequence, int length, boolean reverseComplement) {
        float[] out = new float[length * 4];
        java.util.Arrays.fill(out, 9f); // stale values must be overwritten
        new SequenceLayout(encoder, length, reverseComplement).encode(sequence, out);
        return out;
    }

    private float[] plain(String sequence) {
        float[] out = new float[sequence.length() * 4];
        encoder.encode(sequence, out, 0);
        return out;
    }

    @Test
    void exactLengthIsEncodedAsIs() {
        assertArrayEquals(plain("ACGT"), layout("ACGT", 4, false));
    }

    @Test
    void longerRecordsAreCroppedToTheirCentre() {
        assertArrayEquals(plain("CG"), layout("ACGT", 2, false));
        assertArrayEquals(plain("AC"), layout("AACGT", 2, false)); // odd surplus: the extra base is cut at the end
    }

    @Test
    void shorterRecordsAreCentredBetweenZeroPositions() {
        float[] padded = layout("AC", 5, false);
        float[] expected = new float[20];
        System.arraycopy(plain("AC"), 0, expected, 4, 8); // one zero position before, two after
        assertArrayEquals(expected, padded);
    }

    @Test
    void reverseComplementIsTakenBeforeCropping() {
        // AAACGG reverse-complemented is CCGTTT, whose centre two bases are GT
        assertArrayEquals(plain("GT"), layout("AAACGG", 2, true));
        // odd surplus: reverse complement of ACGTA is TACGT, the first 2 after skipping 1 are AC
        assertArrayEquals(plain("AC"), layout("ACGTA", 2, true));
    }

    @Test
    void reverseComplementIsPaddedLikeTheForwardStrand() {
        float[] expected = new float[16];
        System.arraycopy(plain("GT"), 0, expected, 4, 8);
        assertArrayEquals(expected, layout("AC", 4, true));
    }
}
