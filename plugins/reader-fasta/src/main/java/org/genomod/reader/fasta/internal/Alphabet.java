package org.genomod.reader.fasta.internal;

import java.util.Arrays;
import java.util.Locale;

/**
 * A sequence alphabet: its symbols in channel order, and for every character it accepts the share of
 * one unit of probability each channel gets. Everything is precomputed into tables indexed by the
 * character, so encoding and validation are one array access per position. Upper and lower case are
 * the same.
 *
 * <p>Nucleotides: the four bases and the IUPAC ambiguity codes, an ambiguity code spreading its unit
 * evenly over the bases it stands for. Proteins: the 20 standard amino acids; X spreads over all 20, B
 * over D and N, Z over E and Q, J over I and L; selenocysteine U is read as C and pyrrolysine O as K
 * (their closest standard residues); {@code *} (a stop) is a position with no residue, all zero.
 */
public enum Alphabet {
    DNA(Tables.nucleotides("dna", 'T')),
    RNA(Tables.nucleotides("rna", 'U')),
    PROTEIN(Tables.protein());

    private static final int ASCII = 128;
    private final Tables tables;

    Alphabet(Tables tables) {
        this.tables = tables;
    }

    /** The lower-case name used in parameters and schema attributes ({@code dna}, {@code rna}, {@code protein}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The {@link org.genomod.api.data.DatasetSchema#encoding()} of a one-hot encoding over this alphabet. */
    public String encoding() {
        return id() + "-one-hot";
    }

    /** The symbols in channel order, e.g. {@code ACGT}. */
    public String bases() {
        return tables.symbols;
    }

    /** Values per position: 4 for nucleotides, 20 for proteins. */
    public int channels() {
        return tables.symbols.length();
    }

    /** Whether sequences have a reverse complement (nucleotides). */
    public boolean complementable() {
        return tables.complements != null;
    }

    /** Whether {@code c} is a symbol, an ambiguity code or (proteins) a stop of this alphabet. */
    boolean accepts(char c) {
        return c < ASCII && tables.accepted[c];
    }

    /** The channel values of every accepted character, each at its {@link #row(char)}. */
    float[] channelValues() {
        return tables.values;
    }

    /** Where the {@link #channels()} values of an accepted {@code c} start in {@link #channelValues()}. */
    int row(char c) {
        return c * channels();
    }

    /**
     * The channel of {@code c} when it stands for exactly one symbol (U and O count as C and K), or -1
     * for an ambiguity code, a stop or a character outside the alphabet: k-mers are counted over these.
     */
    int symbolIndex(char c) {
        return c < ASCII ? tables.symbolIndex[c] : -1;
    }

    /** The complement of an accepted nucleotide code, keeping its case (R to Y, n to n). */
    char complement(char c) {
        return tables.complements[c];
    }

    /** The index of the first character outside the alphabet, or -1 when there is none. */
    int firstInvalid(CharSequence sequence) {
        if (sequence instanceof String s) {
            return firstInvalid(s);
        }
        boolean[] accepted = tables.accepted;
        for (int i = 0, n = sequence.length(); i < n; i++) {
            char c = sequence.charAt(i);
            if (c >= ASCII || !accepted[c]) {
                return i;
            }
        }
        return -1;
    }

