package org.genomod.reader.fasta.internal;

import java.util.Locale;

/**
 * A nucleotide alphabet: the four bases in channel order and the IUPAC ambiguity codes, each stored
 * as a bit mask over the channels (A=1, C=2, G=4, T/U=8) so that ambiguity and complement are bit
 * arithmetic rather than lookup tables per code.
 */
public enum Alphabet {
    DNA('T'),
    RNA('U');

    static final int CHANNELS = 4;

    private final char fourthBase;
    private final byte[] masks = new byte[128];

    Alphabet(char fourthBase) {
        this.fourthBase = fourthBase;
        String bases = "ACG" + fourthBase;
        for (int i = 0; i < CHANNELS; i++) {
            define(bases.charAt(i), 1 << i);
        }
        for (int i = 0; i < Iupac.CODES.length(); i++) {
            define(Iupac.CODES.charAt(i), Iupac.MASKS[i]);
        }
    }

    private void define(char upper, int mask) {
        masks[upper] = (byte) mask;
        masks[Character.toLowerCase(upper)] = (byte) mask;
    }

    /** The channel mask of {@code c}, or 0 when {@code c} is not in this alphabet. */
    int mask(char c) {
        return c < 128 ? masks[c] : 0;
    }

    /** The mask of the complementary code: A and T/U swap, C and G swap. */
    static int complement(int mask) {
        return (mask & 0b0001) << 3 | (mask & 0b1000) >> 3 | (mask & 0b0010) << 1 | (mask & 0b0100) >> 1;
    }

    /** The lower-case name used in parameters and schema attributes ({@code dna}, {@code rna}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The {@link org.genomod.api.data.DatasetSchema#encoding()} of a one-hot encoding over this alphabet. */
    public String encoding() {
        return id() + "-one-hot";
    }

    /** The bases in channel order, e.g. {@code ACGT}. */
    public String bases() {
        return "ACG" + fourthBase;
    }

    /** The other alphabet, to hint at a likely mix-up of DNA and RNA in error messages. */
    Alphabet other() {
        return this == DNA ? RNA : DNA;
    }

    public static Alphabet of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }

    /** The ambiguity codes; a separate class because enum constructors cannot read the enum's own statics. */
    private static final class Iupac {
        static final String CODES = "RYSWKMBDHVN";
        static final int[] MASKS = {
            0b0101, // R = A|G
            0b1010, // Y = C|T
            0b0110, // S = C|G
            0b1001, // W = A|T
            0b1100, // K = G|T
            0b0011, // M = A|C
            0b1110, // B = C|G|T
            0b1101, // D = A|G|T
            0b1011, // H = A|C|T
            0b0111, // V = A|C|G
            0b1111, // N = any
        };
    }
}
