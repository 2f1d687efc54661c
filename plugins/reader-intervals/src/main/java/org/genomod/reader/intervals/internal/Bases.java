package org.genomod.reader.intervals.internal;

/**
 * Nucleotide codes as stored in windows: upper-case IUPAC letters, and {@link #PAD} for positions
 * outside the contig. The tables are immutable lookups indexed by the unsigned byte, so the hot
 * loops that use them have no per-base branches.
 */
final class Bases {
    /** A position beyond the contig end in a padded window; encodes as all zeros. */
    static final byte PAD = 0;
    static final String CODES = "ACGTRYSWKMBDHVN";
    /** The channel mask of each code, A=1, C=2, G=4, T=8, in the order of {@link #CODES}. */
    private static final int[] MASKS = {1, 2, 4, 8, 0b0101, 0b1010, 0b0110, 0b1001, 0b1100, 0b0011, 0b1110, 0b1101, 0b1011, 0b0111, 0b1111};

    /** Upper-case code of any IUPAC letter in either case; 0 for everything else. */
    static final byte[] UPPER = new byte[256];
    /** Complementary code (A-T, C-G, R-Y, K-M, B-V, D-H; S, W and N are their own); PAD stays PAD. */
    static final byte[] COMPLEMENT = new byte[256];
    /** Channel mask of each stored code; 0 for PAD. */
    static final byte[] MASK = new byte[256];
    /** 0 for A, C, G, T; 1 for every other byte. */
    static final byte[] NOT_ACGT = new byte[256];

    static {
        java.util.Arrays.fill(NOT_ACGT, (byte) 1);
        for (char c : "ACGT".toCharArray()) {
            NOT_ACGT[c] = 0;
        }
        for (int i = 0; i < CODES.length(); i++) {
            char c = CODES.charAt(i);
            UPPER[c] = (byte) c;
            UPPER[Character.toLowerCase(c)] = (byte) c;
            MASK[c] = (byte) MASKS[i];
        }
        for (int i = 0; i < CODES.length(); i++) {
            int m = MASKS[i];
            int complement = (m & 1) << 3 | (m & 8) >> 3 | (m & 2) << 1 | (m & 4) >> 1;
            for (int j = 0; j < CODES.length(); j++) {
                if (MASKS[j] == complement) {
                    COMPLEMENT[CODES.charAt(i)] = (byte) CODES.charAt(j);
                }
            }
        }
    }

    private Bases() {
    }

    /** Reverse-complements {@code bases[from, to)} in place. */
    static void reverseComplement(byte[] bases, int from, int to) {
        for (int i = from, j = to - 1; i <= j; i++, j--) {
            byte a = COMPLEMENT[bases[i] & 0xff];
            bases[i] = COMPLEMENT[bases[j] & 0xff];
            bases[j] = a;
        }
    }

    static boolean isAcgt(byte b) {
        return b == 'A' || b == 'C' || b == 'G' || b == 'T';
    }

    /** A byte for error messages: {@code 'x'} when printable, else its hex value. */
    static String describe(byte b) {
        int c = b & 0xff;
        return c >= 0x21 && c < 0x7f ? "'" + (char) c + "'" : String.format("byte 0x%02X", c);
    }
}
