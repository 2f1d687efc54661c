package org.genomod.reader.vcf.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of a text stream as bytes in one reused buffer, so that a record line is split and checked
 * without first becoming a {@code String}. Lines end as {@link java.io.BufferedReader#readLine()} ends
 * them (at {@code \n}, {@code \r} or {@code \r\n}), so line numbers and {@link #text()} agree with a
 * reader's.
 */
final class ByteLines {
    private final InputStream in;
    private byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private boolean eof;
    /** A {@code \r} ended the last line: a {@code \n} right after it belongs to that line ending. */
    private boolean skipNewline;
    private int start;
    private int end;

    ByteLines(InputStream in) {
        this.in = in;
    }

    /** Moves to the next line; {@code false} at the end of the stream. */
    boolean next() throws IOException {
        while (true) {
            if (position == limit && !fill()) {
                return false;
            }
            if (skipNewline) {
                skipNewline = false;
                if (buffer[position] == '\n') {
                    position++;
                    continue;
                }
            }
            break;
        }
        int scan = position;
        while (true) {
            int i = ByteScan.indexOfEither(buffer, scan, limit, (byte) '\n', (byte) '\r');
            if (i >= 0) {
                start = position;
                end = i;
                position = i + 1;
                skipNewline = buffer[i] == '\r';
                return true;
            }
            scan = limit - position;
            if (!fill()) { // the last line has no line ending
                start = position;
                end = limit;
                position = limit;
                return true;
            }
            scan += position;
        }
    }

    /** Reads more, keeping the unfinished line from {@code position}; {@code false} when nothing more came. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        if (limit == buffer.length) { // a line longer than the buffer
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            eof = true;
            return false;
        }
        limit += n;
        return true;
    }

    /** The buffer holding the current line at {@code [start(), end())}; valid until the next call to {@link #next()}. */
    byte[] bytes() {
        return buffer;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    boolean isEmpty() {
        return start == end;
    }

    void close() throws IOException {
        in.close();
    }

    /** The current line decoded as UTF-8, malformed bytes replaced as a reader replaces them. */
    String text() {
        return new String(buffer, start, end - start, StandardCharsets.UTF_8);
    }
}
