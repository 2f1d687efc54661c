package org.genomod.reader.fasta.internal;

import org.genomod.reader.support.LineSource;
import java.io.IOException;

/**
 * The UCI molecular-biology layout: one record per line, {@code class, id, sequence}, fields padded
 * with spaces or tabs (splice-junction and E. coli promoter data sets).
 */
final class UciParser implements RecordParser {
    @Override
    public void parse(LineSource lines, Sink sink) throws IOException {
        boolean any = false;
        for (String line = lines.nextLine(); line != null; line = lines.nextLine()) {
            String[] fields = line.split(",", -1);
            if (fields.length != 3) {
                throw lines.error(lines.lineNumber(),
                        "has " + fields.length + " comma-separated fields, expected 3: class, id, sequence");
            }
            String label = fields[0].strip();
            String id = fields[1].strip();
            String bases = fields[2].strip();
            if (id.isEmpty()) {
                throw lines.error(lines.lineNumber(), "record has an empty id");
            }
            if (bases.isEmpty()) {
                throw lines.error(lines.lineNumber(), "record '" + id + "' has no sequence");
            }
            sink.begin(id, label.isEmpty() ? null : label, lines.lineNumber());
            sink.bases(bases, lines.lineNumber());
            sink.end();
            any = true;
        }
        if (!any) {
            throw lines.error(0, "is empty");
        }
    }
}
