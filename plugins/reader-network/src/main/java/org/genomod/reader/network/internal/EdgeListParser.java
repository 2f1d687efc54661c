package org.genomod.reader.network.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.genomod.api.data.InputFormatException;
import org.genomod.api.train.Cancellation;
import org.genomod.reader.network.internal.ReaderOptions.Column;
import org.genomod.reader.network.internal.ReaderOptions.EdgeKind;

/**
 * Delimited edge lists: one edge per line, source and target in two columns, optionally a weight or
 * sign column; other columns (TRRUST's PMIDs) are ignored. Every line must have as many fields as the
 * first. {@code #} comments and blank lines are skipped.
 *
 * <p>Header detection ({@code header: auto}): the first line is a header when a column is given by
 * name, or else when neither of its two node names occurs on any other line. A real first edge is
 * almost never isolated from the rest of its network, while header words such as {@code protein1}
 * never recur as nodes; the decision is made after the whole file is read, and reported.
 */
final class EdgeListParser {
    static final int CANCELLATION_INTERVAL = 4096;

    /** What the parse found out about the file's layout. */
    /**
     * @param header   the first line's fields when it was read as a header, else {@code null}
     * @param profiles what the columns after the second hold; empty unless asked for
     */
    record Layout(FieldSplitter.Delimiter delimiter, int fields, List<String> header, long rows,
                  List<ColumnProfile> profiles) {
    }

    private final Column sourceColumn;
    private final Column targetColumn;
    private final Column valueColumn;
    private final EdgeKind kind;
    private final Boolean header;
    private final FieldSplitter.Delimiter delimiter;
    private final Cancellation cancellation;

    EdgeListParser(ReaderOptions options, Cancellation cancellation) {
        this(options.sourceColumn(), options.targetColumn(),
                options.edgeKind() == EdgeKind.SIGN ? options.signColumn() : options.weightColumn(), options.edgeKind(),
                options.namesAColumn() ? Boolean.TRUE : options.header(), options.delimiter(), cancellation);
    }

    private EdgeListParser(Column sourceColumn, Column targetColumn, Column valueColumn, EdgeKind kind, Boolean header,
                           FieldSplitter.Delimiter delimiter, Cancellation cancellation) {
        this.sourceColumn = sourceColumn;
        this.targetColumn = targetColumn;
        this.valueColumn = valueColumn;
        this.kind = kind;
        this.header = header;
        this.delimiter = delimiter;
        this.cancellation = cancellation;
    }

    /** The layout of an undeclared file: nodes in columns 1 and 2, header and delimiter detected. */
    static EdgeListParser forInspection(Cancellation cancellation) {
        return new EdgeListParser(new Column(1, null), new Column(2, null), null, EdgeKind.NONE, null, null, cancellation);
    }

    /**
     * @param profile whether to learn what each column after the second holds, and check it (inspection)
     */
    Layout parse(LineSource lines, EdgeSink sink, boolean profile) throws IOException {
        String first = lines.nextLine();
        if (first == null) {
            throw lines.error(0, "is empty");
        }
        long firstLine = lines.lineNumber();
        FieldSplitter splitter = new FieldSplitter(delimiter != null ? delimiter : FieldSplitter.Delimiter.of(first));
        int fieldCount = splitter.split(first);
        String[] firstFields = splitter.fields();
        if (fieldCount < 2) {
            throw lines.error(firstLine, "has 1 " + splitter.delimiter().describe()
                    + " field; an edge list needs a source and a target on each line");
        }
        String[] names = header == Boolean.TRUE ? firstFields : null;
        int source = resolve(lines, sourceColumn, "source_column", names, fieldCount);
        int target = resolve(lines, targetColumn, "target_column", names, fieldCount);
        int value = valueColumn == null ? -1
                : resolve(lines, valueColumn, kind == EdgeKind.SIGN ? "sign_column" : "weight_column", names, fieldCount);
        if (source == target) {
            throw lines.error(0, "source_column and target_column are the same column " + (source + 1));
        }
        ColumnProfile[] profiles = profile ? new ColumnProfile[fieldCount] : null;
        if (profile) {
            for (int c = 2; c < fieldCount; c++) {
                profiles[c] = new ColumnProfile(c + 1);
            }
        }
        RowReader rows = new RowReader(lines, sink, splitter, source, target, value, profiles);
        boolean deferFirst = header == null;
        if (header == Boolean.FALSE) {
            rows.row(firstFields, firstLine, false);
        }
        String firstSource = firstFields[source];
        String firstTarget = firstFields[target];
        boolean firstNamesRecur = false;
        long dataRows = header == Boolean.FALSE ? 1 : 0;
        for (String line = lines.nextLine(); line != null; line = lines.nextLine()) {
            if (dataRows % CANCELLATION_INTERVAL == 0 && cancellation.isCancelled()) {
                throw new CancellationException("reading " + lines.path() + " was cancelled: " + cancellation.reason());
            }
            int count = splitter.split(line);
            if (count != fieldCount) {
                throw lines.error(lines.lineNumber(), "has " + count + " " + splitter.delimiter().describe()
                        + " fields, but line " + firstLine + " has " + fieldCount);
            }
            if (deferFirst && !firstNamesRecur) {
                firstNamesRecur = mentions(splitter.field(source), firstSource, firstTarget)
                        || mentions(splitter.field(target), firstSource, firstTarget);
            }
            rows.row(null, lines.lineNumber(), false);
            dataRows++;
        }
        boolean firstIsHeader = header == Boolean.TRUE || deferFirst && !firstNamesRecur;
        if (deferFirst && !firstIsHeader) {
            rows.row(firstFields, firstLine, true);
            dataRows++;
        }
        if (dataRows == 0) {
            throw lines.error(firstLine, header == Boolean.TRUE ? "the file has a header line but no edges"
                    : "the only line was read as a header, so there are no edges; set header: false if it is an edge");
        }
        List<ColumnProfile> learnt = new ArrayList<>();
        if (profile) {
            for (int c = 2; c < fieldCount; c++) {
                profiles[c].check(lines.path());
                learnt.add(profiles[c]);
            }
        }
        return new Layout(splitter.delimiter(), fieldCount, firstIsHeader ? List.of(firstFields) : null, dataRows,
                List.copyOf(learnt));
    }

