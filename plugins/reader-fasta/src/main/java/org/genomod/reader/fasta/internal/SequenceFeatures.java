package org.genomod.reader.fasta.internal;

import java.util.List;
import java.util.Map;

/**
 * Turns one record's sequence into a fixed number of feature values: one of the reader's encodings.
 * Implementations are immutable and write only into the caller's array, so one instance may encode
 * for several threads at once.
 */
interface SequenceFeatures {

    /** The shape of one example, for {@link org.genomod.api.data.DatasetSchema#featureShape()}. */
    List<Integer> shape();

    /** The {@link org.genomod.api.data.DatasetSchema#encoding()} name. */
    String encoding();

    /** Schema attributes this encoding adds to the reader's own (alphabet, length, format, ...). */
    Map<String, Object> attributes();

    /** Whether every record must have one length (when no fixed length is given). */
    boolean needsCommonLength();

    default int featureSize() {
        return shape().stream().reduce(1, (a, b) -> a * b);
    }

    /**
     * Writes {@link #featureSize()} values into {@code dest} at {@code offset}, overwriting whatever was there.
     *
     * @param bases the record's ASCII codes, already checked against the alphabet
     */
    void encode(byte[] bases, float[] dest, int offset);

    default void encode(String sequence, float[] dest) {
        encode(OneHotEncoder.ascii(sequence), dest, 0);
    }
}
