package org.genomod.reader.expression.internal;

import org.genomod.reader.support.LineSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.genomod.api.data.InputFormatException;
import org.genomod.api.train.Cancellation;

/**
 * Streams a matrix file row by row: reads the format's preamble and header, decides which column
 * holds the row ids and which hold values, and hands each row's parsed values to a {@link Sink}. It
 * checks everything that can be checked while streaming: field counts, duplicate row and column ids,
 * numbers, missing values and the format's own bookkeeping (GCT's dimensions, SOFT's table end).
 */
final class MatrixParser {
    /** Rows between cancellation checks. */
    private static final int CANCELLATION_INTERVAL = 1024;
    private static final String TABLE_BEGIN = "!dataset_table_begin";
    private static final String TABLE_END = "!dataset_table_end";

    /** Receives the value columns once, then every row. */
    interface Sink {
        void columns(List<String> names) throws IOException;

        /** @param values the row's values, NaN where missing; reused for the next row, so copy what you keep */
        void row(String id, long line, float[] values) throws IOException;
    }

    /**
     * What the caller knows about the columns.
     *
     * @param idColumn          the column of row ids; {@code null} for the format's default
     * @param ignoreColumns     columns that are neither ids nor values (every column of each name)
     * @param inferTextColumns  also skip the columns whose first value is text (the inspector, which has no parameters)
     * @param allowMissing      whether missing cells are accepted (as NaN) or an error
     * @param rowKind           what a row is, for messages: {@code gene} or {@code sample}
     * @param columnKind        what a value column is
     */
    record Rules(String idColumn, Set<String> ignoreColumns, boolean inferTextColumns, boolean allowMissing,
                 ValueTransform transform, String rowKind, String columnKind) {
    }

    /**
     * What a complete read found.
     *
     * @param idColumn    the name of the column that held the row ids
     * @param textColumns columns skipped besides the id column, in file order
     * @param subsets     a SOFT file's subsets; {@code null} for other formats
     * @param declaredRows a SOFT file's {@code !dataset_feature_count}, or -1
     */
    record Summary(int rows, String idColumn, List<String> columns, List<String> textColumns, long missingCells,
                   SoftSubsets subsets, long declaredRows) {
    }

    /**
     * Which field holds what, once the header (and, for R-style headers, the first row) is known.
     *
     * @param idCandidates the id column, or when guessing, every text column before the first value column
     * @param textFields   the fields that are neither values nor the given id column
     */
    private record Layout(int width, int[] idCandidates, int[] valueIndex, String[] valueNames, List<Integer> textFields) {
    }

    private final LineSource lines;
    private final MatrixFormat format;
    private final Rules rules;
    private final Cancellation cancellation;
    private final Fields fields;

    MatrixParser(LineSource lines, MatrixFormat format, Rules rules, Cancellation cancellation) {
        this.lines = lines;
        this.format = format;
        this.rules = rules;
        this.cancellation = cancellation;
        this.fields = format.fields();
    }

