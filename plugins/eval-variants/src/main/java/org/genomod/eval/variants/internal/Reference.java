package org.genomod.eval.variants.internal;

import htsjdk.samtools.SAMException;
import htsjdk.samtools.reference.FastaSequenceIndex;
import htsjdk.samtools.reference.FastaSequenceIndexEntry;
import htsjdk.samtools.reference.ReferenceSequenceFile;
import htsjdk.samtools.reference.ReferenceSequenceFileFactory;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.genomod.api.data.InputFormatException;

/**
 * An indexed FASTA (plain with {@code .fai}, or bgzip with {@code .fai} and {@code .gzi}) read by position
 * through htsjdk. Normalisation walks left base by base, so a stretch around the last request is kept and
 * the file is decompressed about once per {@value #CHUNK} bases rather than once per base.
 */
final class Reference implements Closeable {
    static final int CHUNK = 1 << 16;

    private final Path path;
    private final ReferenceSequenceFile fasta;
    private final Map<String, Long> lengths = new LinkedHashMap<>();
    private String chunkContig;
    private long chunkStart;
    private byte[] chunk = new byte[0];

    private Reference(Path path, ReferenceSequenceFile fasta, FastaSequenceIndex index) {
        this.path = path;
        this.fasta = fasta;
        for (FastaSequenceIndexEntry entry : index) {
            lengths.put(entry.getContig(), entry.getSize());
        }
    }

    /** @throws InputFormatException when the file is missing, unindexed or gzip- rather than bgzip-compressed */
    static Reference open(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new InputFormatException(path, 0, "reference FASTA does not exist");
        }
        Path fai = ReferenceSequenceFileFactory.getFastaIndexFileName(path);
        if (!Files.isRegularFile(fai)) {
            throw new InputFormatException(path, 0, "reference FASTA has no index " + fai.getFileName()
                    + " (create it with: samtools faidx " + path.getFileName() + ")");
        }
        if (gzip(path) && !Files.isRegularFile(path.resolveSibling(path.getFileName() + ".gzi"))) {
            throw new InputFormatException(path, 0, "compressed reference FASTA has no " + path.getFileName() + ".gzi index "
                    + "(it must be bgzip-compressed; then: samtools faidx " + path.getFileName() + ")");
        }
        FastaSequenceIndex index;
        try {
            index = new FastaSequenceIndex(fai);
        } catch (SAMException | NumberFormatException e) {
            throw new InputFormatException(fai, 0, "is not a valid FASTA index: " + e.getMessage());
        }
        try {
            ReferenceSequenceFile fasta = ReferenceSequenceFileFactory.getReferenceSequenceFile(path, true, true);
            if (!fasta.isIndexed()) {
                fasta.close();
                throw new InputFormatException(path, 0, "cannot be read by position (is its index up to date?)");
            }
            return new Reference(path, fasta, index);
        } catch (SAMException e) {
            throw new InputFormatException(path, 0, "cannot be opened as an indexed FASTA: " + e.getMessage());
        }
    }

    private static boolean gzip(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    Path path() {
        return path;
    }

    Iterable<String> contigs() {
        return lengths.keySet();
    }

    long length(String contig) {
        return lengths.getOrDefault(contig, -1L);
    }

    /** The upper-case base at a 1-based position of a contig the reference has. */
    char base(String contig, long position) throws InputFormatException {
        if (!contig.equals(chunkContig) || position < chunkStart || position >= chunkStart + chunk.length) {
            load(contig, position);
        }
        return Character.toUpperCase((char) chunk[(int) (position - chunkStart)]);
    }

    /** The bases {@code [from, to]}, 1-based inclusive. */
    String bases(String contig, long from, long to) throws InputFormatException {
        StringBuilder s = new StringBuilder((int) (to - from + 1));
        for (long p = from; p <= to; p++) {
            s.append(base(contig, p));
        }
        return s.toString();
    }

    /** Fetches a chunk that reaches back from {@code position}: left-alignment moves leftwards. */
    private void load(String contig, long position) throws InputFormatException {
        long length = length(contig);
        if (position < 1 || position > length) {
            throw new InputFormatException(path, 0, contig + ":" + position + " lies outside the contig (length " + length + ")");
        }
        long first = Math.max(1, position - CHUNK + 1024);
        long last = Math.min(length, first + CHUNK - 1);
        try {
            chunk = fasta.getSubsequenceAt(contig, first, last).getBases();
        } catch (SAMException e) {
            throw new InputFormatException(path, 0, "cannot read " + contig + ":" + first + "-" + last
                    + " (is the index from this file?): " + e.getMessage());
        }
        chunkContig = contig;
        chunkStart = first;
    }

    @Override
    public void close() throws IOException {
        fasta.close();
    }
}
