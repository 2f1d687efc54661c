package org.genomod.reader.network.internal;

import java.util.Arrays;

/**
 * Splits delimited lines into fields without regular expressions, reusing one array, since it runs
 * once per edge. Fields are stripped of surrounding spaces and of one pair of enclosing double quotes
 * (as R's {@code write.csv} writes them); a quoted field may not contain the delimiter.
 */
final class FieldSplitter {

    /** How fields are separated. */
    enum Delimiter {
        TAB, COMMA,
        /** Runs of spaces and tabs; leading and trailing ones are ignored. */
        WHITESPACE;

        /** Tab when the line has one, else comma when it has one, else whitespace. */
        static Delimiter of(String firstLine) {
            return firstLine.indexOf('\t') >= 0 ? TAB : firstLine.indexOf(',') >= 0 ? COMMA : WHITESPACE;
        }

        String describe() {
            return switch (this) {
                case TAB -> "tab-separated";
                case COMMA -> "comma-separated";
                case WHITESPACE -> "whitespace-separated";
            };
        }
    }

    private final Delimiter delimiter;
    private String[] fields = new String[8];
    private int count;

    FieldSplitter(Delimiter delimiter) {
        this.delimiter = delimiter;
    }

    Delimiter delimiter() {
        return delimiter;
    }

    /** Splits {@code line}; the fields are then {@link #field(int) field(0..count-1)}. */
    int split(String line) {
        count = 0;
        if (delimiter == Delimiter.WHITESPACE) {
            int i = 0;
            int n = line.length();
            while (i < n) {
                while (i < n && isBlank(line.charAt(i))) {
                    i++;
                }
                int start = i;
                while (i < n && !isBlank(line.charAt(i))) {
                    i++;
                }
                if (i > start) {
                    add(unquote(line, start, i));
                }
            }
            return count;
        }
        char separator = delimiter == Delimiter.TAB ? '\t' : ',';
        int start = 0;
        for (int i = line.indexOf(separator); i >= 0; i = line.indexOf(separator, start)) {
            add(trimmed(line, start, i));
            start = i + 1;
        }
        add(trimmed(line, start, line.length()));
        return count;
    }

    String field(int index) {
        return fields[index];
    }

    int count() {
        return count;
    }

    /** A copy of the current fields. */
    String[] fields() {
        return Arrays.copyOf(fields, count);
    }

    private void add(String field) {
        if (count == fields.length) {
            fields = Arrays.copyOf(fields, count * 2);
        }
        fields[count++] = field;
    }

    private static String trimmed(String line, int start, int end) {
        while (start < end && line.charAt(start) == ' ') {
            start++;
        }
        while (end > start && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\r')) {
            end--;
        }
        return unquote(line, start, end);
    }

    private static String unquote(String line, int start, int end) {
        if (end - start >= 2 && line.charAt(start) == '"' && line.charAt(end - 1) == '"') {
            start++;
            end--;
        }
        return line.substring(start, end);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r';
    }
}
