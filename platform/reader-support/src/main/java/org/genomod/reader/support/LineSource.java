package org.genomod.reader.support;

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
 * The non-blank lines of a text file, plain or gzip-compressed, with their line numbers for error
 * messages. Compression is recognised by the gzip magic bytes, not the name, so a mis-named file is
 * caught instead of being parsed as binary noise; bgzip files are multi-member gzip and read the same.
 */
@org.osgi.annotation.versioning.ProviderType
public final class LineSource implements Closeable {
    private static final int BUFFER = 1 << 16;
    private final Path path;
    private final BufferedReader reader;
    private long lineNumber;

    private LineSource(Path path, BufferedReader reader) {
        this.path = path;
        this.reader = reader;
    }

    public static LineSource open(Path path) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(path), BUFFER);
        try {
            InputStream in = isGzip(raw) ? gunzip(path, raw) : raw;
            if (in == raw && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
                throw new InputFormatException(path, 0, "is named .gz but is not gzip-compressed");
            }
            return new LineSource(path, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), BUFFER));
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
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

    /** The next line that is not blank, or {@code null} at the end of the file. */
    public String nextLine() throws IOException {
        try {
            String line;
            do {
                line = reader.readLine();
                if (line == null) {
                    return null;
                }
                lineNumber++;
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1); // a byte-order mark, as spreadsheet programs write
                }
            } while (line.isBlank());
            return line;
        } catch (ZipException | EOFException e) {
            // Reading runs ahead of the lines handed out, so the damage lies somewhere after this line.
            throw error(0, "gzip data is corrupt or truncated after line " + lineNumber + " (" + e.getMessage() + ")");
        }
    }

    /** The number of the line last returned by {@link #nextLine()}. */
    public long lineNumber() {
        return lineNumber;
    }

    public Path path() {
        return path;
    }

    public InputFormatException error(long line, String problem) {
        return new InputFormatException(path, line, problem);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
