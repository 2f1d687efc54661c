package org.genomod.interpret.variant.effects.internal;

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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.genomod.api.data.InputFormatException;

/**
 * A reference FASTA read by position through htsjdk: plain, or bgzip-compressed. Its {@code .fai} (and
 * for bgzip its {@code .gzi}) are used when present and otherwise built in memory, so an unindexed
 * reference works too, after one pass over it. The stretch around the current variant is kept: the
 * variants of a sorted VCF fall into it, so the file is decompressed about once per {@value #STRETCH}
 * bases instead of once per variant.
 */
final class ReferenceGenome implements Closeable {
    /** Bases fetched at a time: a few bgzip blocks. */
    static final int STRETCH = 1 << 18;

    private final Path path;
    private final ReferenceSequenceFile fasta;
    private final Map<String, Long> lengths;

    private String stretchContig;
    private long stretchStart;
    private byte[] stretch = new byte[0];

    private ReferenceGenome(Path path, ReferenceSequenceFile fasta, Map<String, Long> lengths) {
        this.path = path;
        this.fasta = fasta;
        this.lengths = lengths;
    }

    static ReferenceGenome open(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new InputFormatException(path, 0, "reference FASTA does not exist");
        }
        boolean gzip;
        try (InputStream in = Files.newInputStream(path)) {
            gzip = in.read() == 0x1f && in.read() == 0x8b;
        }
        boolean bgzip = gzip && IOUtil.isBlockCompressed(path);
        if (gzip && !bgzip) {
            throw new InputFormatException(path, 0, "reference FASTA is gzip- but not bgzip-compressed, so it cannot be read "
                    + "by position (recompress it: gunzip, then bgzip)");
        }
        try {
            Path faiPath = ReferenceSequenceFileFactory.getFastaIndexFileName(path);
            FastaSequenceIndex fai = Files.isRegularFile(faiPath) ? new FastaSequenceIndex(faiPath) : FastaSequenceIndexCreator.buildFromFasta(path);
            Map<String, Long> lengths = new LinkedHashMap<>();
            for (FastaSequenceIndexEntry entry : fai) {
                lengths.put(entry.getContig(), entry.getSize());
            }
            if (lengths.isEmpty()) {
                throw new InputFormatException(path, 0, "reference FASTA holds no sequence");
            }
            ReferenceSequenceFile fasta;
            if (bgzip) {
                Path gziPath = GZIIndex.resolveIndexNameForBgzipFile(path);
                GZIIndex gzi = Files.isRegularFile(gziPath) ? GZIIndex.loadIndex(gziPath) : GZIIndex.buildIndex(path);
                fasta = new BlockCompressedIndexedFastaSequenceFile(path, fai, gzi);
            } else {
                fasta = new IndexedFastaSequenceFile(path, fai);
            }
            return new ReferenceGenome(path, fasta, Collections.unmodifiableMap(lengths));
        } catch (SAMException e) {
            throw new InputFormatException(path, 0, "cannot be read as a FASTA reference: " + e.getMessage());
        }
    }

    Path path() {
        return path;
    }

    Set<String> contigs() {
        return lengths.keySet();
    }

    /** The contig's length; the contig must exist. */
    long length(String contig) {
        return lengths.get(contig);
    }

    /**
     * Copies the bases (ASCII, as in the file) of {@code count} positions from {@code from} (1-based) into
     * {@code dest}; positions outside the contig are 0.
     */
    void copy(String contig, long from, int count, byte[] dest, int offset) throws IOException {
        long first = Math.max(from, 1);
        long last = Math.min(from + count - 1, length(contig));
        Arrays.fill(dest, offset, offset + count, (byte) 0);
        if (first > last) {
            return;
        }
        load(contig, first, last);
        System.arraycopy(stretch, (int) (first - stretchStart), dest, offset + (int) (first - from), (int) (last - first + 1));
    }

    /** Makes {@code [first, last]} (inside the contig) available in {@link #stretch}. */
    private void load(String contig, long first, long last) throws IOException {
        if (contig.equals(stretchContig) && first >= stretchStart && last < stretchStart + stretch.length) {
            return;
        }
        long fetchLast = Math.min(length(contig), Math.max(last, first + STRETCH - 1));
        try {
            stretch = fasta.getSubsequenceAt(contig, first, fetchLast).getBases();
        } catch (SAMException e) {
            throw new InputFormatException(path, 0, "cannot read " + contig + ":" + first + "-" + fetchLast
                    + " (is the index from this file?): " + e.getMessage());
        }
        stretchContig = contig;
        stretchStart = first;
    }

    @Override
    public void close() throws IOException {
        fasta.close();
    }
}
