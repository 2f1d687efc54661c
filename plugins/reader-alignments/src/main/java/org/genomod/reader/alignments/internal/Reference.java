package org.genomod.reader.alignments.internal;

import htsjdk.samtools.reference.ReferenceSequenceFileFactory;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.genomod.api.data.InputFormatException;
import org.genomod.reader.support.genome.ReferenceSequence;

/**
 * The reference as the pileup walk reads it: one contig at a time, upper-case bases, N outside the
 * contig, and read failures carried as {@link InputProblem} through htsjdk's callbacks.
 */
final class Reference implements Closeable {
    private final ReferenceSequence sequence;
    private String contig;
    private long contigLength;

    private Reference(ReferenceSequence sequence) {
        this.sequence = sequence;
    }

    static Reference open(Path fasta) throws InputFormatException {
        Path fai = ReferenceSequenceFileFactory.getFastaIndexFileName(fasta);
        if (!Files.isRegularFile(fai)) {
            throw new InputFormatException(fasta, 0, "the reference has no index " + fai.getFileName()
                    + "; create it with samtools faidx (bgzip the FASTA first if it is gzip-compressed)");
        }
        try {
            return new Reference(ReferenceSequence.open(fasta));
        } catch (InputFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new InputFormatException(fasta, 0, "the reference or its index cannot be read: " + e.getMessage());
        }
    }

    Path path() {
        return sequence.path();
    }

    Set<String> contigs() {
        return sequence.contigs();
    }

    /** The contig's length, or -1 when the reference lacks it. */
    long length(String name) {
        return sequence.length(name);
    }

    /** Moves to a contig the reference has; later {@link #base} calls read it. */
    void select(String name) {
        contig = name;
        contigLength = length(name);
    }

    /** The upper-case base at a 1-based position of the selected contig; N outside it. */
    byte base(long position) {
        if (position < 1 || position > contigLength) {
            return 'N';
        }
        try {
            byte b = sequence.base(contig, position);
            return b >= 'a' && b <= 'z' ? (byte) (b - 32) : b;
        } catch (InputFormatException e) {
            throw new InputProblem(e);
        }
    }

    /** Makes {@code [from, to]} resident, so that a window is read with one query. */
    void prefetch(long from, long to) {
        try {
            sequence.prefetch(contig, from, to);
        } catch (InputFormatException e) {
            throw new InputProblem(e);
        }
    }

    @Override
    public void close() throws IOException {
        sequence.close();
    }
}
