package org.genomod.reader.fasta.internal;

import org.genomod.reader.support.LineSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A side table of labels, {@code id<TAB>label} per line, with an optional {@code id<TAB>label} header.
 * Ids the table does not list have no label; ids the sequence file lacks are ignored, so one table can
 * serve several files.
 */
final class LabelTable {
    private record Row(String label, long line) {
    }

    private final Map<String, Row> rows;

    private LabelTable(Map<String, Row> rows) {
        this.rows = rows;
    }

    static LabelTable read(Path path) throws IOException {
        Map<String, Row> rows = new HashMap<>();
        try (LineSource lines = LineSource.open(path)) {
            for (String line = lines.nextLine(); line != null; line = lines.nextLine()) {
                String[] fields = line.split("\t", -1);
                if (fields.length != 2) {
                    throw lines.error(lines.lineNumber(),
                            "has " + fields.length + " tab-separated fields, expected 2: id, label");
                }
                String id = fields[0].strip();
                String label = fields[1].strip();
                if (rows.isEmpty() && id.equalsIgnoreCase("id") && label.equalsIgnoreCase("label")) {
                    continue; // header line
                }
                if (id.isEmpty() || label.isEmpty()) {
                    throw lines.error(lines.lineNumber(), "has an empty " + (id.isEmpty() ? "id" : "label"));
                }
                Row first = rows.putIfAbsent(id, new Row(label, lines.lineNumber()));
                if (first != null) {
                    throw lines.error(lines.lineNumber(), "duplicate id '" + id + "' (first used on line " + first.line() + ")");
                }
            }
            if (rows.isEmpty()) {
                throw lines.error(0, "has no labels");
            }
        }
        return new LabelTable(rows);
    }

    /** The label of {@code id}, or {@code null} when the table has none. */
    String label(String id) {
        Row row = rows.get(id);
        return row == null ? null : row.label();
    }
}
