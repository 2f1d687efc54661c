package org.genomod.reader.expression.internal;

/**
 * Parses the numeric cells of a matrix in place (in the line's characters), without a substring per cell. The grammar is strict
 * ({@code [+-]digits[.digits][(e|E)[+-]digits]}, or {@code .5}), unlike {@link Double#parseDouble}, which
 * also takes {@code 1f}, {@code 0x1p3} and {@code Infinity}. Numbers of at most 15 significant digits
 * and a decimal exponent within ±22 are computed exactly as {@code m × 10^e} or {@code m / 10^-e}: both
 * operands are exact doubles, so the one rounding gives the correctly rounded value (Clinger's fast
 * path). Anything longer goes through {@link Double#parseDouble}.
 */
final class Decimals {
    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    private static final int EXACT_DIGITS = 15;

    private Decimals() {
    }

    /** Whether {@code s[from, to)} is a missing-value token: empty, {@code NA}, {@code NaN} or {@code null}, any case. */
    static boolean isMissing(char[] s, int from, int to) {
        int n = to - from;
        return n == 0
                || n == 2 && is(s, from, "na")
                || n == 3 && is(s, from, "nan")
                || n == 4 && is(s, from, "null");
    }

    private static boolean is(char[] s, int from, String lower) {
        for (int i = 0; i < lower.length(); i++) {
            if (Character.toLowerCase(s[from + i]) != lower.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The finite number in {@code s[from, to)}.
     *
     * @throws NumberFormatException when the text is not a decimal number or overflows a double
     */
    static double parse(char[] s, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (s[i] == '-' || s[i] == '+')) {
            negative = s[i] == '-';
            i++;
        }
        long mantissa = 0;
        int significant = 0;
        int exponent = 0;
        int digits = 0;
        boolean point = false;
        for (; i < to; i++) {
            char c = s[i];
            if (c >= '0' && c <= '9') {
                digits++;
                if (mantissa == 0 && c == '0') {
                    exponent -= point ? 1 : 0; // a leading zero only shifts the point
                } else if (significant < 18) {
                    mantissa = mantissa * 10 + (c - '0');
                    significant++;
                    exponent -= point ? 1 : 0;
                } else {
                    significant++; // beyond a long's precision: left to the slow path
                    exponent += point ? 0 : 1;
                }
            } else if (c == '.' && !point) {
                point = true;
            } else {
                break;
            }
        }
        if (digits == 0) {
            throw new NumberFormatException();
        }
        if (i < to) {
            char c = s[i];
            if (c != 'e' && c != 'E') {
                throw new NumberFormatException();
            }
            i++;
            boolean negativeExponent = false;
            if (i < to && (s[i] == '-' || s[i] == '+')) {
                negativeExponent = s[i] == '-';
                i++;
            }
            if (i == to) {
                throw new NumberFormatException();
            }
            int written = 0;
            for (; i < to; i++) {
                char d = s[i];
                if (d < '0' || d > '9') {
                    throw new NumberFormatException();
                }
                written = Math.min(written * 10 + (d - '0'), 100_000);
            }
            exponent += negativeExponent ? -written : written;
        }
        double value;
        if (mantissa == 0) {
            value = 0;
        } else if (significant <= EXACT_DIGITS && Math.abs(exponent) < POWERS_OF_TEN.length) {
            value = exponent >= 0 ? mantissa * POWERS_OF_TEN[exponent] : mantissa / POWERS_OF_TEN[-exponent];
        } else {
            value = Math.abs(Double.parseDouble(new String(s, from, to - from)));
        }
        if (Double.isInfinite(value)) {
            throw new NumberFormatException();
        }
        return negative ? -value : value;
    }
}
