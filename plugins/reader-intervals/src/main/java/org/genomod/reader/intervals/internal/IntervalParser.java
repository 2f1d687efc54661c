package org.genomod.reader.intervals.internal;

import htsjdk.samtools.SAMException;
import htsjdk.samtools.SAMSequenceDictionary;
import htsjdk.samtools.SAMSequenceRecord;
import htsjdk.samtools.SAMTextHeaderCodec;
import htsjdk.samtools.util.BufferedLineReader;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.genomod.api.data.InputFormatException;

/**
 * Streams the intervals of a BED, narrowPeak or Picard interval-list file, checking every line and
 * stopping at the first malformed one with its line number. Header lines ({@code #...},
 * {@code track}, {@code browser}; {@code @...} for interval lists) and blank lines are skipped.
 *
 * <p>Fields are tab-separated; a line without tabs is split at runs of spaces, as older BED files
 * are. Every data line must have the first data line's number of columns. The parser locates fields
 * by offsets and allocates only the strings a record keeps.
 */
final class IntervalParser implements Closeable {
    private static final int MAX_FIELDS = 64;
    private final LineSource lines;
    private IntervalFormat format;
    private final StringBuilder header = new StringBuilder();
    private SAMSequenceDictionary dictionary;
    private int columns;
    private long firstDataLine;
    private final int[] from = new int[MAX_FIELDS];
    private final int[] to = new int[MAX_FIELDS];
    private int fields;
    private String line;
    private long records;

    private IntervalParser(LineSource lines, IntervalFormat format) {
        this.lines = lines;
        this.format = format;
    }

    /**
     * @param format {@code null} to decide by the file name ({@code .narrowPeak}, {@code .interval_list}),
     *               else by the first data line: ENCODE ships narrowPeak files named {@code .bed.gz}
     */
    static IntervalParser open(Path path, IntervalFormat format) throws IOException {
        IntervalFormat named = IntervalFormat.byName(path);
        IntervalFormat known = format != null ? format : named == IntervalFormat.BED ? null : named;
        return new IntervalParser(LineSource.open(path), known);
    }

    Path path() {
        return lines.path();
    }

    /** The format being read; decided at the latest by the first data line. */
    IntervalFormat format() {
        return format == null ? IntervalFormat.BED : format;
    }

    /** Columns per data line (0 before the first). */
    int columns() {
        return columns;
    }

    long records() {
        return records;
    }

    /** The sequence dictionary of an interval list's header; {@code null} for other formats. */
    SAMSequenceDictionary dictionary() {
        return dictionary;
    }

    /**
     * Reads the next interval into {@code record}.
     *
     * @return false at the end of the file
     * @throws InputFormatException for a malformed line
     */
    boolean next(IntervalRecord record) throws IOException {
        while ((line = lines.nextLine()) != null) {
            if (!line.isEmpty() && line.charAt(line.length() - 1) == '\r') {
                line = line.substring(0, line.length() - 1);
            }
            if (isBlank(line) || isHeader(line)) {
                continue;
            }
            parse(record);
            records++;
            return true;
        }
        if (format == IntervalFormat.INTERVAL_LIST && dictionary == null) {
            readHeader();
        }
        return false;
    }

    private boolean isHeader(String s) {
        char c = s.charAt(0);
        if (c == '@' && columns == 0 && (format == null || format == IntervalFormat.INTERVAL_LIST)) {
            format = IntervalFormat.INTERVAL_LIST;
            header.append(s).append('\n');
            return true;
        }
        if (c == '#') {
            return true;
        }
        return format != IntervalFormat.INTERVAL_LIST && (startsWord(s, "track") || startsWord(s, "browser"));
    }

    private static boolean startsWord(String s, String word) {
        return s.startsWith(word) && (s.length() == word.length() || Character.isWhitespace(s.charAt(word.length())));
    }

