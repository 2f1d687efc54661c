package org.genomod.reader.intervals.internal;

/**
 * Label rows of a dataset. 0/1 labels are packed one bit each, since multi-task sets (hundreds of
 * tasks over millions of windows, DeepSEA-style) would otherwise need more memory for labels than
 * for sequence; regression targets are floats.
 */
final class LabelMatrix {
    private final int width;
    private final long[] bits;
    private final float[] values;

    private LabelMatrix(int width, long[] bits, float[] values) {
        this.width = width;
        this.bits = bits;
        this.values = values;
    }

    static LabelMatrix binary(int rows, int width) {
        return new LabelMatrix(width, new long[(int) (((long) rows * width + 63) >>> 6)], null);
    }

    static LabelMatrix real(int rows, int width) {
        if ((long) rows * width > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(rows + " × " + width + " regression targets do not fit one array");
        }
        return new LabelMatrix(width, null, new float[rows * width]);
    }

    /** Sets row {@code row} from {@code width} values; binary matrices take any non-zero value as 1. */
    void set(int row, float[] rowValues) {
        long at = (long) row * width;
        for (int t = 0; t < width; t++, at++) {
            if (bits != null) {
                if (rowValues[t] != 0f) {
                    bits[(int) (at >>> 6)] |= 1L << at;
                }
            } else {
                values[(int) at] = rowValues[t];
            }
        }
    }

    void copy(int row, float[] dest, int offset) {
        long at = (long) row * width;
        if (values != null) {
            System.arraycopy(values, (int) at, dest, offset, width);
            return;
        }
        for (int t = 0; t < width; t++, at++) {
            dest[offset + t] = (bits[(int) (at >>> 6)] >>> at & 1L) != 0 ? 1f : 0f;
        }
    }
}
