package org.genomod.reader.alignments.internal;

/** Base codes shared by counting and encoding: A, C, G, T are 0-3, anything else is N (4). */
final class Bases {
    static final int A = 0;
    static final int C = 1;
    static final int G = 2;
    static final int T = 3;
    static final int N = 4;
    private static final byte[] LETTERS = {'A', 'C', 'G', 'T', 'N'};
    private static final byte[] CODES = new byte[256];

    static {
        java.util.Arrays.fill(CODES, (byte) N);
        CODES['A'] = A;
        CODES['a'] = A;
        CODES['C'] = C;
        CODES['c'] = C;
        CODES['G'] = G;
        CODES['g'] = G;
        CODES['T'] = T;
        CODES['t'] = T;
    }

    private Bases() {
    }

    static int code(byte base) {
        return CODES[base & 0xff];
    }

    static byte letter(int code) {
        return LETTERS[code];
    }

    static boolean isAcgt(byte base) {
        return CODES[base & 0xff] != N;
    }
}
