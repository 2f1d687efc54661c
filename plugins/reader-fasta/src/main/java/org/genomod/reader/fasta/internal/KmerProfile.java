package org.genomod.reader.fasta.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Counts of the overlapping k-mers of a record over the alphabet's symbols, as one vector of size
 * {@code symbols^k} (4^k for nucleotides, 20^k for proteins). The k-mer {@code s1 s2 ... sk} sits at
 * index {@code sum(index(si) * symbols^(k-i))}, i.e. in lexicographic order of the channel order (for
 * DNA and k = 2: AA, AC, AG, AT, CA, ...). A k-mer that overlaps an ambiguity code (N, R, ...; X, B, Z,
 * J or a stop for proteins) is skipped: it stands for no single k-mer. Frequencies divide by the
 * number of k-mers counted, so they sum to 1 (to 0 for a record with none).
 *
 * <p>Records may have any length. With a fixed {@code length}, a longer record is first cropped to its
 * centre as the one-hot encoding does; with {@code reverseComplement} the reverse complement is counted.
 */
final class KmerProfile implements SequenceFeatures {
    /** The most features one example may have: 4^8 = 20^3.7; beyond this a profile is mostly zeros. */
    static final int MAX_FEATURES = 1 << 16;
    static final int MAX_K = 8;

    /** The {@code kmer_values} parameter. */
    enum Values { FREQUENCY, COUNT }

    private final Alphabet alphabet;
    private final int k;
    private final Values values;
    private final int length;
    private final boolean reverseComplement;
    private final int symbols;
    private final int size;
    /** {@code size - 1} when size is a power of two (nucleotides): the rolling index then wraps by masking. */
    private final int mask;

    KmerProfile(Alphabet alphabet, int k, Values values, int length, boolean reverseComplement) {
        if (k < 1 || k > maxK(alphabet)) {
            throw new IllegalArgumentException("k must be 1 to " + maxK(alphabet) + " for " + alphabet.id() + ", got " + k);
        }
        if (reverseComplement && !alphabet.complementable()) {
            throw new IllegalArgumentException("the " + alphabet.id() + " alphabet has no reverse complement");
        }
        this.alphabet = alphabet;
        this.k = k;
        this.values = values;
        this.length = length;
        this.reverseComplement = reverseComplement;
        this.symbols = alphabet.channels();
        this.size = (int) Math.pow(symbols, k);
        this.mask = Integer.bitCount(size) == 1 ? size - 1 : -1;
    }

    /** The largest k whose profile has at most {@link #MAX_FEATURES} values: 8 for nucleotides, 3 for proteins. */
    static int maxK(Alphabet alphabet) {
        int k = 0;
        for (long size = alphabet.channels(); size <= MAX_FEATURES && k < MAX_K; size *= alphabet.channels()) {
            k++;
        }
        return k;
    }

    @Override
    public List<Integer> shape() {
        return List.of(size);
    }

    @Override
    public String encoding() {
        return alphabet.id() + "-" + k + "-mer-" + values.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public Map<String, Object> attributes() {
        return Map.of("k", k, "kmer_values", values.name().toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public boolean needsCommonLength() {
        return false;
    }

    @Override
    public void encode(byte[] bases, float[] dest, int offset) {
        Arrays.fill(dest, offset, offset + size, 0f);
        int n = bases.length;
        int from = 0;
        int to = n;
        if (length > 0 && n > length) {
            int skip = (n - length) / 2;
            from = reverseComplement ? n - skip - length : skip;
            to = from + length;
        }
        int counted = reverseComplement ? countReverseComplement(bases, from, to, dest, offset)
                : count(bases, from, to, dest, offset);
        if (values == Values.FREQUENCY && counted > 0) {
            float scale = 1f / counted;
            for (int i = offset; i < offset + size; i++) {
                dest[i] *= scale;
            }
        }
    }

    /** Rolls the k-mer index along the sequence; a run of unambiguous symbols shorter than k counts nothing. */
    private int count(byte[] bases, int from, int to, float[] dest, int offset) {
        int index = 0;
        int run = 0;
        int counted = 0;
        for (int i = from; i < to; i++) {
            int symbol = symbolAt(bases, i);
            if (symbol < 0) {
                run = 0;
                continue;
            }
            index = wrap(index * symbols + symbol);
            if (++run >= k) {
                dest[offset + index]++;
                counted++;
            }
        }
        return counted;
    }

    /** As {@link #count}, walking backwards over complements: channel c's complement is 3 - c (A-T, C-G). */
    private int countReverseComplement(byte[] bases, int from, int to, float[] dest, int offset) {
        int index = 0;
        int run = 0;
        int counted = 0;
        for (int i = to - 1; i >= from; i--) {
            int symbol = symbolAt(bases, i);
            if (symbol < 0) {
                run = 0;
                continue;
            }
            index = wrap(index * symbols + 3 - symbol);
            if (++run >= k) {
                dest[offset + index]++;
                counted++;
            }
        }
        return counted;
    }

    /** Drops the symbol that left the k-mer (the most significant digit). */
    private int wrap(int index) {
        return mask >= 0 ? index & mask : index % size;
    }

    private int symbolAt(byte[] bases, int i) {
        char c = (char) (bases[i] & 0xff);
        if (!alphabet.accepts(c)) {
            throw new IllegalArgumentException(alphabet.describeInvalid(c, i + 1L));
        }
        return alphabet.symbolIndex(c);
    }
}
