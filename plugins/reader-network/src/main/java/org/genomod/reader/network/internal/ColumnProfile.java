package org.genomod.reader.network.internal;

import java.util.Locale;
import org.genomod.api.data.InputFormatException;

/**
 * What an extra column of an edge list holds, learnt while inspecting a file whose layout nobody
 * declared: signs, numbers (weights) or free text (PMIDs, evidence). A column is taken to be of a
 * kind when at least two of its values are and at most one in a hundred (at least one) is not; the
 * values that are not are then errors, such as {@code Activaton} among TRRUST's modes.
 */
final class ColumnProfile {
    private final int column;
    private long values;
    private long signs;
    private final long[] signCounts = new long[3];
    private long numbers;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private String firstNonSign;
    private long firstNonSignLine;
    private String firstNonNumber;
    private long firstNonNumberLine;

    /** @param column 1-based */
    ColumnProfile(int column) {
        this.column = column;
    }

    void observe(String value, long line) {
        values++;
        int sign = EdgeValues.sign(value);
        if (sign != EdgeValues.INVALID) {
            signs++;
            signCounts[sign + 1]++;
        } else if (firstNonSign == null) {
            firstNonSign = value;
            firstNonSignLine = line;
        }
        double number = EdgeValues.weight(value);
        if (!Double.isNaN(number)) {
            numbers++;
            min = Math.min(min, number);
            max = Math.max(max, number);
        } else if (firstNonNumber == null) {
            firstNonNumber = value;
            firstNonNumberLine = line;
        }
    }

    /** A column of 0/1 values is both signs and numbers; numbers win, as 0 there means "no edge". */
    boolean isNumeric() {
        return isMostly(numbers);
    }

    boolean isSigns() {
        return !isNumeric() && isMostly(signs);
    }

    private boolean isMostly(long count) {
        return count >= 2 && values - count <= Math.max(1, values / 100);
    }

    /** Throws for the first value that does not fit the column's kind. */
    void check(java.nio.file.Path file) throws InputFormatException {
        if (isNumeric() && numbers < values) {
            throw new InputFormatException(file, firstNonNumberLine, "'" + firstNonNumber + "' in column " + column
                    + " is not a number, but " + numbers + " of the column's " + values + " values are (weights?)");
        }
        if (isSigns() && signs < values) {
            throw new InputFormatException(file, firstNonSignLine, "'" + firstNonSign + "' in column " + column
                    + " is not a sign (" + EdgeValues.SIGN_WORDS + "), but " + signs + " of the column's " + values
                    + " values are");
        }
    }

    /** 1-based. */
    int column() {
        return column;
    }

    /** A short description for the summary line, or {@code null} for free text. */
    String describe() {
        if (isNumeric()) {
            return String.format(Locale.ROOT, "numbers %s..%s", format(min), format(max));
        }
        if (isSigns()) {
            return String.format(Locale.ROOT, "signs +%d -%d ?%d", signCounts[2], signCounts[0], signCounts[1]);
        }
        return null;
    }

    private static String format(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
