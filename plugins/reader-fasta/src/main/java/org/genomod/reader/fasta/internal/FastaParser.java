package org.genomod.reader.fasta.internal;

import org.genomod.reader.support.LineSource;
import java.io.IOException;

/**
 * FASTA, sequences possibly wrapped over several lines; the header gives the id and label (see
 * {@link Header}). htsjdk's {@code FastaSequenceFile} was not used because it reports no line numbers,
 * which bad-input errors need, and holds whole records, which inspecting a genome must not.
 */
final class FastaParser implements RecordParser {
    private final String labelKey;

    FastaParser(String labelKey) {
        this.labelKey = labelKey;
    }

    @Override
    public void parse(LineSource lines, Sink sink) throws IOException {
        String id = null;
        long headerLine = 0;
        long bases = 0;
        for (String line = lines.nextLine(); line != null; line = lines.nextLine()) {
            line = line.strip();
            if (line.charAt(0) == '>') {
                if (id != null) {
                    end(lines, sink, id, bases, headerLine);
                }
                Header header = Header.parse(line.substring(1), labelKey);
                if (header == null) {
                    throw lines.error(lines.lineNumber(), "FASTA header has no sequence name");
                }
                id = header.id();
                headerLine = lines.lineNumber();
                bases = 0;
                sink.begin(id, header.label(), headerLine);
            } else if (id == null) {
                throw lines.error(lines.lineNumber(), line.charAt(0) == '@'
                        ? "starts with '@', not '>': this looks like FASTQ, not FASTA"
                        : "sequence data before the first '>' header line");
            } else {
                sink.bases(line, lines.lineNumber());
                bases += line.length();
            }
        }
        if (id == null) {
            throw lines.error(0, "is empty");
        }
        end(lines, sink, id, bases, headerLine);
    }

    private static void end(LineSource lines, Sink sink, String id, long bases, long headerLine) throws IOException {
        if (bases == 0) {
            throw lines.error(headerLine, "record '" + id + "' has no sequence");
        }
        sink.end();
    }
}
