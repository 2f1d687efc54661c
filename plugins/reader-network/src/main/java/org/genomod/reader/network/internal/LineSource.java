package org.genomod.reader.network.internal;

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
 * The data lines of a text file, plain or gzip-compressed, with their line numbers for error
 * messages: blank lines and {@code #} comments are skipped. Compression is recognised by the gzip
 * magic bytes, not the name, so a mis-named file is caught instead of being parsed as binary noise.
 */
final class LineSource implements Closeable {
    private static final int BUFFER = 1 << 16;
    private final Path path;
    private final BufferedReader reader;
    private long lineNumber;

    private LineSource(Path path, BufferedReader reader) {
        this.path = path;
        this.reader = reader;
    }

    static LineSource open(Path path) throws IOException {
        return new LineSource(path, new BufferedReader(new InputStreamReader(openStream(path), StandardCharsets.UTF_8), BUFFER));
    }

    /** The decompressed bytes of {@code path}; rejects a {@code .gz} name on a file that is not gzip. */
    static InputStream openStream(Path path) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(path), BUFFER);
        try {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            if (gzip) {
                return new GZIPInputStream(raw, BUFFER);
            }
            if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
                throw new InputFormatException(path, 0, "is named .gz but is not gzip-compressed");
            }
            return raw;
        } catch (ZipException | EOFException e) {
            raw.close();
            throw new InputFormatException(path, 0, "has a broken gzip header (" + e.getMessage() + ")");
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** The next line that is neither blank nor a {@code #} comment, or {@code null} at the end of the file. */
    String nextLine() throws IOException {
        try {
            String line;
            do {
                line = reader.readLine();
                if (line == null) {
                    return null;
                }
                lineNumber++;
            } while (isSkipped(line));
            return line;
        } catch (ZipException | EOFException e) {
            // Reading runs ahead of the lines handed out, so the damage lies somewhere after this line.
            throw error(0, "gzip data is corrupt or truncated after line " + lineNumber + " (" + e.getMessage() + ")");
        }
    }

    private static boolean isSkipped(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '#') {
                return true;
            }
            if (!Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    /** The number of the line last returned by {@link #nextLine()}. */
    long lineNumber() {
        return lineNumber;
    }

    Path path() {
        return path;
    }

    InputFormatException error(long line, String problem) {
        return new InputFormatException(path, line, problem);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
