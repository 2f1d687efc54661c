package org.genomod.reader.fasta.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The file layouts this reader understands, and how to tell them apart by content. */
enum InputFormat {
    FASTA(FastaParser::new, "labels: header takes the last word of the header line, after the name"),
    UCI(UciParser::new, "its class field is empty"),
    TSV(TsvParser::new, "its label column is empty or missing");

    private static final Pattern BASES = Pattern.compile("[A-Za-z]+");
    private final Function<OneHotEncoder, RecordParser> parserFactory;
    private final String missingLabelHint;

    InputFormat(Function<OneHotEncoder, RecordParser> parserFactory, String missingLabelHint) {
        this.parserFactory = parserFactory;
        this.missingLabelHint = missingLabelHint;
    }

    RecordParser parser(OneHotEncoder encoder) {
        return parserFactory.apply(encoder);
    }

    /** Why a record of this format may lack a label, for error messages. */
    String missingLabelHint() {
        return missingLabelHint;
    }

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Decides the format from the first non-blank line: {@code >} starts FASTA; three comma-separated
     * fields ending in letters are UCI; a tab makes TSV.
     */
    static InputFormat detect(Path path) throws IOException {
        try (LineSource lines = LineSource.open(path)) {
            String first = lines.nextLine();
            if (first == null) {
                throw lines.error(0, "is empty");
            }
            return recognise(first).orElseThrow(() -> lines.error(lines.lineNumber(),
                    "cannot tell the format: expected a FASTA header ('>name'), a UCI line ('class, id, sequence') "
                            + "or a tab-separated header line; set the parameter format"));
        }
    }

    static Optional<InputFormat> recognise(String firstLine) {
        if (firstLine.strip().startsWith(">")) {
            return Optional.of(FASTA);
        }
        String[] fields = firstLine.split(",", -1);
        if (fields.length == 3 && BASES.matcher(fields[2].strip()).matches()) {
            return Optional.of(UCI);
        }
        return firstLine.indexOf('\t') >= 0 ? Optional.of(TSV) : Optional.empty();
    }
}
