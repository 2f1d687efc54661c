package org.genomod.api.data;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Plugin SPI: turns a biological sequence into {@code length × channels} feature values. Registered
 * with {@value #SERVICE_PROPERTY} naming the encoding (e.g. {@code dna-one-hot}).
 */
@ConsumerType
public interface SequenceEncoder {
    String SERVICE_PROPERTY = "genomod.encoder";

    /** Values per sequence position. */
    int channels();

    /**
     * Encodes {@code sequence} into {@code dest} starting at {@code offset}, position-major.
     *
     * @throws IllegalArgumentException naming the first character outside the alphabet and its position
     */
    void encode(CharSequence sequence, float[] dest, int offset);
}
