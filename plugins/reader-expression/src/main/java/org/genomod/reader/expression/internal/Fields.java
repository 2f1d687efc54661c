package org.genomod.reader.expression.internal;

import java.util.Arrays;

/**
 * Splits one line into delimited fields: the line's characters are copied once into a reused array
 * and the fields are kept as offsets into it, so numeric cells can be parsed in place and only ids and
 * names become strings. With quoting
 * (CSV and TSV as R and spreadsheets write them) a field may be enclosed in double quotes, with
 * {@code ""} standing for a quote inside; GCT and SOFT are plain tab-separated text.
 */
final class Fields {
    private final char delimiter;
    private final boolean quoting;
    private String line;
    private char[] chars = new char[1024];
    private int count;
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private boolean[] quoted = new boolean[64];

    Fields(char delimiter, boolean quoting) {
        this.delimiter = delimiter;
        this.quoting = quoting;
    }

    /**
     * Splits {@code line}; unquoted fields are trimmed of spaces.
     *
     * @return {@code false} when a quoted field is not closed, or is followed by text before the delimiter
     */
    boolean split(String line) {
        this.line = line;
        count = 0;
        int n = line.length();
        if (chars.length < n) {
            chars = new char[Math.max(n, chars.length * 2)];
        }
        line.getChars(0, n, chars, 0);
        int i = 0;
        while (true) {
            int start = skipSpaces(i, n);
            if (quoting && start < n && chars[start] == '"') {
                int close = closingQuote(start + 1, n);
                if (close < 0) {
                    return false;
                }
                int after = skipSpaces(close + 1, n);
                if (after < n && chars[after] != delimiter) {
                    return false;
                }
                add(start + 1, close, true);
                if (after >= n) {
                    return true;
                }
                i = after + 1;
            } else {
                int end = i;
                while (end < n && chars[end] != delimiter) {
                    end++;
                }
                int stop = end;
                add(start, trimEnd(start, stop), false);
                if (end == n) {
                    return true;
                }
                i = end + 1;
            }
        }
    }

    private int skipSpaces(int i, int n) {
        while (i < n && chars[i] == ' ' && delimiter != ' ') {
            i++;
        }
        return i;
    }

    private int trimEnd(int start, int stop) {
        while (stop > start && chars[stop - 1] == ' ') {
            stop--;
        }
        return stop;
    }

    private int closingQuote(int i, int n) {
        while (i < n) {
            if (chars[i] == '"') {
                if (i + 1 < n && chars[i + 1] == '"') {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        return -1;
    }

    private void add(int start, int end, boolean isQuoted) {
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
            quoted = Arrays.copyOf(quoted, count * 2);
        }
        starts[count] = start;
        ends[count] = end;
        quoted[count] = isQuoted;
        count++;
    }

    int count() {
        return count;
    }

    String line() {
        return line;
    }

    /** The current line's characters (valid up to its length; the array is reused). */
    char[] chars() {
        return chars;
    }

    int start(int field) {
        return starts[field];
    }

    int end(int field) {
        return ends[field];
    }

    /** The field's text, unquoted. */
    String text(int field) {
        String raw = line.substring(starts[field], ends[field]);
        return quoted[field] ? raw.replace("\"\"", "\"") : raw;
    }

    /** All fields' texts. */
    String[] texts() {
        String[] texts = new String[count];
        for (int i = 0; i < count; i++) {
            texts[i] = text(i);
        }
        return texts;
    }
}
