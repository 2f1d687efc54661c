package org.genomod.reader.vcf.internal;

import htsjdk.variant.vcf.VCFHeaderLineType;

/**
 * Whether text in a line is certain to parse as htsjdk parses it ({@code Integer.parseInt},
 * {@code Double.parseDouble}), told from its characters alone. The answers are deliberately narrow:
 * {@code false} means "not certain" ({@code NaN}, {@code Infinity}, ten-digit integers, {@code 1d}), and
 * the caller then leaves the record to htsjdk. The {@code ...End} methods read a value from {@code from}
 * and return where it ends, so a list is checked in one pass.
 */
final class ValueSyntax {
    private ValueSyntax() {
    }

    /** An optional sign and 1 to 9 digits: within {@code int} whatever the digits. */
    static boolean isInteger(byte[] b, int from, int to) {
        return integerEnd(b, from, to) == to;
    }

    /** 1 to 9 digits, no sign: a position or an allele index. */
    static boolean isCount(byte[] b, int from, int to) {
        int digits = digits(b, from, to);
        return digits == to - from && digits >= 1 && digits <= 9;
    }

    /** A decimal number: optional sign, digits with an optional fraction (or a fraction alone), optional exponent. */
    static boolean isFloat(byte[] b, int from, int to) {
        return floatEnd(b, from, to) == to;
    }

    /** {@link #isFloat} without a sign, so never negative: a QUAL that needs no further check. */
    static boolean isUnsignedFloat(byte[] b, int from, int to) {
        return from < to && b[from] != '-' && b[from] != '+' && floatEnd(b, from, to) == to;
    }

    /** Where an integer ({@link #isInteger}) starting at {@code from} ends, or -1 when none starts there. */
    static int integerEnd(byte[] b, int from, int to) {
        int p = from;
        if (p < to && (b[p] == '-' || b[p] == '+')) {
            p++;
        }
        int digits = digits(b, p, to);
        return digits >= 1 && digits <= 9 ? p + digits : -1;
    }

    /** Where a decimal number ({@link #isFloat}) starting at {@code from} ends, or -1 when none starts there. */
    static int floatEnd(byte[] b, int from, int to) {
        int p = from;
        if (p < to && (b[p] == '-' || b[p] == '+')) {
            p++;
        }
        int whole = digits(b, p, to);
        p += whole;
        int fraction = 0;
        if (p < to && b[p] == '.') {
            p++;
            fraction = digits(b, p, to);
            p += fraction;
        }
        if (whole + fraction == 0) {
            return -1;
        }
        if (p < to && (b[p] == 'e' || b[p] == 'E')) {
            p++;
            if (p < to && (b[p] == '-' || b[p] == '+')) {
                p++;
            }
            int exponent = digits(b, p, to);
            if (exponent == 0) {
                return -1;
            }
            p += exponent;
        }
        return p;
    }

    /**
     * Whether htsjdk's {@code VariantContext.fullyDecode} accepts a value of a field of {@code type}: each
     * of its comma-separated parts is {@code .} (missing) or of the type; a Flag value must be {@code 1}
     * or {@code true}. An empty part passes only as text.
     */
    static boolean decodes(VCFHeaderLineType type, byte[] b, int from, int to) {
        if (type == VCFHeaderLineType.String || type == VCFHeaderLineType.Character) {
            return true;
        }
        for (int p = from; ; ) {
            int e;
            if (p < to && b[p] == '.' && (p + 1 == to || b[p + 1] == ',')) {
                e = p + 1;
            } else if (type == VCFHeaderLineType.Integer) {
                e = integerEnd(b, p, to);
            } else if (type == VCFHeaderLineType.Float) {
                e = floatEnd(b, p, to);
            } else { // Flag
                e = p < to && b[p] == '1' ? p + 1 : isTrue(b, p, to) ? p + 4 : -1;
            }
            if (e < 0) {
                return false;
            }
            if (e == to) {
                return true;
            }
            if (b[e] != ',') {
                return false;
            }
            p = e + 1;
        }
    }

    static boolean is(byte[] b, int from, int to, char c) {
        return to - from == 1 && b[from] == c;
    }

    static boolean is(byte[] b, int from, int to, String ascii) {
        if (to - from != ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (b[from + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** {@code true} in any case at {@code from}, as {@code Boolean.valueOf} reads it. */
    private static boolean isTrue(byte[] b, int from, int to) {
        return to - from >= 4 && (b[from] | 0x20) == 't' && (b[from + 1] | 0x20) == 'r' && (b[from + 2] | 0x20) == 'u'
                && (b[from + 3] | 0x20) == 'e';
    }

    private static int digits(byte[] b, int from, int to) {
        int p = from;
        while (p < to && b[p] >= '0' && b[p] <= '9') {
            p++;
        }
        return p - from;
    }
}
