package org.genomod.reader.network.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Predicate;
import org.genomod.api.data.InputFormatException;
import org.genomod.api.train.Cancellation;
import org.genomod.reader.network.internal.ReaderOptions.Column;

/**
 * A side table keyed by node name (features, labels): the node in the first column, then values,
 * separated by tabs (or commas, or whitespace, as the first line shows); every line has the same number
 * of fields. The first line is a header when its first field is not a node of the network; either way
 * it describes no node of the network, so nothing is lost by the choice. Rows of nodes outside the
 * network are counted and ignored, so one table can serve several networks (or a filtered one).
 */
final class NodeTable {
    private final Path file;
    private final List<String> header;
    private final int columns;
    private final Map<String, String[]> rows;
    private final Map<String, Long> lines;
    private final long ignoredRows;

    private NodeTable(Path file, List<String> header, int columns, Map<String, String[]> rows, Map<String, Long> lines,
                      long ignoredRows) {
        this.file = file;
        this.header = header;
        this.columns = columns;
        this.rows = rows;
        this.lines = lines;
        this.ignoredRows = ignoredRows;
    }

    static NodeTable read(Path file, Predicate<String> isNode, Cancellation cancellation) throws IOException {
        Map<String, String[]> rows = new HashMap<>();
        Map<String, Long> lines = new HashMap<>();
        long ignored = 0;
        try (LineSource source = LineSource.open(file)) {
            String line = source.nextLine();
            if (line == null) {
                throw source.error(0, "is empty");
            }
            long firstLine = source.lineNumber();
            FieldSplitter splitter = new FieldSplitter(FieldSplitter.Delimiter.of(line));
            int columns = splitter.split(line);
            if (columns < 2) {
                throw source.error(firstLine, "has 1 " + splitter.delimiter().describe()
                        + " field; the table needs a node column and at least one value column");
            }
            List<String> header = null;
            long count = 0;
            for (; line != null; line = source.nextLine()) {
                if (count++ % EdgeListParser.CANCELLATION_INTERVAL == 0 && cancellation.isCancelled()) {
                    throw new CancellationException("reading " + file + " was cancelled: " + cancellation.reason());
                }
                long number = source.lineNumber();
                int fields = splitter.split(line);
                if (fields != columns) {
                    throw source.error(number, "has " + fields + " " + splitter.delimiter().describe()
                            + " fields, but line " + firstLine + " has " + columns);
                }
                String node = splitter.field(0);
                if (node.isEmpty()) {
                    throw source.error(number, "has an empty node name");
                }
                if (!isNode.test(node)) {
                    if (number == firstLine) {
                        header = List.of(splitter.fields());
                    } else {
                        ignored++;
                    }
                    continue;
                }
                Long first = lines.putIfAbsent(node, number);
                if (first != null) {
                    throw source.error(number, "node '" + node + "' has a second row (the first is line " + first + ")");
                }
                rows.put(node, splitter.fields());
            }
            return new NodeTable(file, header, columns, rows, lines, ignored);
        }
    }

    Path file() {
        return file;
    }

    /** The header's fields, or {@code null} when the first line describes a node. */
    List<String> header() {
        return header;
    }

    int columns() {
        return columns;
    }

    /** The row of a node of the network, or {@code null} when the table has none. */
    String[] row(String node) {
        return rows.get(node);
    }

    long line(String node) {
        Long line = lines.get(node);
        return line == null ? 0 : line;
    }

    /** Rows for nodes that are not in the network. */
    long ignoredRows() {
        return ignoredRows;
    }

    /** The 0-based index of a value column given by number or header name. */
    int column(Column column, String parameter) throws InputFormatException {
        if (column.name() != null) {
            if (header == null) {
                throw new InputFormatException(file, 0, parameter + " '" + column.name()
                        + "' needs a header line, but the first line describes a node of the network");
            }
            for (int i = 1; i < header.size(); i++) {
                if (header.get(i).equalsIgnoreCase(column.name())) {
                    return i;
                }
            }
            throw new InputFormatException(file, 0, parameter + " '" + column.name() + "' is not a column of the header: "
                    + String.join(", ", header));
        }
        if (column.number() == 1) {
            throw new InputFormatException(file, 0, parameter + " 1 is the node column");
        }
        if (column.number() > columns) {
            throw new InputFormatException(file, 0, parameter + " " + column.number() + " does not exist: the lines have "
                    + columns + " fields");
        }
        return column.number() - 1;
    }
}
