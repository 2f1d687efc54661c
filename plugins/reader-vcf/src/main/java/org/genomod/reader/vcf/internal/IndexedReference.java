package org.genomod.reader.vcf.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.genomod.api.data.InputFormatException;
import org.genomod.reader.support.genome.ReferenceSequence;

/**
 * The reference as the window builder reads it: base masks ({@link Bases}) of the contig last loaded,
 * 0 beyond its ends. A character that is not a nucleotide code is an error as soon as its stretch is read.
 */
final class IndexedReference implements Closeable {
    private final ReferenceSequence sequence;
    private String contig;

    private IndexedReference(ReferenceSequence sequence) {
        this.sequence = sequence;
    }

    /** @throws InputFormatException when the file is not an indexed FASTA, naming the index it lacks */
    static IndexedReference open(Path path) throws IOException {
        return new IndexedReference(ReferenceSequence.open(path, ReferenceSequence.Option.NUCLEOTIDE_CODES_ONLY));
    }

    Path path() {
        return sequence.path();
    }

    boolean has(String name) {
        return sequence.has(name);
    }

    /** The contig's length, or -1 when the reference lacks it. */
    long length(String name) {
        return sequence.length(name);
    }

    Set<String> contigs() {
        return sequence.contigs();
    }

    /**
     * Makes the base masks of {@code [from, to]} (1-based, inclusive; clipped to the contig) available to
     * {@link #mask(long)} and {@link #copy}. The contig must exist.
     *
     * @throws InputFormatException when the reference holds a character that is not a nucleotide code
     */
    void load(String name, long from, long to) throws IOException {
        sequence.prefetch(name, from, to);
        contig = name;
    }

    /**
     * The base mask at a position of the contig last loaded: 0 outside the contig. Positions inside the
     * contig must lie in the range last passed to {@link #load}.
     */
    int mask(long position) {
        try {
            return Bases.mask(sequence.base(contig, position));
        } catch (InputFormatException e) {
            throw notLoaded(position, position, e);
        }
    }

    /** Copies the masks of {@code length} positions from {@code start} of the contig last loaded, zeros (padding) outside it. */
    void copy(long start, int length, byte[] dest, int offset) {
        try {
            sequence.copy(contig, start, length, dest, offset);
        } catch (InputFormatException e) {
            throw notLoaded(start, start + length - 1, e);
        }
        for (int i = offset; i < offset + length; i++) {
            dest[i] = (byte) Bases.mask(dest[i]);
        }
    }

    /** Reads of a loaded range touch no file, so a failure here means the range was not loaded first. */
    private IllegalStateException notLoaded(long from, long to, InputFormatException e) {
        return new IllegalStateException(contig + ":" + from + "-" + to + " was not loaded", e);
    }

    @Override
    public void close() throws IOException {
        sequence.close();
    }
}
