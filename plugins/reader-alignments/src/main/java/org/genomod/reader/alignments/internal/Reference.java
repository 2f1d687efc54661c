package org.genomod.reader.alignments.internal;

import htsjdk.samtools.SAMException;
import htsjdk.samtools.reference.FastaSequenceIndex;
import htsjdk.samtools.reference.FastaSequenceIndexEntry;
import htsjdk.samtools.reference.ReferenceSequenceFile;
import htsjdk.samtools.reference.ReferenceSequenceFileFactory;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.genomod.api.data.InputFormatException;

/**
 * An indexed FASTA reference (plain, or bgzip with .fai and .gzi), read in chunks so that memory
 * stays bounded whatever the contig length. Bases are upper case; positions outside the contig read as N.
 */
final class Reference implements Closeable {
    private static final int CHUNK = 1 << 16;
    private static final int MARGIN = 1 << 10;

    private final Path path;
    private final ReferenceSequenceFile file;
    private final Map<String, Long> lengths;

    private String contig;
    private long contigLength;
    private byte[] bases = new byte[0];
    private long start = 1;
    private long end = 0;

    private Reference(Path path, ReferenceSequenceFile file, Map<String, Long> lengths) {
        this.path = path;
        this.file = file;
        this.lengths = lengths;
    }

    static Reference open(Path fasta) throws InputFormatException {
        Path fai = ReferenceSequenceFileFactory.getFastaIndexFileName(fasta);
        if (!Files.isRegularFile(fai)) {
            throw new InputFormatException(fasta, 0, "the reference has no index " + fai.getFileName()
                    + "; create it with samtools faidx (bgzip the FASTA first if it is gzip-compressed)");
        }
        try {
            Map<String, Long> lengths = new LinkedHashMap<>();
            for (FastaSequenceIndexEntry entry : new FastaSequenceIndex(fai)) {
                lengths.put(entry.getContig(), entry.getSize());
            }
            ReferenceSequenceFile file = ReferenceSequenceFileFactory.getReferenceSequenceFile(fasta, true, true);
            if (!file.isIndexed()) {
                file.close();
                throw new InputFormatException(fasta, 0, "the reference cannot be read by position: a compressed FASTA must be"
                        + " bgzip-compressed with a .gzi index (samtools faidx makes both .fai and .gzi)");
            }
            return new Reference(fasta, file, lengths);
        } catch (SAMException | IOException e) {
            throw new InputFormatException(fasta, 0, "the reference or its index cannot be read: " + e.getMessage());
        }
    }

    Path path() {
        return path;
    }

    Set<String> contigs() {
        return lengths.keySet();
    }

    /** The contig's length, or -1 when the reference lacks it. */
    long length(String name) {
        return lengths.getOrDefault(name, -1L);
    }

    /** Moves to a contig the reference has; later {@link #base} calls read it. */
    void select(String name) {
        if (!name.equals(contig)) {
            contig = name;
            contigLength = length(name);
            bases = new byte[0];
            start = 1;
            end = 0;
        }
    }

    /** The upper-case base at a 1-based position of the selected contig; N outside it. */
    byte base(long position) {
        if (position < 1 || position > contigLength) {
            return 'N';
        }
        if (position < start || position > end) {
            load(position, position);
        }
        return bases[(int) (position - start)];
    }

    /** Makes {@code [from, to]} resident, so that a window is read with one query. */
    void prefetch(long from, long to) {
        long lo = Math.max(1, from);
        long hi = Math.min(contigLength, to);
        if (lo <= hi && (lo < start || hi > end)) {
            load(lo, hi);
        }
    }

    private void load(long lo, long hi) {
        long from = Math.max(1, lo - MARGIN);
        long to = Math.min(contigLength, Math.max(hi, lo + CHUNK));
        try {
            byte[] read = file.getSubsequenceAt(contig, from, to).getBases();
            if (read.length != to - from + 1) {
                throw new InputFormatException(path, 0, "contig " + contig + " ends before position " + to
                        + ", which its .fai index promises; re-index the reference with samtools faidx");
            }
            Bases.upperCase(read);
            bases = read;
            start = from;
            end = to;
        } catch (SAMException e) {
            throw new InputProblem(new InputFormatException(path, 0,
                    "reading " + contig + ":" + from + "-" + to + " failed: " + e.getMessage()));
        } catch (InputFormatException e) {
            throw new InputProblem(e);
        }
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
