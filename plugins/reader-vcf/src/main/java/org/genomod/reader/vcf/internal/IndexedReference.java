package org.genomod.reader.vcf.internal;

import htsjdk.samtools.SAMException;
import htsjdk.samtools.reference.FastaSequenceIndex;
import htsjdk.samtools.reference.FastaSequenceIndexEntry;
import htsjdk.samtools.reference.ReferenceSequenceFile;
import htsjdk.samtools.reference.ReferenceSequenceFileFactory;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.genomod.api.data.InputFormatException;

/**
 * An indexed FASTA reference (plain with {@code .fai}, or bgzip with {@code .fai} and {@code .gzi}) read
 * through htsjdk, with the stretch around the current variant held as base masks. Variants of a
 * sorted VCF fall into the same stretch, so the file is decompressed about once per
 * {@value #CHUNK} bases rather than once per variant.
 */
final class IndexedReference implements Closeable {
    /** Bases fetched at a time: a few bgzip blocks, small enough that unsorted input stays cheap. */
    static final int CHUNK = 1 << 18;

    private final Path path;
    private final ReferenceSequenceFile fasta;
    private final Map<String, Long> lengths;

    private String chunkContig;
    private long chunkStart;
    private byte[] chunk = new byte[0];
    private int chunkLength;

    private IndexedReference(Path path, ReferenceSequenceFile fasta, Map<String, Long> lengths) {
        this.path = path;
        this.fasta = fasta;
        this.lengths = lengths;
    }

    /** @throws InputFormatException when the file is not an indexed FASTA, naming the index it lacks */
    static IndexedReference open(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new InputFormatException(path, 0, "reference FASTA does not exist");
        }
        Path fai = ReferenceSequenceFileFactory.getFastaIndexFileName(path);
        if (!Files.isRegularFile(fai)) {
            throw new InputFormatException(path, 0, "reference FASTA has no index " + fai.getFileName()
                    + " (create it with: samtools faidx " + path.getFileName() + ")");
        }
        Compression compression = Compression.of(path);
        if (compression.compressed()) {
            if (compression != Compression.BGZF) {
                throw new InputFormatException(path, 0, "reference FASTA is gzip- but not bgzip-compressed, so it cannot "
                        + "be read by position (recompress it: gunzip, then bgzip and samtools faidx)");
            }
            Path gzi = path.resolveSibling(path.getFileName() + ".gzi");
            if (!Files.isRegularFile(gzi)) {
                throw new InputFormatException(path, 0, "bgzip reference FASTA has no " + gzi.getFileName()
                        + " index (create it with: samtools faidx " + path.getFileName() + ")");
            }
        }
        Map<String, Long> lengths = new LinkedHashMap<>();
        try {
            for (FastaSequenceIndexEntry entry : new FastaSequenceIndex(fai)) {
                lengths.put(entry.getContig(), entry.getSize());
            }
        } catch (SAMException e) {
            throw new InputFormatException(fai, 0, "is not a valid FASTA index: " + e.getMessage());
        }
        ReferenceSequenceFile fasta;
        try {
            fasta = ReferenceSequenceFileFactory.getReferenceSequenceFile(path, true, true);
        } catch (SAMException e) {
            throw new InputFormatException(path, 0, "cannot be opened as an indexed FASTA: " + e.getMessage());
        }
        if (!fasta.isIndexed()) {
            fasta.close();
            throw new InputFormatException(path, 0, "cannot be read by position (is its index up to date?)");
        }
        return new IndexedReference(path, fasta, Collections.unmodifiableMap(lengths));
    }

    Path path() {
        return path;
    }

    boolean has(String contig) {
        return lengths.containsKey(contig);
    }

    /** The contig's length, or -1 when the reference lacks it. */
    long length(String contig) {
        Long length = lengths.get(contig);
        return length == null ? -1 : length;
    }

    Set<String> contigs() {
        return lengths.keySet();
    }

    /**
     * Makes the base masks of {@code [from, to]} (1-based, inclusive; clipped to the contig) available to
     * {@link #mask(long)}. The contig must exist.
     *
     * @throws InputFormatException when the reference holds a character that is not a nucleotide code
     */
    void load(String contig, long from, long to) throws IOException {
        long length = lengths.get(contig);
        long first = Math.max(1, from);
        long last = Math.min(length, to);
        if (first > last || contig.equals(chunkContig) && first >= chunkStart && last < chunkStart + chunkLength) {
            return;
        }
        long fetchLast = Math.min(length, Math.max(last, first + CHUNK - 1));
        byte[] bases;
        try {
            bases = fasta.getSubsequenceAt(contig, first, fetchLast).getBases();
        } catch (SAMException e) {
            throw new InputFormatException(path, 0, "cannot read " + contig + ":" + first + "-" + fetchLast
                    + " (is the .fai index from this file?): " + e.getMessage());
        }
        if (chunk.length < bases.length) {
            chunk = new byte[bases.length];
        }
        for (int i = 0; i < bases.length; i++) {
            int mask = Bases.mask(bases[i]);
            if (mask == 0) {
                throw new InputFormatException(path, 0, "has " + Bases.show(bases[i]) + " at " + contig + ":" + (first + i)
                        + ", which is not a nucleotide code (A, C, G, T, N or IUPAC)");
            }
            chunk[i] = (byte) mask;
        }
        chunkContig = contig;
        chunkStart = first;
        chunkLength = bases.length;
    }

    /**
     * The base mask at a position of the contig last loaded: 0 outside the contig. Positions inside the
     * contig must lie in the range last passed to {@link #load}.
     */
    int mask(long position) {
        long offset = position - chunkStart;
        if (offset < 0 || offset >= chunkLength) {
            if (position >= 1 && position <= lengths.get(chunkContig)) {
                throw new IllegalStateException(chunkContig + ":" + position + " was not loaded");
            }
            return 0;
        }
        return chunk[(int) offset];
    }

    /**
     * Copies the masks of {@code length} positions from {@code start} of the contig last loaded into
     * {@code dest}: one array copy for the part inside the contig, zeros (padding) outside it.
     */
    void copy(long start, int length, byte[] dest, int offset) {
        long contigLength = lengths.get(chunkContig);
        long first = Math.max(start, 1);
        long last = Math.min(start + length - 1, contigLength);
        if (first > last) {
            java.util.Arrays.fill(dest, offset, offset + length, (byte) 0);
            return;
        }
        if (first < chunkStart || last >= chunkStart + chunkLength) {
            throw new IllegalStateException(chunkContig + ":" + first + "-" + last + " was not loaded");
        }
        int before = (int) (first - start);
        int inside = (int) (last - first + 1);
        java.util.Arrays.fill(dest, offset, offset + before, (byte) 0);
        System.arraycopy(chunk, (int) (first - chunkStart), dest, offset + before, inside);
        java.util.Arrays.fill(dest, offset + before + inside, offset + length, (byte) 0);
    }

    @Override
    public void close() throws IOException {
        fasta.close();
    }
}