    /** As {@link #firstInvalid(CharSequence)}, monomorphic for the reader's hot path. */
    private int firstInvalid(String sequence) {
        boolean[] accepted = tables.accepted;
        for (int i = 0, n = sequence.length(); i < n; i++) {
            char c = sequence.charAt(i);
            if (c >= ASCII || !accepted[c]) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Describes an invalid character for error messages, e.g. {@code invalid character 'U' at position
     * 12 (...; for RNA set alphabet: rna)}.
     *
     * @param position 1-based position in the whole sequence
     */
    String describeInvalid(char c, long position) {
        String shown = c >= 0x21 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
        return "invalid character " + shown + " at position " + position + " (" + tables.description + hint(c) + ")";
    }

    /**
     * Points at the alphabet a rejected character belongs to, for the likely mix-ups: T in RNA, U in
     * DNA, amino acids in either. The protein alphabet includes every nucleotide code, so it needs none.
     */
    private String hint(char c) {
        Alphabet otherNucleotides = this == DNA ? RNA : DNA;
        if (this == PROTEIN) {
            return "";
        }
        if (otherNucleotides.accepts(c)) {
            return "; for " + otherNucleotides.name() + " set alphabet: " + otherNucleotides.id();
        }
        return PROTEIN.accepts(c) ? "; for amino acids set alphabet: protein" : "";
    }

    public static Alphabet of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }

    /** The per-character tables; a separate class because enum constructors cannot read the enum's own statics. */
    private static final class Tables {
        /** IUPAC nucleotide codes and their bases as bits over the channels (A=1, C=2, G=4, T/U=8). */
        private static final String IUPAC_CODES = "RYSWKMBDHVN";
        private static final int[] IUPAC_MASKS = {
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
        private static final String AMINO_ACIDS = "ACDEFGHIKLMNPQRSTVWY";

        final String symbols;
        final String description;
        final boolean[] accepted = new boolean[ASCII];
        final float[] values;
        final byte[] symbolIndex = new byte[ASCII];
        final char[] complements;

        private Tables(String symbols, String description, boolean complementable) {
            this.symbols = symbols;
            this.description = description;
            this.values = new float[ASCII * symbols.length()];
            this.complements = complementable ? new char[ASCII] : null;
            Arrays.fill(symbolIndex, (byte) -1);
        }

        static Tables nucleotides(String id, char fourthBase) {
            String bases = "ACG" + fourthBase;
            Tables t = new Tables(bases, "the " + id + " alphabet is " + String.join(", ", bases.split(""))
                    + " and the IUPAC codes R, Y, S, W, K, M, B, D, H, V, N, either case", true);
            String codes = bases + IUPAC_CODES;
            char[] codeByMask = new char[16];
            for (int i = 0; i < codes.length(); i++) {
                int mask = i < 4 ? 1 << i : IUPAC_MASKS[i - 4];
                codeByMask[mask] = codes.charAt(i);
                int[] channels = new int[Integer.bitCount(mask)];
                for (int channel = 0, k = 0; channel < 4; channel++) {
                    if ((mask & 1 << channel) != 0) {
                        channels[k++] = channel;
                    }
                }
                t.define(codes.charAt(i), i < 4 ? i : -1, channels);
            }
            // Complement by swapping the bits of A and T, and of C and G: R (A|G) becomes Y (C|T).
            for (int i = 0; i < codes.length(); i++) {
                char code = codes.charAt(i);
                int mask = i < 4 ? 1 << i : IUPAC_MASKS[i - 4];
                int complement = (mask & 0b0001) << 3 | (mask & 0b1000) >> 3 | (mask & 0b0010) << 1 | (mask & 0b0100) >> 1;
                t.complements[code] = codeByMask[complement];
                t.complements[Character.toLowerCase(code)] = Character.toLowerCase(codeByMask[complement]);
            }
            return t;
        }

        static Tables protein() {
            Tables t = new Tables(AMINO_ACIDS, "the protein alphabet is the 20 amino acids "
                    + String.join(", ", AMINO_ACIDS.split("")) + ", the ambiguity codes B, Z, J, X, "
                    + "U read as C, O read as K and * for a stop, either case", false);
            for (int i = 0; i < AMINO_ACIDS.length(); i++) {
                t.define(AMINO_ACIDS.charAt(i), i, i);
            }
            t.define('U', AMINO_ACIDS.indexOf('C'), AMINO_ACIDS.indexOf('C'));
            t.define('O', AMINO_ACIDS.indexOf('K'), AMINO_ACIDS.indexOf('K'));
            t.define('B', -1, AMINO_ACIDS.indexOf('D'), AMINO_ACIDS.indexOf('N'));
            t.define('Z', -1, AMINO_ACIDS.indexOf('E'), AMINO_ACIDS.indexOf('Q'));
            t.define('J', -1, AMINO_ACIDS.indexOf('I'), AMINO_ACIDS.indexOf('L'));
            int[] all = new int[AMINO_ACIDS.length()];
            Arrays.setAll(all, i -> i);
            t.define('X', -1, all);
            t.define('*', -1);
            return t;
        }

        /** Accepts {@code c} in both cases, spreading one unit evenly over {@code channels} (none: all zero). */
        private void define(char c, int symbol, int... channels) {
            for (char variant : new char[] {Character.toUpperCase(c), Character.toLowerCase(c)}) {
                accepted[variant] = true;
                symbolIndex[variant] = (byte) symbol;
                for (int channel : channels) {
                    values[variant * symbols.length() + channel] = 1f / channels.length;
                }
            }
        }
    }
}
