package org.genomod.eval.variants.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import org.genomod.api.data.InputFormatException;
import org.genomod.reader.support.genome.ReferenceSequence;

/**
 * The reference FASTA as normalisation reads it: upper-case bases, and a position outside its contig is
 * an error rather than padding, since a call there means the files come from different builds.
 */
final class Reference implements Closeable {
    private final ReferenceSequence sequence;

    private Reference(ReferenceSequence sequence) {
        this.sequence = sequence;
    }

    /** @throws InputFormatException when the file is missing, unindexed or gzip- rather than bgzip-compressed */
    static Reference open(Path path) throws IOException {
        return new Reference(ReferenceSequence.open(path));
    }

    Path path() {
        return sequence.path();
    }

    Iterable<String> contigs() {
        return sequence.contigs();
    }

    long length(String contig) {
        return sequence.length(contig);
    }

    /** The upper-case base at a 1-based position of a contig the reference has. */
    char base(String contig, long position) throws InputFormatException {
        long length = length(contig);
        if (position < 1 || position > length) {
            throw new InputFormatException(path(), 0, contig + ":" + position + " lies outside the contig (length " + length + ")");
        }
        return Character.toUpperCase((char) (sequence.base(contig, position) & 0xff));
    }

    /** The bases {@code [from, to]}, 1-based inclusive. */
    String bases(String contig, long from, long to) throws InputFormatException {
        StringBuilder s = new StringBuilder((int) (to - from + 1));
        for (long p = from; p <= to; p++) {
            s.append(base(contig, p));
        }
        return s.toString();
    }

    @Override
    public void close() throws IOException {
        sequence.close();
    }
}