    private static boolean mentions(String name, String a, String b) {
        return name.equals(a) || name.equals(b);
    }

    /** The 0-based index of a column given by number or by header name. */
    private static int resolve(LineSource lines, Column column, String parameter, String[] header, int fieldCount)
            throws InputFormatException {
        if (column.name() != null) {
            for (int i = 0; i < header.length; i++) {
                if (header[i].equalsIgnoreCase(column.name())) {
                    return i;
                }
            }
            throw lines.error(0, parameter + " '" + column.name() + "' is not a column of the header: "
                    + String.join(", ", header));
        }
        if (column.number() > fieldCount) {
            throw lines.error(0, parameter + " " + column.number() + " does not exist: the lines have "
                    + fieldCount + " fields");
        }
        return column.number() - 1;
    }

    /** Turns the split fields of one line into an edge. */
    private final class RowReader {
        private final LineSource lines;
        private final EdgeSink sink;
        private final FieldSplitter splitter;
        private final int source;
        private final int target;
        private final int value;
        private final ColumnProfile[] profiles;

        RowReader(LineSource lines, EdgeSink sink, FieldSplitter splitter, int source, int target, int value,
                  ColumnProfile[] profiles) {
            this.lines = lines;
            this.sink = sink;
            this.splitter = splitter;
            this.source = source;
            this.target = target;
            this.value = value;
            this.profiles = profiles;
        }

        /**
         * @param fields      the line's fields, or {@code null} for the splitter's current ones
         * @param mayBeHeader the deferred first line, which the hint for a bad value mentions
         */
        void row(String[] fields, long line, boolean mayBeHeader) throws InputFormatException {
            String from = field(fields, source);
            String to = field(fields, target);
            if (from.isEmpty() || to.isEmpty()) {
                throw lines.error(line, "has an empty " + (from.isEmpty() ? "source" : "target") + " node name");
            }
            double weight = 1;
            int sign = EdgeValues.UNKNOWN;
            if (profiles != null && profiles.length > 2) {
                // inspection: a numeric third column is taken as weights, so that 0 rows are no edges
                double stated = EdgeValues.weight(field(fields, 2));
                weight = Double.isNaN(stated) ? 1 : stated;
            }
            if (value >= 0) {
                String text = field(fields, value);
                String hint = mayBeHeader ? "; if line " + line + " names the columns, set header: true" : "";
                if (kind == EdgeKind.WEIGHT) {
                    weight = EdgeValues.weight(text);
                    if (Double.isNaN(weight)) {
                        throw lines.error(line, "weight '" + text + "' in column " + (value + 1)
                                + " is not a finite number" + hint);
                    }
                } else {
                    sign = EdgeValues.sign(text);
                    if (sign == EdgeValues.INVALID) {
                        throw lines.error(line, "sign '" + text + "' in column " + (value + 1) + " is not one of "
                                + EdgeValues.SIGN_WORDS + hint);
                    }
                }
            }
            if (profiles != null) {
                for (int c = 2; c < profiles.length; c++) {
                    if (profiles[c] != null) {
                        profiles[c].observe(field(fields, c), line);
                    }
                }
            }
            sink.edge(from, to, weight, sign, line);
        }

        private String field(String[] fields, int index) {
            return fields != null ? fields[index] : splitter.field(index);
        }
    }
}
