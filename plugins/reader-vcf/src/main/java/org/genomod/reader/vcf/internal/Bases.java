package org.genomod.reader.vcf.internal;

/**
 * Nucleotide codes as 4-bit masks over the one-hot channels A=1, C=2, G=4, T=8, the same channels and
 * the same treatment of IUPAC ambiguity codes as reader-fasta's {@code dna-one-hot} encoding (N gives
 * 0.25 to each base, R gives A and G 0.5 each), so windows from a VCF line up with sequences from a
 * FASTA file. Mask 0 marks padding beyond a contig end, and any character that is not a base.
 */
final class Bases {
    static final int CHANNELS = 4;
    private static final String CODES = "ACGTRYSWKMBDHVN";
    private static final int[] CODE_MASKS = {1, 2, 4, 8, 5, 10, 6, 9, 12, 3, 14, 13, 11, 7, 15};
    private static final byte[] MASKS = new byte[256];
    /** The channel values of every mask, so encoding a position is one array copy. */
    private static final float[][] ONE_HOT = new float[16][CHANNELS];

    static {
        for (int i = 0; i < CODES.length(); i++) {
            MASKS[CODES.charAt(i)] = (byte) CODE_MASKS[i];
            MASKS[Character.toLowerCase(CODES.charAt(i))] = (byte) CODE_MASKS[i];
        }
        for (int mask = 1; mask < 16; mask++) {
            float share = 1f / Integer.bitCount(mask);
            for (int channel = 0; channel < CHANNELS; channel++) {
                ONE_HOT[mask][channel] = (mask & 1 << channel) != 0 ? share : 0f;
            }
        }
    }

    private Bases() {
    }

    /** The mask of a base character, 0 when it is not a nucleotide code. */
    static int mask(byte base) {
        return MASKS[base & 0xff];
    }

    /**
     * Whether a reference base is consistent with the base a VCF REF allele states there: the reference
     * base must be one of those the REF code allows. REF N allows anything; a reference N agrees only
     * with REF N, so a variant placed in an unknown stretch of the reference is reported, as
     * {@code bcftools norm --check-ref} does.
     */
    static boolean agrees(int refAlleleMask, int referenceMask) {
        return referenceMask != 0 && (referenceMask & ~refAlleleMask) == 0;
    }

    /** Writes the four channel values of {@code mask} at {@code dest[at..at+4)}; mask 0 writes zeros. */
    static void oneHot(int mask, float[] dest, int at) {
        System.arraycopy(ONE_HOT[mask], 0, dest, at, CHANNELS);
    }

    /** The IUPAC code of a mask, for messages; '-' for padding. */
    static char code(int mask) {
        for (int i = 0; i < CODE_MASKS.length; i++) {
            if (CODE_MASKS[i] == mask) {
                return CODES.charAt(i);
            }
        }
        return '-';
    }
}
