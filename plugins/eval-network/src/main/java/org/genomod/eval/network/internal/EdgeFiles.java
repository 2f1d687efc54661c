package org.genomod.eval.network.internal;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.genomod.api.data.InputFormatException;

/**
 * Reads the two DREAM5 edge-list formats, plain or gzip: a gold standard ({@code regulator target 1|0}) and a
 * prediction ({@code regulator target score}), three tab- or space-separated columns; blank lines and lines
 * starting with {@code #} are skipped.
 */
final class EdgeFiles {
    /** Receives one edge per data line. */
    interface Sink {
        void edge(String regulator, String target, double value, long line) throws InputFormatException;
    }

    private EdgeFiles() {
    }

    static void readGold(Path file, Sink sink) throws IOException {
        read(file, (f, line, column) -> switch (column) {
            case "1" -> 1.0;
            case "0" -> 0.0;
            default -> throw new InputFormatException(f, line, "third column is '" + column
                    + "', but a gold standard marks each edge 1 (true) or 0 (false)");
        }, sink);
    }

    static void readPredictions(Path file, Sink sink) throws IOException {
        read(file, (f, line, column) -> {
            try {
                double score = Double.parseDouble(column);
                if (Double.isFinite(score)) {
                    return score;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new InputFormatException(f, line, "third column '" + column + "' is not a finite number (the edge's score)");
        }, sink);
    }

    private interface Value {
        double parse(Path file, long line, String column) throws InputFormatException;
    }

    private static void read(Path file, Value value, Sink sink) throws IOException {
        try (BufferedReader in = open(file)) {
            long line = 0;
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                line++;
                String s = text.strip();
                if (s.isEmpty() || s.startsWith("#")) {
                    continue;
                }
                String[] f = columns(s);
                if (f == null) {
                    throw new InputFormatException(file, line, "has " + s.split("\\s+").length
                            + " columns, expected 3 (regulator, target, score or 1/0)");
                }
                sink.edge(f[0], f[1], value.parse(file, line, f[2]), line);
            }
        }
    }

    /** The three whitespace-separated columns of a stripped line, or {@code null} when it has another number. */
    private static String[] columns(String s) {
        String[] f = new String[3];
        int n = 0;
        int i = 0;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (n == 3) {
                return null;
            }
            f[n++] = s.substring(start, i);
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
        return n == 3 ? f : null;
    }

    private static BufferedReader open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        return new BufferedReader(new InputStreamReader(gzip ? new GZIPInputStream(in, 1 << 16) : in, StandardCharsets.UTF_8), 1 << 16);
    }
}