    private static boolean isBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private void parse(IntervalRecord record) throws IOException {
        split();
        for (int i = 0; i < fields; i++) {
            if (from[i] == to[i]) {
                throw error("column " + (i + 1) + " is empty (two tabs in a row, or a tab at the end of the line)");
            }
        }
        if (columns == 0) {
            firstLine();
        } else if (fields != columns) {
            throw error("has " + plural(fields, "column") + ", but line " + firstDataLine + " (the first interval) has "
                    + columns + "; every line of a " + format().id() + " file needs the same number of columns");
        }
        record.clear();
        record.line = lines.lineNumber();
        record.contig = contig(record.contig);
        if (format == IntervalFormat.INTERVAL_LIST) {
            parseIntervalList(record);
        } else {
            parseBed(record);
        }
    }

    private void firstLine() throws IOException {
        if (format == null) {
            format = looksLikeNarrowPeak() ? IntervalFormat.NARROWPEAK : IntervalFormat.BED;
        }
        if (format == IntervalFormat.INTERVAL_LIST) {
            readHeader();
        }
        int min = format.minColumns();
        if (fields < min || format != IntervalFormat.BED && fields != min) {
            String expected = format == IntervalFormat.BED ? "at least 3 (chrom, start, end)" : Integer.toString(min);
            throw error("has " + plural(fields, "column") + " but " + format.id() + " lines have " + expected
                    + ", separated by tabs");
        }
        columns = fields;
        firstDataLine = lines.lineNumber();
    }

    private boolean looksLikeNarrowPeak() {
        return fields == 10 && isNumber(6) && isNumber(7) && isNumber(8) && isInteger(9);
    }

    private void parseBed(IntervalRecord r) throws IOException {
        r.start = coordinate(1, "start", 0);
        r.end = coordinate(2, "end", 0);
        if (r.end < r.start) {
            throw error("end " + r.end + " is before start " + r.start);
        }
        if (fields > 3) {
            r.name = name(3);
        }
        if (fields > 4 && !isDot(4)) {
            r.score = number(4, "score");
        }
        if (fields > 5) {
            r.strand = strand(5, "+, - or .");
        }
        if (format == IntervalFormat.NARROWPEAK) {
            r.signal = number(6, "signalValue");
            number(7, "pValue");
            number(8, "qValue");
            long summit = integer(9, "peak");
            if (summit < -1 || summit >= Math.max(1, r.length())) {
                throw error("column 10 (peak) is " + summit + ", but the summit offset must be -1 (none) or lie "
                        + "inside the interval's " + r.length() + " bases (0 to " + (r.length() - 1) + ")");
            }
            r.summit = (int) summit;
        }
    }

    private void parseIntervalList(IntervalRecord r) throws IOException {
        int start = coordinate(1, "start", 1);
        r.end = coordinate(2, "end", 0);
        if (r.end < start - 1) {
            throw error("end " + r.end + " is before start " + start);
        }
        r.start = start - 1;
        r.strand = strand(3, "+ or -");
        if (r.strand == '.') {
            throw error("column 4 (strand) is '.', but interval lists need + or -");
        }
        r.name = name(4);
        SAMSequenceRecord sequence = dictionary.getSequence(r.contig);
        if (sequence == null) {
            throw error("contig '" + r.contig + "' is not among the header's @SQ lines");
        }
        if (r.end > sequence.getSequenceLength()) {
            throw error("end " + r.end + " lies beyond the end of " + r.contig + " (length "
                    + sequence.getSequenceLength() + " in the header)");
        }
    }

    private void readHeader() throws InputFormatException {
        if (header.length() == 0) {
            throw new InputFormatException(lines.path(), 0, "is an interval list without a SAM header (@HD/@SQ lines)");
        }
        try {
            dictionary = new SAMTextHeaderCodec().decode(new BufferedLineReader(new ByteArrayInputStream(header.toString().getBytes(StandardCharsets.UTF_8))), lines.path().toString())
                    .getSequenceDictionary();
        } catch (SAMException | IllegalArgumentException e) {
            throw new InputFormatException(lines.path(), 0, "has a malformed SAM header: " + e.getMessage());
        }
        if (dictionary.isEmpty()) {
            throw new InputFormatException(lines.path(), 0, "has no @SQ lines in its header, so its contigs are unknown");
        }
    }

