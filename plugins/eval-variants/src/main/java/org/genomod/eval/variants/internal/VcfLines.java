package org.genomod.eval.variants.internal;

import htsjdk.tribble.readers.LineIterator;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.NoSuchElementException;

/**
 * The lines of a VCF text file, numbered, for htsjdk's {@code VCFCodec} to read the header from and for
 * messages to name the exact line of a bad record.
 */
final class VcfLines implements LineIterator, Closeable {
    private final BufferedReader in;
    private String next;
    private long number;

    VcfLines(Path file) throws IOException {
        this.in = TextFiles.open(file);
        this.next = in.readLine();
        if (next != null && next.startsWith("BCF")) {
            in.close();
            throw new org.genomod.api.data.InputFormatException(file, 0, "is BCF; this evaluator reads VCF text "
                    + "(plain, gzip or bgzip): convert it with bcftools view -Oz");
        }
    }

    @Override
    public boolean hasNext() {
        return next != null;
    }

    @Override
    public String peek() {
        return next;
    }

    @Override
    public String next() {
        if (next == null) {
            throw new NoSuchElementException();
        }
        String line = next;
        number++;
        try {
            next = in.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return line;
    }

    /** The number of the line {@link #next()} returned last. */
    long number() {
        return number;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
