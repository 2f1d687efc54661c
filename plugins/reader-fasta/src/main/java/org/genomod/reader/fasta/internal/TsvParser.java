package org.genomod.reader.fasta.internal;

import org.genomod.reader.support.LineSource;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Tab-separated values with a header line naming the columns {@code id}, {@code sequence} and
 * (optionally) {@code label}; DeepBind's {@code FoldID EventID seq Bound} header is read as id =
 * EventID, sequence = seq, label = Bound. Other columns are ignored; names are case-insensitive.
 */
final class TsvParser implements RecordParser {
    private static final List<String> ID_COLUMNS = List.of("id", "eventid");
    private static final List<String> SEQUENCE_COLUMNS = List.of("sequence", "seq");
    private static final List<String> LABEL_COLUMNS = List.of("label", "bound");
    @Override
    public void parse(LineSource lines, Sink sink) throws IOException {
        String header = lines.nextLine();
        if (header == null) {
            throw lines.error(0, "is empty");
        }
        long headerLine = lines.lineNumber();
        String[] columns = split(header);
        int idColumn = find(columns, ID_COLUMNS);
        int sequenceColumn = find(columns, SEQUENCE_COLUMNS);
        int labelColumn = find(columns, LABEL_COLUMNS);
        if (idColumn < 0 || sequenceColumn < 0) {
            throw lines.error(headerLine, "the TSV header must name the columns id, sequence and label "
                    + "(or DeepBind's EventID, seq and Bound), found: " + String.join(", ", columns));
        }
        boolean any = false;
        for (String line = lines.nextLine(); line != null; line = lines.nextLine()) {
            String[] fields = split(line);
            if (fields.length != columns.length) {
                throw lines.error(lines.lineNumber(), "has " + fields.length + " tab-separated fields, but the header (line "
                        + headerLine + ") has " + columns.length);
            }
            String id = fields[idColumn];
            String bases = fields[sequenceColumn];
            if (id.isEmpty()) {
                throw lines.error(lines.lineNumber(), "record has an empty id");
            }
            if (bases.isEmpty()) {
                throw lines.error(lines.lineNumber(), "record '" + id + "' has no sequence");
            }
            String label = labelColumn < 0 || fields[labelColumn].isEmpty() ? null : fields[labelColumn];
            sink.begin(id, label, lines.lineNumber());
            sink.bases(bases, lines.lineNumber());
            sink.end();
            any = true;
        }
        if (!any) {
            throw lines.error(headerLine, "has a header line but no records");
        }
    }

    private static String[] split(String line) {
        String[] fields = line.split("\t", -1);
        for (int i = 0; i < fields.length; i++) {
            fields[i] = fields[i].strip();
        }
        return fields;
    }

    private static int find(String[] columns, List<String> names) {
        for (int i = 0; i < columns.length; i++) {
            if (names.contains(columns[i].toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }
}
