package org.genomod.core.internal.report;

/** What every plot shares: the {@code <svg>} element that names the plot, coordinates and path data. */
final class Svg {
    /** The frame around a plot's drawing area, shared so that stacked plots line up. */
    static final double LEFT = 58;
    static final double RIGHT = 14;
    static final double TOP = 28;
    static final String NAMESPACE = "http://www.w3.org/2000/svg";
    static final String AXIS_COLOUR = "#444";
    static final String GRID_COLOUR = "#e4e4e4";
    /** Series colours (Okabe-Ito, readable by colour-blind readers), reused in turn. */
    static final String[] PALETTE = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"};

    private Svg() {
    }

    /**
     * Opens a plot: {@code data-plot} names its kind (the report test looks plots up by it), {@code id} is
     * unique in the page and the title doubles as the accessible name and the hover text.
     */
    static Markup open(Markup m, Plot plot, double width, double height) {
        m.open("svg", "xmlns", NAMESPACE, "class", "plot", "data-plot", plot.kind(), "id", plot.id(), "role", "img",
                "aria-label", plot.title(), "width", Math.ceil(width), "height", Math.ceil(height),
                "viewBox", "0 0 " + number(Math.ceil(width)) + " " + number(Math.ceil(height)));
        m.element("title", plot.title());
        m.element("text", plot.title(), "class", "plot-title", "x", 8.0, "y", 16.0);
        return m;
    }

    /** A y-axis title, turned to run up the left edge beside the drawing area's middle {@code cy}. */
    static void yTitle(Markup m, String text, double cy) {
        m.element("text", text, "x", 14.0, "y", cy, "text-anchor", "middle", "transform", "rotate(-90 14 " + number(cy) + ")");
    }

    static String colour(int series) {
        return PALETTE[Math.floorMod(series, PALETTE.length)];
    }

    /** A coordinate with at most two decimals and never an exponent; non-finite values are clamped to 0. */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            return "0";
        }
        long hundredths = Math.round(value * 100);
        StringBuilder s = new StringBuilder();
        if (hundredths < 0) {
            s.append('-');
            hundredths = -hundredths;
        }
        s.append(hundredths / 100);
        long fraction = hundredths % 100;
        if (fraction != 0) {
            s.append('.').append(fraction / 10);
            if (fraction % 10 != 0) {
                s.append(fraction % 10);
            }
        }
        return s.toString();
    }

    /** Path data ({@code d}) built point by point. */
    static final class PathData {
        private final StringBuilder d = new StringBuilder();

        PathData moveTo(double x, double y) {
            d.append(d.isEmpty() ? "" : " ").append('M').append(number(x)).append(' ').append(number(y));
            return this;
        }

        PathData lineTo(double x, double y) {
            d.append(" L").append(number(x)).append(' ').append(number(y));
            return this;
        }

        PathData close() {
            d.append(" Z");
            return this;
        }

        boolean isEmpty() {
            return d.isEmpty();
        }

        @Override
        public String toString() {
            return d.toString();
        }
    }

    /** A plot's identity in the page. */
    record Plot(String kind, String id, String title) {
    }
}
