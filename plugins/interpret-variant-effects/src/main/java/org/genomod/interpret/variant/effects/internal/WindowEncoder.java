package org.genomod.interpret.variant.effects.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.genomod.api.data.SequenceEncoder;

/**
 * Encodes a window of bases with the platform's DNA one-hot encoder (the one reader-fasta trains
 * with), so scoring sees exactly what training saw: padding positions (byte 0, past a contig end) are
 * all-zero, and for a model trained on reverse complements the window is reverse-complemented first.
 */
final class WindowEncoder {
    /** IUPAC nucleotide codes and their complements, both cases. */
    private static final String CODES = "ACGTRYSWKMBDHVNacgtryswkmbdhvn";
    private static final String COMPLEMENTS = "TGCAYRSWMKVHDBNtgcayrswmkvhdbn";

    private final SequenceEncoder encoder;
    private final int length;
    private final boolean reverseComplement;
    private final byte[] flipped;

    WindowEncoder(SequenceEncoder encoder, int length, boolean reverseComplement) {
        this.encoder = encoder;
        this.length = length;
        this.reverseComplement = reverseComplement;
        this.flipped = new byte[length];
    }

    /**
     * Writes {@code length × 4} values at {@code offset}.
     *
     * @throws IllegalArgumentException naming the first base outside the alphabet and its window position
     */
    void encode(byte[] window, float[] dest, int offset) {
        byte[] bases = reverseComplement ? reverseComplement(window) : window;
        int first = 0;
        while (first < length && bases[first] == 0) {
            first++;
        }
        int end = length;
        while (end > first && bases[end - 1] == 0) {
            end--;
        }
        Arrays.fill(dest, offset, offset + length * ModelInput.CHANNELS, 0f);
        if (end > first) {
            encoder.encode(new String(bases, first, end - first, StandardCharsets.ISO_8859_1), dest, offset + first * ModelInput.CHANNELS);
        }
    }

    private byte[] reverseComplement(byte[] window) {
        for (int i = 0; i < length; i++) {
            byte b = window[length - 1 - i];
            int code = b == 0 ? -1 : CODES.indexOf(b);
            // padding stays padding; a character outside the codes is kept for the encoder to reject
            flipped[i] = code < 0 ? b : (byte) COMPLEMENTS.charAt(code);
        }
        return flipped;
    }
}
