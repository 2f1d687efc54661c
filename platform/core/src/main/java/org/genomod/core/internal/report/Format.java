package org.genomod.core.internal.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** How numbers and long strings read in the report's text. */
final class Format {
    static final String MISSING = "\u2014"; // an em dash for null, NaN and absent values

    private Format() {
    }

    /** Four significant digits (whole numbers from 1,000 up keep their digits); no value reads as a dash. */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            return MISSING;
        }
        double magnitude = Math.abs(value);
        if (magnitude != 0 && (magnitude < 1e-4 || magnitude >= 1e12)) {
            return String.format(Locale.ROOT, "%.3e", value);
        }
        if (magnitude >= 1000) {
            return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
        }
        return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }

    /** Seconds as "4.4 s", "2 min 13 s" or "1 h 02 min". */
    static String duration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return MISSING;
        }
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long s = Math.round(seconds);
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60);
    }

    /** At most {@code limit} characters, an ellipsis marking the cut. */
    static String shorten(String text, int limit) {
        if (text == null) {
            return MISSING;
        }
        return text.length() <= limit ? text : text.substring(0, Math.max(1, limit - 1)) + "\u2026";
    }
}
