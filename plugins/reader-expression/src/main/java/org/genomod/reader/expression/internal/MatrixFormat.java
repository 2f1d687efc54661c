package org.genomod.reader.expression.internal;

import org.genomod.reader.support.LineSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The matrix layouts this reader understands, and how to tell them apart. */
enum MatrixFormat {
    /** Comma-separated, header line first, first column the row ids; quoted fields allowed. */
    CSV(',', true),
    /** Tab-separated, otherwise as CSV. */
    TSV('\t', true),
    /** Broad GCT 1.2: {@code #1.2}, a {@code rows<TAB>columns} line, then {@code Name Description samples...}. */
    GCT('\t', false),
    /** GEO SOFT of a dataset (GDS): metadata lines, then the table between {@code !dataset_table_begin} and {@code _end}. */
    SOFT('\t', false);

    private final char delimiter;
    private final boolean quoting;

    MatrixFormat(char delimiter, boolean quoting) {
        this.delimiter = delimiter;
        this.quoting = quoting;
    }

    Fields fields() {
        return new Fields(delimiter, quoting);
    }

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static MatrixFormat of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }

    /** The format named by the file's extension ({@code .gz} aside), if it names one. */
    static Optional<MatrixFormat> byName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        if (name.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        if (name.endsWith(".tsv") || name.endsWith(".tab") || name.endsWith(".txt")) {
            return Optional.of(TSV);
        }
        if (name.endsWith(".gct")) {
            return Optional.of(GCT);
        }
        if (name.endsWith(".soft")) {
            return Optional.of(SOFT);
        }
        return Optional.empty();
    }

    /** The format of a first line: {@code #1.x} is GCT, {@code ^} or {@code !} SOFT, then a tab TSV, a comma CSV. */
    static Optional<MatrixFormat> byContent(String firstLine) {
        String line = firstLine.strip();
        if (line.startsWith("#1.")) {
            return Optional.of(GCT);
        }
        if (line.startsWith("^") || line.startsWith("!")) {
            return Optional.of(SOFT);
        }
        if (line.indexOf('\t') >= 0) {
            return Optional.of(TSV);
        }
        return line.indexOf(',') >= 0 ? Optional.of(CSV) : Optional.empty();
    }

    /** The format by extension, else by the first line. */
    static MatrixFormat detect(Path path) throws IOException {
        Optional<MatrixFormat> named = byName(path);
        if (named.isPresent()) {
            return named.get();
        }
        try (LineSource lines = LineSource.open(path)) {
            String first = lines.nextLine();
            if (first == null) {
                throw lines.error(0, "is empty");
            }
            return byContent(first).orElseThrow(() -> lines.error(lines.lineNumber(),
                    "cannot tell the format from the name or the first line: expected a CSV or TSV header, "
                            + "GCT's '#1.2' or a GEO SOFT line; set the parameter format"));
        }
    }
}
