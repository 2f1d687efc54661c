package org.genomod.reader.expression.internal;

import org.genomod.reader.support.LineSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.genomod.api.data.InputFormatException;

/**
 * A side table of sample annotations ({@code labels_file}): a header line, then one row per sample,
 * the sample id in the first column. Tab-separated when the header has a tab, else comma-separated;
 * fields may be quoted (R's {@code write.csv} output reads as it is). One column gives the labels,
 * another, optionally, the groups. Samples the matrix lacks are ignored, so one table can serve a
 * training and an independent file; an empty, {@code NA}, {@code NaN} or {@code null} cell is no value.
 */
final class SampleTable {
    /** A sample's row: its label and group (either may be {@code null}) and the line it is on. */
    record Row(String label, String group, long line) {
    }

    private final Path path;
    private final String labelColumn;
    private final Map<String, Row> rows;

    private SampleTable(Path path, String labelColumn, Map<String, Row> rows) {
        this.path = path;
        this.labelColumn = labelColumn;
        this.rows = rows;
    }

    /**
     * @param labelColumn the label column's name; {@code null} for the second column
     * @param groupColumn the group column's name; {@code null} for no groups
     */
    static SampleTable read(Path path, String labelColumn, String groupColumn) throws IOException {
        try (LineSource lines = LineSource.open(path)) {
            String header = lines.nextLine();
            if (header == null) {
                throw lines.error(0, "is empty");
            }
            long headerLine = lines.lineNumber();
            Fields fields = (header.indexOf('\t') >= 0 ? MatrixFormat.TSV : MatrixFormat.CSV).fields();
            if (!fields.split(header)) {
                throw lines.error(headerLine, "has a quoted field that is not closed");
            }
            String[] names = fields.texts();
            if (names.length < 2) {
                throw lines.error(headerLine, "needs a header line with at least two columns: sample id and label");
            }
            int label = labelColumn == null ? 1 : column(lines, names, labelColumn, "label_column", headerLine);
            int group = groupColumn == null ? -1 : column(lines, names, groupColumn, "group_column", headerLine);

            Map<String, Row> rows = new HashMap<>();
            for (String line = lines.nextLine(); line != null; line = lines.nextLine()) {
                long number = lines.lineNumber();
                if (!fields.split(line)) {
                    throw lines.error(number, "has a quoted field that is not closed");
                }
                if (fields.count() != names.length) {
                    throw lines.error(number, "has " + fields.count() + " fields, expected " + names.length
                            + " as in the header (line " + headerLine + ")");
                }
                String id = fields.text(0);
                if (id.isEmpty()) {
                    throw lines.error(number, "has an empty sample id");
                }
                Row first = rows.putIfAbsent(id, new Row(value(fields, label), group < 0 ? null : value(fields, group), number));
                if (first != null) {
                    throw lines.error(number, "duplicate sample id '" + id + "' (first on line " + first.line() + ")");
                }
            }
            if (rows.isEmpty()) {
                throw lines.error(headerLine, "has a header but no samples");
            }
            return new SampleTable(path, names[label], rows);
        }
    }

    private static int column(LineSource lines, String[] names, String name, String parameter, long headerLine)
            throws InputFormatException {
        for (int i = 1; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        throw lines.error(headerLine, parameter + " '" + name + "' is not one of its columns: " + String.join(", ", names));
    }

    private static String value(Fields fields, int column) {
        String v = fields.text(column);
        return Decimals.isMissing(v.toCharArray(), 0, v.length()) ? null : v;
    }

    Path path() {
        return path;
    }

    String labelColumn() {
        return labelColumn;
    }

    /** The sample's row, or {@code null} when the table does not list it. */
    Row row(String sample) {
        return rows.get(sample);
    }
}
