package org.genomod.reader.network.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Parses the values an edge may carry: a sign (TRRUST's mode of regulation, SIF types) or a weight. */
final class EdgeValues {
    static final int POSITIVE = 1;
    static final int NEGATIVE = -1;
    /** A sign that is stated but not known (TRRUST's {@code Unknown}, RegulonDB's {@code ?} or {@code +-}). */
    static final int UNKNOWN = 0;
    /** Not a sign word at all. */
    static final int INVALID = Integer.MIN_VALUE;

    /** Human list of the accepted sign words, for error messages. */
    static final String SIGN_WORDS = "Activation/Repression/Unknown, +/-/?, 1/-1/0, activates/inhibits, up/down";

    private static final Map<String, Integer> SIGNS = signs();

    private EdgeValues() {
    }

    private static Map<String, Integer> signs() {
        Map<String, Integer> signs = new HashMap<>();
        for (String w : new String[] {"activation", "activates", "activator", "activating", "induction", "induces",
                "stimulation", "stimulates", "positive", "up", "upregulates", "up-regulates", "+", "+1", "1"}) {
            signs.put(w, POSITIVE);
        }
        for (String w : new String[] {"repression", "represses", "repressor", "repressing", "inhibition", "inhibits",
                "inhibitor", "negative", "down", "downregulates", "down-regulates", "-", "-1"}) {
            signs.put(w, NEGATIVE);
        }
        for (String w : new String[] {"unknown", "unsigned", "?", "0", "+-", "-+", "dual", "na", "."}) {
            signs.put(w, UNKNOWN);
        }
        // the spellings of TRRUST and RegulonDB as they are, so the common case needs no lower-casing
        signs.put("Activation", POSITIVE);
        signs.put("Repression", NEGATIVE);
        signs.put("Unknown", UNKNOWN);
        return Map.copyOf(signs);
    }

    /** {@link #POSITIVE}, {@link #NEGATIVE}, {@link #UNKNOWN} or {@link #INVALID}; case-insensitive. */
    static int sign(String text) {
        Integer sign = SIGNS.get(text);
        if (sign == null) {
            sign = SIGNS.get(text.toLowerCase(Locale.ROOT));
        }
        return sign == null ? INVALID : sign;
    }

    /**
     * A finite decimal number such as {@code 0.7}, {@code -2}, {@code 1e-3}; {@code NaN} for anything
     * else, including what {@link Double#parseDouble} would also take ({@code NaN}, {@code Infinity},
     * hexadecimal, a trailing {@code d} or {@code f}), since those are never meant as weights.
     */
    static double weight(String text) {
        if (!isDecimal(text)) {
            return Double.NaN;
        }
        double value = Double.parseDouble(text);
        return Double.isInfinite(value) ? Double.NaN : value;
    }

    private static boolean isDecimal(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponent = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                exponent++;
            }
            if (exponent == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
