package org.genomod.reader.expression.internal;

import java.util.Locale;

/**
 * The per-cell transform applied while reading: clipping to {@code [min, max]}, then a logarithm. It
 * looks at one value at a time, so it uses no statistic of other samples and may run before the
 * split; per-gene standardisation, which does, is the platform's {@code data.transform} step, fitted
 * on the training split only.
 */
final class ValueTransform {
    /** The {@code log_transform} parameter. */
    enum Log {
        NONE, LOG2, LOG2P1;

        static Log of(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final double LN2 = Math.log(2);
    private final Log log;
    private final double min;
    private final double max;

    /**
     * @param min the lower clip, or negative infinity for none
     * @param max the upper clip, or positive infinity for none
     */
    ValueTransform(Log log, double min, double max) {
        this.log = log;
        this.min = min;
        this.max = max;
    }

    /** The transformed value, or NaN when the logarithm is undefined there (see {@link #domain()}). */
    double apply(double value) {
        double v = value < min ? min : value > max ? max : value;
        return switch (log) {
            case NONE -> v;
            case LOG2 -> v > 0 ? Math.log(v) / LN2 : Double.NaN;
            case LOG2P1 -> v > -1 ? Math.log1p(v) / LN2 : Double.NaN;
        };
    }

    /** The values the logarithm accepts, for error messages. */
    String domain() {
        return log == Log.LOG2 ? "values > 0" : "values > -1";
    }

    Log log() {
        return log;
    }

    double min() {
        return min;
    }

    double max() {
        return max;
    }
}
