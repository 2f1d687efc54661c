package org.genomod.reader.fasta.internal;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.genomod.api.data.SequenceEncoder;

/**
 * One-hot encoding over an {@link Alphabet}, channels in the order of {@link Alphabet#bases()}. An
 * ambiguity code spreads one unit of probability evenly over the symbols it stands for (N gives 0.25
 * each, R gives A and G 0.5 each), so every position sums to 1 (a protein stop {@code *} to 0); upper
 * and lower case are the same.
 *
 * <p>Each position is one lookup in the alphabet's per-character table; the four-channel case is
 * written out because it is the hot path of every nucleotide model (hundreds of Mbp/s per core).
 */
public class OneHotEncoder implements SequenceEncoder {
    private final Alphabet alphabet;
    private final int channels;
    private final float[] values;
    /** Per character, where its values start in {@link #values}, or -1 when it is not in the alphabet. */
    private final int[] rows = new int[128];
    /** Per character, where its complement's values start, or -1 ({@code null} for proteins). */
    private final int[] complementRows;

    public OneHotEncoder(Alphabet alphabet) {
        this.alphabet = Objects.requireNonNull(alphabet, "alphabet");
        this.channels = alphabet.channels();
        this.values = alphabet.channelValues();
        this.complementRows = alphabet.complementable() ? new int[128] : null;
        for (char c = 0; c < 128; c++) {
            boolean accepted = alphabet.accepts(c);
            rows[c] = accepted ? alphabet.row(c) : -1;
            if (complementRows != null) {
                complementRows[c] = accepted ? alphabet.row(alphabet.complement(c)) : -1;
            }
        }
    }

    public Alphabet alphabet() {
        return alphabet;
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public void encode(CharSequence sequence, float[] dest, int offset) {
        byte[] bases = checkedBytes(sequence);
        encode(bases, 0, bases.length, dest, offset);
    }

    /**
     * Encodes the reverse complement of {@code sequence}: position {@code i} of the output holds the
     * complement of base {@code length - 1 - i}; ambiguity codes map to their complements (R to Y, D to H).
     *
     * @throws UnsupportedOperationException for an alphabet without complements (proteins)
     */
    public void encodeReverseComplement(CharSequence sequence, float[] dest, int offset) {
        byte[] bases = checkedBytes(sequence);
        encodeReverseComplement(bases, 0, bases.length, dest, offset);
    }

    /** Encodes {@code bases[from, to)} (ASCII codes) at {@code offset}: the hot path, one table lookup per base. */
    void encode(byte[] bases, int from, int to, float[] dest, int offset) {
        if (channels == 4) {
            for (int i = from, at = offset; i < to; i++, at += 4) {
                int row = row(rows, bases, i);
                dest[at] = values[row];
                dest[at + 1] = values[row + 1];
                dest[at + 2] = values[row + 2];
                dest[at + 3] = values[row + 3];
            }
        } else {
            for (int i = from, at = offset; i < to; i++, at += channels) {
                System.arraycopy(values, row(rows, bases, i), dest, at, channels);
            }
        }
    }

    /** Encodes the reverse complement of {@code bases[from, to)} at {@code offset}. */
    void encodeReverseComplement(byte[] bases, int from, int to, float[] dest, int offset) {
        if (complementRows == null) {
            throw new UnsupportedOperationException("the " + alphabet.id() + " alphabet has no complement");
        }
        for (int i = to - 1, at = offset; i >= from; i--, at += 4) {
            int row = row(complementRows, bases, i);
            dest[at] = values[row];
            dest[at + 1] = values[row + 1];
            dest[at + 2] = values[row + 2];
            dest[at + 3] = values[row + 3];
        }
    }

    /** The index of the first character outside the alphabet, or -1 when there is none. */
    public int firstInvalid(CharSequence sequence) {
        return alphabet.firstInvalid(sequence);
    }

    /**
     * Describes an invalid character for error messages, e.g. {@code invalid character 'U' at position
     * 12 (...)}.
     *
     * @param position 1-based position in the whole sequence
     */
    public String describeInvalid(char c, long position) {
        return alphabet.describeInvalid(c, position);
    }

    /** The row of the base at {@code index} in {@code table}; rejects a code outside the alphabet. */
    private int row(int[] table, byte[] bases, int index) {
        byte b = bases[index];
        int row = b >= 0 ? table[b] : -1;
        if (row < 0) {
            throw new IllegalArgumentException(describeInvalid((char) (b & 0xff), index + 1L));
        }
        return row;
    }

    /** The ASCII codes of {@code sequence}, after rejecting its first character outside the alphabet. */
    private byte[] checkedBytes(CharSequence sequence) {
        int bad = firstInvalid(sequence);
        if (bad >= 0) {
            throw new IllegalArgumentException(describeInvalid(sequence.charAt(bad), bad + 1L));
        }
        return ascii(sequence);
    }

    /** The ASCII codes of a sequence whose characters are all below 128. */
    static byte[] ascii(CharSequence sequence) {
        if (sequence instanceof String s) {
            return s.getBytes(StandardCharsets.ISO_8859_1);
        }
        byte[] bytes = new byte[sequence.length()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) sequence.charAt(i);
        }
        return bytes;
    }
}
