package org.genomod.interpret.variant.effects.internal;

import htsjdk.tribble.TribbleException;
import htsjdk.tribble.readers.LineIterator;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFCodec;
import htsjdk.variant.vcf.VCFHeader;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.genomod.api.data.InputFormatException;

/**
 * The records of a VCF text file (plain, gzip or bgzip), streamed one at a time and decoded with htsjdk's
 * {@link VCFCodec}. The lines are read here rather than through a tribble reader so that every error
 * names its exact line.
 */
final class VcfRecords implements Closeable {
    private static final int BUFFER = 1 << 16;

    private final Path file;
    private final Lines lines;
    private final VCFCodec codec = new VCFCodec();
    private final VCFHeader header;

    private VcfRecords(Path file, BufferedReader reader) throws IOException {
        this.file = file;
        this.lines = new Lines(reader);
        String first = lines.hasNext() ? lines.peek() : null;
        if (first == null) {
            throw new InputFormatException(file, 0, "is empty");
        }
        if (first.startsWith("BCF")) {
            throw new InputFormatException(file, 0, "is BCF, which is not read here: convert it with bcftools view -Oz");
        }
        if (!first.startsWith("##fileformat=VCF")) {
            throw new InputFormatException(file, 1, "is not a VCF file: it must begin with ##fileformat=VCFv4.x");
        }
        try {
            header = (VCFHeader) codec.readActualHeader(lines);
        } catch (TribbleException | IllegalArgumentException e) {
            throw new InputFormatException(file, lines.number, "malformed header: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw unreadable(e.getCause());
        }
    }

    static VcfRecords open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InputFormatException(file, 0, "VCF does not exist");
        }
        InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER);
        try {
            in.mark(2);
            boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
            in.reset();
            InputStream text = gzip ? new GZIPInputStream(in, BUFFER) : in;
            return new VcfRecords(file, new BufferedReader(new InputStreamReader(text, StandardCharsets.UTF_8), BUFFER));
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    VCFHeader header() {
        return header;
    }

    /** The line of the record last returned. */
    long line() {
        return lines.number;
    }

    /** The next record, or {@code null} at the end of the file. */
    VariantContext next() throws IOException {
        try {
            while (lines.hasNext()) {
                String line = lines.next();
                if (line.isEmpty()) {
                    continue;
                }
                if (line.startsWith("#")) {
                    throw new InputFormatException(file, lines.number, "a header line after the first record");
                }
                return codec.decode(line);
            }
            return null;
        } catch (UncheckedIOException e) {
            throw unreadable(e.getCause());
        } catch (InputFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InputFormatException(file, lines.number, "malformed record: " + message(e));
        }
    }

    /** A decompression failure: reading runs ahead of the records handed out, so the damage lies after the current line. */
    private IOException unreadable(IOException e) {
        if (e instanceof ZipException || e instanceof EOFException) {
            return new InputFormatException(file, 0, "compressed data is corrupt or truncated after line " + lines.number
                    + " (" + e.getMessage() + ")");
        }
        return e;
    }

    /** htsjdk's message without its guessed line number and input source (the line is named exactly here). */
    private static String message(RuntimeException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int source = m.indexOf(", for input source: ");
        m = source >= 0 ? m.substring(0, source) : m;
        int colon = m.startsWith("The provided VCF file is malformed at approximately line number ") ? m.indexOf(": ") : -1;
        return (colon >= 0 ? m.substring(colon + 2) : m).strip();
    }

    @Override
    public void close() throws IOException {
        lines.reader.close();
    }

    /** The file's lines for htsjdk's header parser and for the records, counted. */
    private static final class Lines implements LineIterator {
        private final BufferedReader reader;
        private String peeked;
        private long number;

        Lines(BufferedReader reader) {
            this.reader = reader;
        }

        @Override
        public boolean hasNext() {
            if (peeked == null) {
                try {
                    peeked = reader.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return peeked != null;
        }

        @Override
        public String peek() {
            return hasNext() ? peeked : null;
        }

        @Override
        public String next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            String line = peeked;
            peeked = null;
            number++;
            return line;
        }
    }
}
