package org.genomod.reader.vcf.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Finds bytes in a line eight at a time: each 8-byte word is tested for the wanted byte with the
 * classic "has zero byte" arithmetic, so the long stretches between tabs and line ends cost a few
 * operations per word rather than a compare per byte.
 */
final class ByteScan {
    private static final VarHandle WORD = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private ByteScan() {
    }

    /** The first index of {@code c} in {@code b[from, to)}, or -1. */
    static int indexOf(byte[] b, int from, int to, byte c) {
        int i = from;
        if (to - from >= Long.BYTES) {
            long pattern = (c & 0xffL) * ONES;
            for (; i <= to - Long.BYTES; i += Long.BYTES) {
                long found = zeroBytes((long) WORD.get(b, i) ^ pattern);
                if (found != 0) {
                    return i + (Long.numberOfTrailingZeros(found) >>> 3);
                }
            }
        }
        for (; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** The first index of {@code c} or {@code d} in {@code b[from, to)}, or -1. */
    static int indexOfEither(byte[] b, int from, int to, byte c, byte d) {
        int i = from;
        if (to - from >= Long.BYTES) {
            long cs = (c & 0xffL) * ONES;
            long ds = (d & 0xffL) * ONES;
            for (; i <= to - Long.BYTES; i += Long.BYTES) {
                long word = (long) WORD.get(b, i);
                long found = zeroBytes(word ^ cs) | zeroBytes(word ^ ds);
                if (found != 0) {
                    // the lowest flag of each test is exact (a false flag only follows a true one), so is the lowest of both
                    return i + (Long.numberOfTrailingZeros(found) >>> 3);
                }
            }
        }
        for (; i < to; i++) {
            if (b[i] == c || b[i] == d) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code b[from, to)} holds exactly {@code bytes}. */
    static boolean equals(byte[] b, int from, int to, byte[] bytes) {
        return Arrays.equals(b, from, to, bytes, 0, bytes.length);
    }

    /** The high bit of each zero byte of {@code x} set, exact up to and including the lowest zero byte. */
    private static long zeroBytes(long x) {
        return (x - ONES) & ~x & HIGHS;
    }
}
