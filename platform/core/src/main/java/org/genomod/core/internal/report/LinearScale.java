package org.genomod.core.internal.report;

import java.util.ArrayList;
import java.util.List;

/** Maps a data interval onto a pixel interval and picks round tick values (1, 2 or 5 times a power of ten). */
final class LinearScale {
    private final double low;
    private final double high;
    private final double from;
    private final double to;
    private final double minimumStep;

    /** {@code from}, {@code to}: the pixels of {@code low} and {@code high} (to < from for a y axis). */
    LinearScale(double low, double high, double from, double to) {
        this(low, high, from, to, 0);
    }

    /** As above, with ticks at least {@code minimumStep} apart (1 for epochs: no tick at epoch 2.5). */
    LinearScale(double low, double high, double from, double to, double minimumStep) {
        double[] domain = usable(low, high);
        this.low = domain[0];
        this.high = domain[1];
        this.from = from;
        this.to = to;
        this.minimumStep = minimumStep;
    }

    /** {@code [low, high]} widened by {@code fraction} of its span on each side, so no point sits on the frame. */
    static double[] padded(double[] extent, double fraction) {
        double pad = (extent[1] - extent[0]) * fraction;
        return new double[] {extent[0] - pad, extent[1] + pad};
    }

    /** The interval spanning the finite values, or [0, 1] when there are none. */
    static double[] extent(double[]... series) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] values : series) {
            if (values == null) {
                continue;
            }
            for (double v : values) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return lo <= hi ? new double[] {lo, hi} : new double[] {0, 1};
    }

    /** A non-empty finite interval: a single value is widened so that it sits in the middle. */
    private static double[] usable(double low, double high) {
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            return new double[] {0, 1};
        }
        if (low > high) {
            return new double[] {high, low};
        }
        if (low == high) {
            double pad = low == 0 ? 1 : Math.abs(low) * 0.1;
            return new double[] {low - pad, high + pad};
        }
        return new double[] {low, high};
    }

    double low() {
        return low;
    }

    double high() {
        return high;
    }

    double apply(double value) {
        return from + (value - low) / (high - low) * (to - from);
    }

    /** Round values inside the domain, about {@code count} of them. */
    List<Double> ticks(int count) {
        double step = step(count);
        List<Double> ticks = new ArrayList<>();
        double first = Math.ceil(low / step - 1e-9) * step;
        for (int i = 0; first + i * step <= high + step * 1e-9 && i <= 2 * count + 2; i++) {
            double t = first + i * step;
            ticks.add(Math.abs(t) < step * 1e-9 ? 0.0 : t); // no "-0"
        }
        return ticks;
    }

    double step(int count) {
        double raw = (high - low) / Math.max(1, count);
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / magnitude;
        double nice = fraction < 1.5 ? 1 : fraction < 3.5 ? 2 : fraction < 7.5 ? 5 : 10;
        return Math.max(nice * magnitude, minimumStep);
    }

    /** A tick label with just enough decimals for the tick step. */
    String label(double tick, int count) {
        double step = step(count);
        int decimals = (int) Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
        if (Math.abs(tick) >= 1e6 || decimals > 6) {
            return String.format(java.util.Locale.ROOT, "%.2g", tick);
        }
        return String.format(java.util.Locale.ROOT, "%." + decimals + "f", tick);
    }
}
