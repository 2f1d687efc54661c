package org.genomod.reader.vcf.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.genomod.api.data.InputFormatException;

/**
 * A side table of sample labels: {@code sample<TAB>label} per line, with an optional header whose first
 * field is {@code sample} or {@code id} (its second field then names a regression target). Samples the
 * VCF lacks are ignored, so one table can serve several files.
 */
final class SampleLabels {
    /** A sample's label and the table line it came from. */
    record Entry(String label, long line) {
    }

    private final Path file;
    private final Map<String, Entry> rows;
    private final String column;

    private SampleLabels(Path file, Map<String, Entry> rows, String column) {
        this.file = file;
        this.rows = rows;
        this.column = column;
    }

    static SampleLabels read(Path file) throws IOException {
        Map<String, Entry> rows = new HashMap<>();
        String column = "label";
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long number = 0;
            boolean first = true;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                if (fields.length != 2) {
                    throw new InputFormatException(file, number, "has " + fields.length + " tab-separated fields, expected 2: sample, label");
                }
                String sample = fields[0].strip();
                String label = fields[1].strip();
                boolean header = first && (sample.equalsIgnoreCase("sample") || sample.equalsIgnoreCase("id"));
                first = false;
                if (header) {
                    column = label.isEmpty() ? column : label;
                    continue;
                }
                if (sample.isEmpty() || label.isEmpty()) {
                    throw new InputFormatException(file, number, "has an empty " + (sample.isEmpty() ? "sample name" : "label"));
                }
                Entry earlier = rows.putIfAbsent(sample, new Entry(label, number));
                if (earlier != null) {
                    throw new InputFormatException(file, number, "sample '" + sample + "' is listed again (first on line " + earlier.line() + ")");
                }
            }
        } catch (java.nio.charset.MalformedInputException e) {
            throw new InputFormatException(file, 0, "is not UTF-8 text");
        }
        if (rows.isEmpty()) {
            throw new InputFormatException(file, 0, "has no labels");
        }
        return new SampleLabels(file, rows, column);
    }

    Path file() {
        return file;
    }

    /** The label column's name, from the header; {@code label} without one. */
    String column() {
        return column;
    }

    /** The sample's entry, or {@code null} when the table does not list it. */
    Entry get(String sample) {
        return rows.get(sample);
    }
}
