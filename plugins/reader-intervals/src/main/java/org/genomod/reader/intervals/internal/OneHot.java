package org.genomod.reader.intervals.internal;

/**
 * One-hot encoding of stored window bases into {@code [length, 4]} floats, channels A, C, G, T, the
 * same encoding as the {@code dna-one-hot} encoder of reader-fasta: an ambiguity code spreads one unit
 * evenly over the bases it stands for (N gives 0.25 each), {@link Bases#PAD} gives zeros.
 *
 * <p>This is the hot path of training input, so there are no branches on the base and no allocation:
 * a window known to hold only A, C, G and T is zero-filled (a vectorised fill) and gets one store per
 * base at its channel; any other window takes one table lookup and four stores per base.
 */
final class OneHot {
    static final int CHANNELS = 4;
    /** Four channel values per byte value, flattened. */
    private static final float[] TABLE = new float[256 * CHANNELS];
    /** The channel of A, C, G, T; 0 for every other byte (only used on windows of A, C, G, T). */
    private static final byte[] CHANNEL = new byte[256];

    static {
        CHANNEL['C'] = 1;
        CHANNEL['G'] = 2;
        CHANNEL['T'] = 3;
        for (int b = 0; b < 256; b++) {
            int mask = Bases.MASK[b];
            if (mask == 0) {
                continue;
            }
            float share = 1f / Integer.bitCount(mask);
            for (int channel = 0; channel < CHANNELS; channel++) {
                TABLE[b * CHANNELS + channel] = (mask & 1 << channel) != 0 ? share : 0f;
            }
        }
    }

    private OneHot() {
    }

    /** Whether every byte is A, C, G or T, so that {@link #encode(byte[], boolean, float[], int)} may take the fast path. */
    static boolean onlyAcgt(byte[] bases) {
        byte[] notAcgt = Bases.NOT_ACGT;
        int other = 0;
        for (byte b : bases) {
            other |= notAcgt[b & 0xff];
        }
        return other == 0;
    }

    /** Encodes all of {@code bases} into {@code dest} from {@code offset}, position-major. */
    static void encode(byte[] bases, float[] dest, int offset) {
        encode(bases, onlyAcgt(bases), dest, offset);
    }

    /** @param acgt what {@link #onlyAcgt(byte[])} says of {@code bases} */
    static void encode(byte[] bases, boolean acgt, float[] dest, int offset) {
        int n = bases.length;
        if (offset < 0 || offset + n * CHANNELS > dest.length) {
            throw new IndexOutOfBoundsException("cannot encode " + n + " bases at " + offset + " into " + dest.length + " values");
        }
        if (acgt) {
            byte[] channel = CHANNEL;
            java.util.Arrays.fill(dest, offset, offset + n * CHANNELS, 0f);
            for (int i = 0, o = offset; i < n; i++, o += CHANNELS) {
                dest[o + channel[bases[i] & 0xff]] = 1f;
            }
            return;
        }
        float[] table = TABLE;
        for (int i = 0, o = offset; i < n; i++, o += CHANNELS) {
            int t = (bases[i] & 0xff) << 2;
            dest[o] = table[t];
            dest[o + 1] = table[t + 1];
            dest[o + 2] = table[t + 2];
            dest[o + 3] = table[t + 3];
        }
    }
}
