package org.genomod.reader.fasta.internal;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * FASTA, sequences possibly wrapped over several lines. The header's first word is the record id and,
 * when there are more words, its last word is the record's label ({@code >seq17 motif}). htsjdk's
 * {@code FastaSequenceFile} was not used because it reports no line numbers, which bad-input errors need.
 */
final class FastaParser implements RecordParser {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private final OneHotEncoder encoder;

    FastaParser(OneHotEncoder encoder) {
        this.encoder = encoder;
    }

    @Override
    public void parse(LineSource lines, Sink sink) throws IOException {
        String id = null;
        String label = null;
        long headerLine = 0;
        StringBuilder bases = new StringBuilder();
        for (String line = lines.nextLine(); line != null; line = lines.nextLine()) {
            line = line.strip();
            if (line.charAt(0) == '>') {
                if (id != null) {
                    emit(lines, sink, id, bases, label, headerLine);
                }
                String[] words = WHITESPACE.split(line.substring(1).strip());
                if (words[0].isEmpty()) {
                    throw lines.error(lines.lineNumber(), "FASTA header has no sequence name");
                }
                id = words[0];
                label = words.length > 1 ? words[words.length - 1] : null;
                headerLine = lines.lineNumber();
                bases.setLength(0);
            } else if (id == null) {
                throw lines.error(lines.lineNumber(), "sequence data before the first '>' header line");
            } else {
                RecordParser.requireValid(encoder, lines, id, line, bases.length());
                bases.append(line);
            }
        }
        if (id == null) {
            throw lines.error(0, "is empty");
        }
        emit(lines, sink, id, bases, label, headerLine);
    }

    private static void emit(LineSource lines, Sink sink, String id, StringBuilder bases, String label, long headerLine)
            throws IOException {
        if (bases.length() == 0) {
            throw lines.error(headerLine, "record '" + id + "' has no sequence");
        }
        sink.accept(new SequenceRecord(id, bases.toString(), label, headerLine));
    }
}
