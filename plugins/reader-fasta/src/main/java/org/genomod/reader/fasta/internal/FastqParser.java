package org.genomod.reader.fasta.internal;

import org.genomod.reader.support.LineSource;
import java.io.IOException;

/**
 * FASTQ in its four-line form: {@code @name [words]}, the sequence, {@code +} (optionally repeating the
 * name) and one quality character per base, Phred+33 ({@code !} to {@code ~}). The header gives the id
 * and label as in FASTA (see {@link Header}). Sequences wrapped over several lines are rejected rather
 * than guessed at: a wrapped quality line may itself start with {@code @}.
 */
final class FastqParser implements RecordParser {
    private static final char LOWEST_QUALITY = '!';
    private static final char HIGHEST_QUALITY = '~';
    private final String labelKey;

    FastqParser(String labelKey) {
        this.labelKey = labelKey;
    }

    @Override
    public void parse(LineSource lines, Sink sink) throws IOException {
        boolean any = false;
        for (String title = lines.nextLine(); title != null; title = lines.nextLine()) {
            title = title.strip();
            long headerLine = lines.lineNumber();
            if (title.charAt(0) != '@') {
                String expected = any ? "expected the next FASTQ record's '@' header line" : "expected a FASTQ '@' header line";
                String hint = any ? " (is the previous record's sequence wrapped over several lines?)" : "";
                throw lines.error(headerLine, expected + ", found '" + abbreviate(title) + "'" + hint);
            }
            Header header = Header.parse(title.substring(1), labelKey);
            if (header == null) {
                throw lines.error(headerLine, "FASTQ header has no read name");
            }
            String id = header.id();
            String bases = next(lines, id, headerLine, "sequence");
            if (bases.charAt(0) == '+') {
                throw lines.error(lines.lineNumber(), "record '" + id + "' has no sequence");
            }
            long basesLine = lines.lineNumber();
            sink.begin(id, header.label(), headerLine);
            sink.bases(bases, basesLine);

            String separator = next(lines, id, headerLine, "'+' separator");
            if (separator.charAt(0) != '+') {
                throw lines.error(lines.lineNumber(), "record '" + id + "': expected the '+' separator line after the "
                        + "sequence, found '" + abbreviate(separator) + "' (FASTQ sequences must be on one line)");
            }
            String repeated = separator.substring(1).strip();
            if (!repeated.isEmpty() && !repeated.equals(title.substring(1).strip()) && !repeated.equals(id)) {
                throw lines.error(lines.lineNumber(), "record '" + id + "': the '+' line names '" + abbreviate(repeated)
                        + "', not the record's own name");
            }
            String qualities = next(lines, id, headerLine, "quality");
            checkQualities(lines, id, bases, qualities);
            sink.qualities(qualities, lines.lineNumber());
            sink.end();
            any = true;
        }
        if (!any) {
            throw lines.error(0, "is empty");
        }
    }

    /** The next line of the current record; the file must not end inside a record. */
    private static String next(LineSource lines, String id, long headerLine, String what) throws IOException {
        String line = lines.nextLine();
        if (line == null) {
            throw lines.error(headerLine, "record '" + id + "' is truncated: the file ends before its " + what + " line");
        }
        return line.strip();
    }

    private static void checkQualities(LineSource lines, String id, String bases, String qualities) throws IOException {
        if (qualities.length() != bases.length()) {
            throw lines.error(lines.lineNumber(), "record '" + id + "' has " + qualities.length() + " quality values for "
                    + bases.length() + " bases");
        }
        for (int i = 0; i < qualities.length(); i++) {
            char q = qualities.charAt(i);
            if (q < LOWEST_QUALITY || q > HIGHEST_QUALITY) {
                throw lines.error(lines.lineNumber(), "record '" + id + "': quality character "
                        + (q > 0x20 && q < 0x7f ? "'" + q + "'" : String.format("U+%04X", (int) q)) + " at position " + (i + 1)
                        + " is outside Phred+33 ('!' to '~')");
            }
        }
    }

    private static String abbreviate(String line) {
        return line.length() <= 40 ? line : line.substring(0, 37) + "...";
    }
}