    /** Locates the fields of {@link #line} and rejects binary content. */
    private void split() throws IOException {
        fields = 0;
        boolean tabs = line.indexOf('\t') >= 0;
        int n = line.length();
        int start = 0;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? line.charAt(i) : '\t';
            if (i < n && (c < 0x20 && c != '\t' || c == 0xfffd)) {
                throw error("is not text (character " + (i + 1) + " is " + String.format("0x%02X", (int) c)
                        + "); this does not look like a " + format().id() + " file");
            }
            boolean separator = tabs ? c == '\t' : c == '\t' || c == ' ';
            if (!separator) {
                continue;
            }
            if (tabs || i > start) {
                if (fields == MAX_FIELDS) {
                    throw error("has more than " + MAX_FIELDS + " columns");
                }
                from[fields] = start;
                to[fields] = i;
                fields++;
            }
            start = i + 1;
        }
    }

    /** Reuses the previous record's contig string while the contig stays the same (sorted files). */
    private String contig(String previous) throws IOException {
        int length = to[0] - from[0];
        if (previous != null && previous.length() == length && line.regionMatches(from[0], previous, 0, length)) {
            return previous;
        }
        return field(0);
    }

    private int coordinate(int index, String column, int min) throws IOException {
        long value = integer(index, column);
        if (value < min) {
            throw error("column " + (index + 1) + " (" + column + ") is " + value + "; coordinates "
                    + (min == 0 ? "cannot be negative" : "start at " + min + " in this format"));
        }
        if (value > Integer.MAX_VALUE) {
            throw error("column " + (index + 1) + " (" + column + ") is " + value + ", beyond the largest supported coordinate "
                    + Integer.MAX_VALUE);
        }
        return (int) value;
    }

    private long integer(int index, String column) throws IOException {
        int i = from[index];
        int end = to[index];
        boolean negative = i < end && line.charAt(i) == '-';
        if (negative) {
            i++;
        }
        if (i == end || end - i > 12) {
            throw notA("an integer", index, column);
        }
        long value = 0;
        for (; i < end; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                throw notA("an integer", index, column);
            }
            value = value * 10 + (c - '0');
        }
        return negative ? -value : value;
    }

    private double number(int index, String column) throws IOException {
        if (!isNumber(index)) {
            throw notA("a number", index, column);
        }
        return Double.parseDouble(field(index));
    }

    private boolean isNumber(int index) {
        int i = from[index];
        int end = to[index];
        if (i < end && (line.charAt(i) == '-' || line.charAt(i) == '+')) {
            i++;
        }
        boolean digits = false;
        boolean point = false;
        boolean exponent = false;
        for (; i < end; i++) {
            char c = line.charAt(i);
            if (c >= '0' && c <= '9') {
                digits = true;
            } else if (c == '.' && !point && !exponent) {
                point = true;
            } else if ((c == 'e' || c == 'E') && digits && !exponent && i + 1 < end) {
                exponent = true;
                if (line.charAt(i + 1) == '-' || line.charAt(i + 1) == '+') {
                    i++;
                }
            } else {
                return false;
            }
        }
        return digits && line.charAt(end - 1) != 'e' && line.charAt(end - 1) != 'E';
    }

    private boolean isInteger(int index) {
        int i = from[index];
        int end = to[index];
        if (i < end && line.charAt(i) == '-') {
            i++;
        }
        if (i == end) {
            return false;
        }
        for (; i < end; i++) {
            if (line.charAt(i) < '0' || line.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private boolean isDot(int index) {
        return to[index] - from[index] == 1 && line.charAt(from[index]) == '.';
    }

    private String name(int index) {
        return isDot(index) ? null : field(index);
    }

    private char strand(int index, String allowed) throws IOException {
        if (to[index] - from[index] == 1) {
            char c = line.charAt(from[index]);
            if (c == '+' || c == '-' || c == '.') {
                return c;
            }
        }
        throw error("column " + (index + 1) + " (strand) is '" + field(index) + "'; expected " + allowed);
    }

    private String field(int index) {
        return line.substring(from[index], to[index]);
    }

    private InputFormatException notA(String what, int index, String column) {
        String value = field(index);
        return error("column " + (index + 1) + " (" + column + ") is '" + (value.length() > 40 ? value.substring(0, 40) + "..." : value)
                + "', which is not " + what);
    }

    private InputFormatException error(String problem) {
        return new InputFormatException(lines.path(), lines.lineNumber(), problem);
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
