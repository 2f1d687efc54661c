package org.genomod.reader.support.genome;

import htsjdk.samtools.SAMException;
import htsjdk.samtools.reference.BlockCompressedIndexedFastaSequenceFile;
import htsjdk.samtools.reference.FastaSequenceIndex;
import htsjdk.samtools.reference.FastaSequenceIndexCreator;
import htsjdk.samtools.reference.FastaSequenceIndexEntry;
import htsjdk.samtools.reference.IndexedFastaSequenceFile;
import htsjdk.samtools.reference.ReferenceSequenceFile;
import htsjdk.samtools.reference.ReferenceSequenceFileFactory;
import htsjdk.samtools.util.GZIIndex;
import htsjdk.samtools.util.IOUtil;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.genomod.api.data.InputFormatException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A reference FASTA read by position through htsjdk: plain with a {@code .fai} index, or bgzip with
 * {@code .fai} and {@code .gzi}. A stretch of {@value #STRETCH} bases around the last request is kept:
 * the records of a sorted file fall into it, and left-alignment walks back into its first
 * {@value #BEHIND} bases, so the file is decompressed about once per stretch rather than once per
 * request. Bases are the file's bytes (ASCII, soft-masking kept); positions outside a contig read as 0.
 * An instance serves one reading thread.
 */
@ProviderType
public final class ReferenceSequence implements Closeable {
    /** What {@link #open} does beyond reading an indexed file. */
    public enum Option {
        /**
         * A missing {@code .fai} (and for bgzip {@code .gzi}) is built in memory after one pass over the
         * file instead of being asked for, so an unindexed reference works too.
         */
        BUILD_MISSING_INDEX,
        /** A stretch that holds a character other than an IUPAC nucleotide code (either case) is an error naming its position. */
        NUCLEOTIDE_CODES_ONLY
    }

    /** Bases fetched at a time: a few bgzip blocks, small enough that unsorted requests stay cheap. */
    static final int STRETCH = 1 << 18;
    /** Bases fetched before the first one asked for. */
    static final int BEHIND = 1 << 10;
    private static final boolean[] NUCLEOTIDE_CODES = new boolean[256];

    static {
        for (char c : "ACGTRYSWKMBDHVN".toCharArray()) {
            NUCLEOTIDE_CODES[c] = true;
            NUCLEOTIDE_CODES[Character.toLowerCase(c)] = true;
        }
    }

    private final Path path;
    private final ReferenceSequenceFile fasta;
    private final Map<String, Long> lengths;
    private final boolean nucleotideCodesOnly;

    private String stretchContig;
    private long stretchStart;
    private byte[] stretch = new byte[0];

    private ReferenceSequence(Path path, ReferenceSequenceFile fasta, Map<String, Long> lengths, boolean nucleotideCodesOnly) {
        this.path = path;
        this.fasta = fasta;
        this.lengths = lengths;
        this.nucleotideCodesOnly = nucleotideCodesOnly;
    }

    /**
     * @throws InputFormatException when the file is missing, gzip- rather than bgzip-compressed, lacks an
     *         index it needs (saying how to make it), or its index is broken
     */
    public static ReferenceSequence open(Path path, Option... options) throws IOException {
        Set<Option> chosen = options.length == 0 ? EnumSet.noneOf(Option.class) : EnumSet.copyOf(List.of(options));
        boolean build = chosen.contains(Option.BUILD_MISSING_INDEX);
        if (!Files.isRegularFile(path)) {
            throw new InputFormatException(path, 0, "reference FASTA does not exist");
        }
        boolean bgzip = gzip(path);
        if (bgzip && !IOUtil.isBlockCompressed(path)) {
            throw new InputFormatException(path, 0, "reference FASTA is gzip- but not bgzip-compressed, so it cannot be read "
                    + "by position (recompress it: gunzip, then bgzip" + (build ? ")" : " and samtools faidx)"));
        }
        FastaSequenceIndex fai = fai(path, build);
        Map<String, Long> lengths = new LinkedHashMap<>();
        for (FastaSequenceIndexEntry entry : fai) {
            lengths.put(entry.getContig(), entry.getSize());
        }
        if (lengths.isEmpty()) {
            throw new InputFormatException(path, 0, "reference FASTA holds no sequence");
        }
        try {
            ReferenceSequenceFile fasta = bgzip ? new BlockCompressedIndexedFastaSequenceFile(path, fai, gzi(path, build))
                    : new IndexedFastaSequenceFile(path, fai);
            return new ReferenceSequence(path, fasta, Collections.unmodifiableMap(lengths), chosen.contains(Option.NUCLEOTIDE_CODES_ONLY));
        } catch (SAMException e) {
            throw new InputFormatException(path, 0, "cannot be opened as an indexed FASTA: " + e.getMessage());
        }
    }

    private static boolean gzip(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    private static FastaSequenceIndex fai(Path path, boolean build) throws IOException {
        Path fai = ReferenceSequenceFileFactory.getFastaIndexFileName(path);
        if (Files.isRegularFile(fai)) {
            try {
                return new FastaSequenceIndex(fai);
            } catch (SAMException | NumberFormatException e) {
                throw new InputFormatException(fai, 0, "is not a valid FASTA index: " + e.getMessage());
            }
        }
        if (!build) {
            throw new InputFormatException(path, 0, "reference FASTA has no index " + fai.getFileName()
                    + " (create it with: samtools faidx " + path.getFileName() + ")");
        }
        try {
            return FastaSequenceIndexCreator.buildFromFasta(path);
        } catch (SAMException e) {
            throw new InputFormatException(path, 0, "cannot be read as a FASTA reference: " + e.getMessage());
        }
    }

    private static GZIIndex gzi(Path path, boolean build) throws IOException {
        Path gzi = GZIIndex.resolveIndexNameForBgzipFile(path);
        if (Files.isRegularFile(gzi)) {
            try {
                return GZIIndex.loadIndex(gzi);
            } catch (IOException | RuntimeException e) {
                throw new InputFormatException(gzi, 0, "is not a valid bgzip index: " + e.getMessage());
            }
        }
        if (!build) {
            throw new InputFormatException(path, 0, "bgzip reference FASTA has no " + gzi.getFileName()
                    + " index (create it with: samtools faidx " + path.getFileName() + ")");
        }
        return GZIIndex.buildIndex(path);
    }

    public Path path() {
        return path;
    }

    /** The contig names in file order. */
    public Set<String> contigs() {
        return lengths.keySet();
    }

    public boolean has(String contig) {
        return lengths.containsKey(contig);
    }

    /** The contig's length, or -1 when the reference lacks it. */
    public long length(String contig) {
        return lengths.getOrDefault(contig, -1L);
    }

    /**
     * The base at a 1-based position of a contig the reference has, as the file holds it; 0 outside the contig.
     *
     * @throws InputFormatException when the file cannot be read there
     */
    public byte base(String contig, long position) throws InputFormatException {
        if (!contig.equals(stretchContig) || position < stretchStart || position >= stretchStart + stretch.length) {
            if (position < 1 || position > lengthOf(contig)) {
                return 0;
            }
            load(contig, position, position);
        }
        return stretch[(int) (position - stretchStart)];
    }

    /**
     * Copies the bases of {@code count} positions from {@code from} (1-based) into {@code dest}: one array
     * copy for the part inside the contig, 0 (padding) outside it.
     */
    public void copy(String contig, long from, int count, byte[] dest, int offset) throws InputFormatException {
        long first = Math.max(from, 1);
        long last = Math.min(from + count - 1, lengthOf(contig));
        Arrays.fill(dest, offset, offset + count, (byte) 0);
        if (first <= last) {
            load(contig, first, last);
            System.arraycopy(stretch, (int) (first - stretchStart), dest, offset + (int) (first - from), (int) (last - first + 1));
        }
    }

    /** Makes {@code [from, to]} (clipped to the contig) resident, so that a window is read with one query. */
    public void prefetch(String contig, long from, long to) throws InputFormatException {
        long first = Math.max(1, from);
        long last = Math.min(lengthOf(contig), to);
        if (first <= last) {
            load(contig, first, last);
        }
    }

    private long lengthOf(String contig) {
        Long length = lengths.get(contig);
        if (length == null) {
            throw new IllegalArgumentException("reference " + path.getFileName() + " has no contig '" + contig + "'");
        }
        return length;
    }

    /** Makes {@code [first, last]}, inside the contig, resident. */
    private void load(String contig, long first, long last) throws InputFormatException {
        if (contig.equals(stretchContig) && first >= stretchStart && last < stretchStart + stretch.length) {
            return;
        }
        long from = Math.max(1, first - BEHIND);
        long to = Math.min(lengthOf(contig), Math.max(last, first + STRETCH - 1));
        byte[] bases;
        try {
            bases = fasta.getSubsequenceAt(contig, from, to).getBases();
        } catch (SAMException e) {
            throw new InputFormatException(path, 0, "cannot read " + contig + ":" + from + "-" + to
                    + " (is the index from this file?): " + e.getMessage());
        }
        if (bases.length != to - from + 1) {
            throw new InputFormatException(path, 0, "contig " + contig + " ends before position " + to
                    + ", which its index promises (re-index it with samtools faidx)");
        }
        if (nucleotideCodesOnly) {
            checkCodes(contig, from, bases);
        }
        stretchContig = contig;
        stretchStart = from;
        stretch = bases;
    }

    private void checkCodes(String contig, long from, byte[] bases) throws InputFormatException {
        for (int i = 0; i < bases.length; i++) {
            if (!NUCLEOTIDE_CODES[bases[i] & 0xff]) {
                byte b = bases[i];
                String shown = b >= 0x21 && b < 0x7f ? String.valueOf((char) b) : String.format("U+%04X", b & 0xff);
                throw new InputFormatException(path, 0, "has " + shown + " at " + contig + ":" + (from + i)
                        + ", which is not a nucleotide code (A, C, G, T, N or IUPAC)");
            }
        }
    }

    @Override
    public void close() throws IOException {
        fasta.close();
    }
}
