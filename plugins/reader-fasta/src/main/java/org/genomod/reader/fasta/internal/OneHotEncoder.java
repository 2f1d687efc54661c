package org.genomod.reader.fasta.internal;

import java.util.Objects;
import org.genomod.api.data.SequenceEncoder;

/**
 * One-hot encoding of nucleotides, four channels in the order of {@link Alphabet#bases()}. An IUPAC
 * ambiguity code spreads one unit of probability evenly over the bases it stands for (N gives 0.25
 * each, R gives A and G 0.5 each), so every position sums to 1; upper and lower case are the same.
 */
public class OneHotEncoder implements SequenceEncoder {
    private final Alphabet alphabet;
    /** Channel values per mask, precomputed once: encoding is then one array copy per position. */
    private final float[][] valuesByMask = new float[16][Alphabet.CHANNELS];

    public OneHotEncoder(Alphabet alphabet) {
        this.alphabet = Objects.requireNonNull(alphabet, "alphabet");
        for (int mask = 1; mask < 16; mask++) {
            float share = 1f / Integer.bitCount(mask);
            for (int channel = 0; channel < Alphabet.CHANNELS; channel++) {
                valuesByMask[mask][channel] = (mask & 1 << channel) != 0 ? share : 0f;
            }
        }
    }

    public Alphabet alphabet() {
        return alphabet;
    }

    @Override
    public int channels() {
        return Alphabet.CHANNELS;
    }

    @Override
    public void encode(CharSequence sequence, float[] dest, int offset) {
        int n = sequence.length();
        for (int i = 0; i < n; i++) {
            put(maskAt(sequence, i), dest, offset + i * Alphabet.CHANNELS);
        }
    }

    /**
     * Encodes the reverse complement of {@code sequence}: position {@code i} of the output holds the
     * complement of base {@code length - 1 - i}; ambiguity codes map to their complements (R to Y, D to H).
     */
    public void encodeReverseComplement(CharSequence sequence, float[] dest, int offset) {
        int n = sequence.length();
        for (int i = 0; i < n; i++) {
            put(Alphabet.complement(maskAt(sequence, n - 1 - i)), dest, offset + i * Alphabet.CHANNELS);
        }
    }

    /** The index of the first character outside the alphabet, or -1 when there is none. */
    public int firstInvalid(CharSequence sequence) {
        for (int i = 0, n = sequence.length(); i < n; i++) {
            if (alphabet.mask(sequence.charAt(i)) == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Describes an invalid character for error messages, e.g. {@code invalid character 'U' at position
     * 12 (...)}.
     *
     * @param position 1-based position in the whole sequence
     */
    public String describeInvalid(char c, long position) {
        String shown = c >= 0x21 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
        String hint = alphabet.other().mask(c) != 0 ? "; for " + alphabet.other().name() + " set alphabet: " + alphabet.other().id() : "";
        return "invalid character " + shown + " at position " + position + " (the " + alphabet.id()
                + " alphabet is " + String.join(", ", alphabet.bases().split("")) + " and the IUPAC codes "
                + "R, Y, S, W, K, M, B, D, H, V, N, either case" + hint + ")";
    }

    private int maskAt(CharSequence sequence, int index) {
        char c = sequence.charAt(index);
        int mask = alphabet.mask(c);
        if (mask == 0) {
            throw new IllegalArgumentException(describeInvalid(c, index + 1L));
        }
        return mask;
    }

    private void put(int mask, float[] dest, int at) {
        System.arraycopy(valuesByMask[mask], 0, dest, at, Alphabet.CHANNELS);
    }
}