    Summary parse(Sink sink) throws IOException {
        long declaredRows = -1;
        long declaredColumns = -1;
        SoftSubsets subsets = null;
        if (format == MatrixFormat.GCT) {
            long[] dimensions = gctDimensions();
            declaredRows = dimensions[0];
            declaredColumns = dimensions[1];
        } else if (format == MatrixFormat.SOFT) {
            subsets = new SoftSubsets();
            declaredRows = softPreamble(subsets);
        }

        String header = lines.nextLine();
        if (header == null) {
            throw lines.error(0, format == MatrixFormat.SOFT ? "ends after " + TABLE_BEGIN + ": the file is truncated"
                    : format == MatrixFormat.GCT ? "ends before its header line" : "is empty");
        }
        if (format == MatrixFormat.SOFT && header.startsWith(TABLE_END)) {
            throw lines.error(lines.lineNumber(), "has an empty dataset table");
        }
        long headerLine = lines.lineNumber();
        if (!fields.split(header)) {
            throw lines.error(headerLine, "has a quoted field that is not closed");
        }
        String[] names = fields.texts();

        String line = nextRow();
        if (line == null) {
            throw lines.error(headerLine, "has a header but no data rows");
        }
        if (!fields.split(line)) {
            throw lines.error(lines.lineNumber(), "has a quoted field that is not closed");
        }
        if (isRStyle(names)) {
            // R's write.table leaves out the corner cell: the header names the value columns only
            String[] withCorner = new String[names.length + 1];
            withCorner[0] = "";
            System.arraycopy(names, 0, withCorner, 1, names.length);
            names = withCorner;
        }
        Layout layout = layout(names, headerLine);
        if (declaredColumns >= 0 && layout.valueIndex.length != declaredColumns) {
            throw lines.error(headerLine, "names " + layout.valueIndex.length + " sample columns, but line 2 declares "
                    + declaredColumns);
        }
        sink.columns(List.of(layout.valueNames));

        float[] values = new float[layout.valueIndex.length];
        RowIds ids = new RowIds(layout.idCandidates);
        long missing = 0;
        int rows = 0;
        while (line != null) {
            long number = lines.lineNumber();
            if (rows % CANCELLATION_INTERVAL == 0 && cancellation.isCancelled()) {
                throw new CancellationException("reading " + lines.path() + " was cancelled: " + cancellation.reason());
            }
            if (rows > 0 && !fields.split(line)) {
                throw lines.error(number, "has a quoted field that is not closed");
            }
            if (fields.count() != layout.width) {
                throw lines.error(number, "has " + fields.count() + " fields, expected " + layout.width
                        + " as in the header (line " + headerLine + ")");
            }
            String id = ids.check(number);
            missing += parseValues(layout, values, number);
            sink.row(id, number, values);
            rows++;
            line = nextRow();
        }
        if (declaredRows >= 0 && format == MatrixFormat.GCT && rows != declaredRows) {
            throw lines.error(0, "has " + rows + " data rows, but line 2 declares " + declaredRows);
        }
        int idField = ids.idField();
        List<String> textColumns = new ArrayList<>();
        for (int field = 0; field < names.length; field++) {
            if (field != idField && (layout.textFields.contains(field) || field == layout.idCandidates[0])) {
                textColumns.add(names[field]);
            }
        }
        return new Summary(rows, names[idField], List.of(layout.valueNames), textColumns, missing, subsets, declaredRows);
    }

    /**
     * Checks that row ids are present and unique. With a known id column a problem is an error at once;
     * when the inspector guesses, every text column before the values is a candidate, and a problem
     * only rules a candidate out (a first column of gene descriptions may repeat where the accession
     * column beside it does not) until none is left.
     */
    private final class RowIds {
        private final int[] candidates;
        private final List<Map<String, Long>> seen = new ArrayList<>();
        private final InputFormatException[] problems;
        private int standing;

        RowIds(int[] candidates) {
            this.candidates = candidates;
            this.problems = new InputFormatException[candidates.length];
            this.standing = candidates.length;
            for (int i = 0; i < candidates.length; i++) {
                seen.add(new HashMap<>());
            }
        }

        /** The row's id in the first candidate still standing. */
        String check(long number) throws InputFormatException {
            String result = null;
            for (int c = 0; c < candidates.length; c++) {
                if (problems[c] != null) {
                    continue;
                }
                String id = fields.text(candidates[c]);
                Long first = id.isEmpty() ? null : seen.get(c).putIfAbsent(id, number);
                if (id.isEmpty() || first != null) {
                    problems[c] = lines.error(number, id.isEmpty() ? "has an empty " + rules.rowKind + " id"
                            : "duplicate " + rules.rowKind + " id '" + id + "' (first on line " + first + ")");
                    seen.set(c, null);
                    if (--standing == 0) {
                        throw problems[0];
                    }
                } else if (result == null) {
                    result = id;
                }
            }
            return result;
        }

        int idField() {
            for (int c = 0; c < candidates.length; c++) {
                if (problems[c] == null) {
                    return candidates[c];
                }
            }
            throw new IllegalStateException("no id column left");
        }
    }

