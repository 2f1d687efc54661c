package org.genomod.reader.fasta.internal;

import java.util.Arrays;

/**
 * Fits a record of any length into {@code length} positions: a longer record is cropped to its centre,
 * a shorter one is centred between all-zero positions (the extra position of an odd difference goes
 * to the end). With {@code reverseComplement} the whole record is reverse-complemented first.
 */
final class SequenceLayout {
    private final OneHotEncoder encoder;
    private final int length;
    private final boolean reverseComplement;

    SequenceLayout(OneHotEncoder encoder, int length, boolean reverseComplement) {
        this.encoder = encoder;
        this.length = length;
        this.reverseComplement = reverseComplement;
    }

    int featureSize() {
        return length * encoder.channels();
    }

    /** Writes {@link #featureSize()} values into {@code dest}, position-major. */
    void encode(String sequence, float[] dest) {
        Arrays.fill(dest, 0, featureSize(), 0f);
        int n = sequence.length();
        if (n >= length) {
            // Cropping [skip, skip + length) of the oriented record; for the reverse complement that
            // window comes from the mirrored stretch of the record as written.
            int skip = (n - length) / 2;
            if (reverseComplement) {
                encoder.encodeReverseComplement(sequence.subSequence(n - skip - length, n - skip), dest, 0);
            } else {
                encoder.encode(sequence.subSequence(skip, skip + length), dest, 0);
            }
        } else {
            int offset = (length - n) / 2 * encoder.channels();
            if (reverseComplement) {
                encoder.encodeReverseComplement(sequence, dest, offset);
            } else {
                encoder.encode(sequence, dest, offset);
            }
        }
    }
}
