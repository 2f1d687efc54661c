package org.genomod.reader.intervals.internal;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.genomod.api.data.InputFormatException;

/**
 * The lines of a text file, plain or gzip-compressed (bgzip is multi-member gzip and reads the same),
 * with their numbers for error messages. Compression is recognised by the magic bytes, not the name,
 * so a mis-named file is reported instead of being parsed as binary noise.
 */
final class LineSource implements Closeable {
    private static final int BUFFER = 1 << 16;
    private static final int BINARY_PROBE = 4096;
    private final Path path;
    private final BufferedReader reader;
    private long lineNumber;

    private LineSource(Path path, BufferedReader reader) {
        this.path = path;
        this.reader = reader;
    }

    static LineSource open(Path path) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(path), BUFFER);
        try {
            boolean gzip = isGzip(raw);
            if (!gzip && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
                throw new InputFormatException(path, 0, "is named .gz but is not gzip-compressed");
            }
            InputStream in = gzip ? new BufferedInputStream(gunzip(path, raw), BUFFER) : raw;
            rejectBinary(path, in);
            return new LineSource(path, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), BUFFER));
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /**
     * Rejects binary content (a PLINK .bed, a BAM renamed) before reading lines, which in a file
     * without line breaks could otherwise pull the whole file into one string.
     */
    private static void rejectBinary(Path path, InputStream in) throws IOException {
        in.mark(BINARY_PROBE);
        byte[] probe;
        try {
            probe = in.readNBytes(BINARY_PROBE);
        } catch (ZipException | EOFException e) {
            throw new InputFormatException(path, 0, "gzip data is corrupt or truncated (" + e.getMessage() + ")");
        }
        in.reset();
        for (int i = 0; i < probe.length; i++) {
            int b = probe[i] & 0xff;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                throw new InputFormatException(path, 0, "is binary, not text (byte " + (i + 1) + " is "
                        + String.format("0x%02X", b) + ")");
            }
        }
    }

    private static boolean isGzip(InputStream in) throws IOException {
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        return gzip;
    }

    private static InputStream gunzip(Path path, InputStream raw) throws IOException {
        try {
            return new GZIPInputStream(raw, BUFFER);
        } catch (ZipException | EOFException e) {
            throw new InputFormatException(path, 0, "has a broken gzip header (" + e.getMessage() + ")");
        }
    }

    /** The next line, or {@code null} at the end of the file. */
    String nextLine() throws IOException {
        try {
            String line = reader.readLine();
            if (line != null) {
                lineNumber++;
            }
            return line;
        } catch (ZipException | EOFException e) {
            // Decompression runs ahead of the lines handed out, so the damage lies somewhere after this line.
            throw new InputFormatException(path, 0, "gzip data is corrupt or truncated after line " + lineNumber
                    + " (" + e.getMessage() + ")");
        }
    }

    /** The number of the line last returned by {@link #nextLine()}. */
    long lineNumber() {
        return lineNumber;
    }

    Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