    private int parseValues(Layout layout, float[] values, long number) throws InputFormatException {
        int missing = 0;
        char[] text = fields.chars();
        for (int k = 0; k < values.length; k++) {
            int field = layout.valueIndex[k];
            int from = fields.start(field);
            int to = fields.end(field);
            if (Decimals.isMissing(text, from, to)) {
                if (!rules.allowMissing) {
                    throw lines.error(number, "column '" + layout.valueNames[k] + "' (field " + (field + 1) + ") has the missing value '"
                            + fields.text(field) + "'; set missing: nan or zero to accept missing values");
                }
                values[k] = Float.NaN;
                missing++;
                continue;
            }
            double value;
            try {
                value = Decimals.parse(text, from, to);
            } catch (NumberFormatException e) {
                throw lines.error(number, "column '" + layout.valueNames[k] + "' (field " + (field + 1) + "): '"
                        + fields.text(field) + "' is not a number");
            }
            double transformed = rules.transform.apply(value);
            if (Double.isNaN(transformed)) {
                throw lines.error(number, "column '" + layout.valueNames[k] + "' (field " + (field + 1) + "): value "
                        + fields.text(field) + " is outside the domain of " + rules.transform.log().id() + " ("
                        + rules.transform.domain() + "); set clip_min or log_transform: none");
            }
            values[k] = (float) transformed;
        }
        return missing;
    }

    /** The next data row, or {@code null} at the end of the matrix (for SOFT: at {@code !dataset_table_end}). */
    private String nextRow() throws IOException {
        String line = lines.nextLine();
        if (format != MatrixFormat.SOFT) {
            return line;
        }
        if (line == null) {
            throw lines.error(0, "ends after line " + lines.lineNumber() + " without " + TABLE_END
                    + ": the file is truncated");
        }
        return line.startsWith(TABLE_END) ? null : line;
    }

    /** A CSV or TSV header with one name fewer than the rows, and no id column named: R's row-name layout. */
    private boolean isRStyle(String[] names) {
        return (format == MatrixFormat.CSV || format == MatrixFormat.TSV) && rules.idColumn == null
                && fields.count() == names.length + 1;
    }

