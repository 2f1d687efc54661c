package org.genomod.reader.fasta.internal;

import org.genomod.reader.support.LineSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** The file layouts this reader understands, and how to tell them apart by content. */
enum InputFormat {
    FASTA(FastaParser::new, "labels: header takes the value of a KEY:VALUE word for label_key, else the last word "
            + "of the header line, after the name"),
    FASTQ(FastqParser::new, "labels: header takes the value of a KEY:VALUE word for label_key, else the last word "
            + "of the '@' line, after the name"),
    UCI(key -> new UciParser(), "its class field is empty"),
    TSV(key -> new TsvParser(), "its label column is empty or missing");

    private final Function<String, RecordParser> parserFactory;
    private final String missingLabelHint;

    InputFormat(Function<String, RecordParser> parserFactory, String missingLabelHint) {
        this.parserFactory = parserFactory;
        this.missingLabelHint = missingLabelHint;
    }

    /** @param labelKey the key of {@code KEY:VALUE} labels in FASTA and FASTQ headers */
    RecordParser parser(String labelKey) {
        return parserFactory.apply(labelKey);
    }

    /** Why a record of this format may lack a label, for error messages. */
    String missingLabelHint() {
        return missingLabelHint;
    }

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Decides the format from the first non-blank line: {@code >} starts FASTA, {@code @} FASTQ; three
     * comma-separated fields ending in letters are UCI; a tab makes TSV.
     */
    static InputFormat detect(Path path) throws IOException {
        try (LineSource lines = LineSource.open(path)) {
            String first = lines.nextLine();
            if (first == null) {
                throw lines.error(0, "is empty");
            }
            return recognise(first).orElseThrow(() -> lines.error(lines.lineNumber(),
                    "cannot tell the format: expected a FASTA header ('>name'), a FASTQ header ('@name'), a UCI line "
                            + "('class, id, sequence') or a tab-separated header line; set the parameter format"));
        }
    }

    static Optional<InputFormat> recognise(String firstLine) {
        String line = firstLine.strip();
        if (line.startsWith(">")) {
            return Optional.of(FASTA);
        }
        if (line.startsWith("@")) {
            return Optional.of(FASTQ);
        }
        String[] fields = firstLine.split(",", -1);
        if (fields.length == 3 && isLetters(fields[2].strip())) {
            return Optional.of(UCI);
        }
        return firstLine.indexOf('\t') >= 0 ? Optional.of(TSV) : Optional.empty();
    }

    private static boolean isLetters(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }
}
