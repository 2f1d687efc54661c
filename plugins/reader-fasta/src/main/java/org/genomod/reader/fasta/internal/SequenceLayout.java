package org.genomod.reader.fasta.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One-hot features of shape {@code [length, channels]}: fits a record of any length into {@code length}
 * positions; a longer record is cropped to its centre, a shorter one is centred between all-zero
 * positions (the extra position of an odd difference goes to the end). With {@code reverseComplement}
 * the whole record is reverse-complemented first.
 */
final class SequenceLayout implements SequenceFeatures {
    private final OneHotEncoder encoder;
    private final int length;
    private final boolean reverseComplement;

    SequenceLayout(OneHotEncoder encoder, int length, boolean reverseComplement) {
        this.encoder = encoder;
        this.length = length;
        this.reverseComplement = reverseComplement;
    }

    @Override
    public List<Integer> shape() {
        return List.of(length, encoder.channels());
    }

    @Override
    public String encoding() {
        return encoder.alphabet().encoding();
    }

    @Override
    public Map<String, Object> attributes() {
        return Map.of();
    }

    @Override
    public boolean needsCommonLength() {
        return true;
    }

    @Override
    public int featureSize() {
        return length * encoder.channels();
    }

    /** Writes {@link #featureSize()} values into {@code dest} at {@code offset}, position-major. */
    @Override
    public void encode(byte[] bases, float[] dest, int offset) {
        int n = bases.length;
        if (n >= length) {
            // Cropping [skip, skip + length) of the oriented record; for the reverse complement that
            // window comes from the mirrored stretch of the record as written.
            int skip = (n - length) / 2;
            if (reverseComplement) {
                encoder.encodeReverseComplement(bases, n - skip - length, n - skip, dest, offset);
            } else {
                encoder.encode(bases, skip, skip + length, dest, offset);
            }
        } else {
            int channels = encoder.channels();
            int start = offset + (length - n) / 2 * channels;
            Arrays.fill(dest, offset, start, 0f);
            Arrays.fill(dest, start + n * channels, offset + featureSize(), 0f);
            if (reverseComplement) {
                encoder.encodeReverseComplement(bases, 0, n, dest, start);
            } else {
                encoder.encode(bases, 0, n, dest, start);
            }
        }
    }
}