    private Layout layout(String[] names, long headerLine) throws InputFormatException {
        int idIndex = idIndex(names, headerLine);
        Set<Integer> skipped = new LinkedHashSet<>();
        if (format == MatrixFormat.GCT) {
            skipped.add(1);
        } else if (format == MatrixFormat.SOFT) {
            int identifier = Arrays.asList(names).indexOf("IDENTIFIER");
            if (identifier >= 0 && identifier != idIndex) {
                skipped.add(identifier);
            }
        }
        for (String ignored : rules.ignoreColumns) {
            boolean found = false;
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(ignored)) {
                    skipped.add(i);
                    found = true;
                }
            }
            if (!found) {
                throw lines.error(headerLine, "ignore_columns names '" + ignored + "', which is not a column");
            }
        }
        if (rules.inferTextColumns) {
            for (int i = 0; i < Math.min(names.length, fields.count()); i++) {
                if (i != idIndex && !skipped.contains(i) && isText(i)) {
                    skipped.add(i);
                }
            }
        }
        List<Integer> valueFields = new ArrayList<>();
        List<Integer> textFields = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            if (i == idIndex) {
                continue;
            }
            if (skipped.contains(i)) {
                textFields.add(i);
            } else {
                valueFields.add(i);
            }
        }
        if (valueFields.isEmpty()) {
            throw lines.error(headerLine, "has no value columns besides the id column '" + names[idIndex] + "'");
        }
        int[] valueIndex = valueFields.stream().mapToInt(Integer::intValue).toArray();
        String[] valueNames = new String[valueIndex.length];
        Map<String, Integer> firstField = new HashMap<>();
        for (int k = 0; k < valueIndex.length; k++) {
            String name = names[valueIndex[k]];
            if (name.isEmpty()) {
                throw lines.error(headerLine, "field " + (valueIndex[k] + 1) + " has no " + rules.columnKind + " name");
            }
            Integer earlier = firstField.putIfAbsent(name, valueIndex[k]);
            if (earlier != null) {
                throw lines.error(headerLine, "duplicate " + rules.columnKind + " id '" + name + "' in fields "
                        + (earlier + 1) + " and " + (valueIndex[k] + 1));
            }
            valueNames[k] = name;
        }
        List<Integer> candidates = new ArrayList<>(List.of(idIndex));
        if (rules.inferTextColumns) {
            textFields.stream().filter(f -> f < valueIndex[0]).forEach(candidates::add);
        }
        return new Layout(names.length, candidates.stream().mapToInt(Integer::intValue).toArray(), valueIndex,
                valueNames, List.copyOf(textFields));
    }

    private boolean isText(int field) {
        int from = fields.start(field);
        int to = fields.end(field);
        if (Decimals.isMissing(fields.chars(), from, to)) {
            return false;
        }
        try {
            Decimals.parse(fields.chars(), from, to);
            return false;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private int idIndex(String[] names, long headerLine) throws InputFormatException {
        if (format == MatrixFormat.GCT) {
            if (names.length < 2 || !names[0].equalsIgnoreCase("Name") || !names[1].equalsIgnoreCase("Description")) {
                throw lines.error(headerLine, "GCT header must begin with the columns Name and Description");
            }
        }
        String wanted = rules.idColumn != null ? rules.idColumn
                : format == MatrixFormat.SOFT ? "ID_REF" : null;
        if (wanted == null) {
            return 0;
        }
        int index = -1;
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(wanted)) {
                if (index >= 0) {
                    throw lines.error(headerLine, "has two columns named '" + wanted + "' (fields " + (index + 1)
                            + " and " + (i + 1) + "), so the id column is ambiguous");
                }
                index = i;
            }
        }
        if (index < 0) {
            throw lines.error(headerLine, "has no id column '" + wanted + "' (columns: " + preview(names) + ")");
        }
        return index;
    }

    private static String preview(String[] names) {
        List<String> shown = Arrays.asList(names).subList(0, Math.min(names.length, 8));
        return String.join(", ", shown) + (names.length > 8 ? ", ... (" + names.length + ")" : "");
    }

    /** Reads {@code #1.2} and the dimensions line; returns {rows, columns}. */
    private long[] gctDimensions() throws IOException {
        String version = lines.nextLine();
        if (version == null) {
            throw lines.error(0, "is empty");
        }
        if (!version.strip().equals("#1.2")) {
            throw lines.error(lines.lineNumber(), "GCT must begin with '#1.2', found '" + abbreviate(version)
                    + "'" + (version.startsWith("#1.3") ? " (GCT 1.3 is not supported)" : ""));
        }
        String dimensions = lines.nextLine();
        if (dimensions == null) {
            throw lines.error(0, "ends after its version line");
        }
        String[] parts = dimensions.strip().split("\\s+");
        try {
            if (parts.length < 2) {
                throw new NumberFormatException();
            }
            long rows = Long.parseLong(parts[0]);
            long columns = Long.parseLong(parts[1]);
            if (rows < 1 || columns < 1) {
                throw new NumberFormatException();
            }
            return new long[] {rows, columns};
        } catch (NumberFormatException e) {
            throw lines.error(lines.lineNumber(), "GCT dimensions line must be 'rows<TAB>columns' with positive numbers, found '"
                    + abbreviate(dimensions) + "'");
        }
    }

    /**
     * Reads a GDS file up to and including {@code !dataset_table_begin}, collecting the subsets.
     *
     * @return the declared {@code !dataset_feature_count}, or -1
     */
    private long softPreamble(SoftSubsets subsets) throws IOException {
        long declared = -1;
        SoftSubsets.Subset subset = null;
        for (String line = lines.nextLine(); line != null; line = lines.nextLine()) {
            if (line.startsWith(TABLE_BEGIN)) {
                return declared;
            }
            int eq = line.indexOf('=');
            String key = (eq < 0 ? line : line.substring(0, eq)).strip();
            String value = eq < 0 ? "" : line.substring(eq + 1).strip();
            if (key.startsWith("^")) {
                String entity = key.substring(1);
                if (entity.equals("SERIES") || entity.equals("PLATFORM") || entity.equals("SAMPLE")) {
                    throw lines.error(lines.lineNumber(), "is a GEO " + entity.toLowerCase(java.util.Locale.ROOT) + " SOFT file; this reader reads "
                            + "dataset (GDS) SOFT files, whose table lies between " + TABLE_BEGIN + " and " + TABLE_END);
                }
                subset = entity.equals("SUBSET") ? subsets.begin(value, lines.lineNumber()) : null;
            } else if (key.startsWith("!subset_") && subset != null) {
                SoftSubsets.attribute(subset, key, value);
            } else if (key.equals("!dataset_feature_count")) {
                try {
                    declared = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw lines.error(lines.lineNumber(), "!dataset_feature_count is not a number: '" + abbreviate(value) + "'");
                }
            } else if (!key.startsWith("!") && !key.startsWith("#")) {
                throw lines.error(lines.lineNumber(), "is not a SOFT line (expected ^, ! or # before "
                        + TABLE_BEGIN + "): '" + abbreviate(line) + "'");
            }
        }
        throw lines.error(0, "has no " + TABLE_BEGIN + " line: not a GEO dataset (GDS) SOFT file, or truncated");
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
