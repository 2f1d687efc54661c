package org.genomod.core.internal.report;

import java.util.ArrayList;
import java.util.List;

/**
 * An x/y line chart: loss curves, ROC and precision-recall curves with their confidence bands, reliability
 * curves. A non-finite value breaks its line rather than the chart; series with few points get markers so
 * that a single epoch still shows.
 */
final class LineChart {
    private static final double BOTTOM = 42;
    private static final double LEGEND_ROW = 16;
    private static final int MARKER_LIMIT = 25;
    private static final int TICKS = 5;

    private final Svg.Plot plot;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private double[] xDomain;
    private double[] yDomain;
    private boolean diagonal;
    private boolean wholeX;
    private double width = 380;
    private double height = 290;

    /** One line; {@code low} and {@code high} (both or neither) bound a shaded band in the line's colour. */
    record Series(String name, double[] x, double[] y, double[] low, double[] high) {
    }

    LineChart(Svg.Plot plot, String xLabel, String yLabel) {
        this.plot = plot;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    LineChart line(String name, double[] x, double[] y) {
        series.add(new Series(name, x, y, null, null));
        return this;
    }

    LineChart band(String name, double[] x, double[] y, double[] low, double[] high) {
        series.add(new Series(name, x, y, low, high));
        return this;
    }

    /** Fixes the axes (e.g. [0, 1] for rates) instead of fitting them to the data. */
    LineChart domain(double xLow, double xHigh, double yLow, double yHigh) {
        xDomain = new double[] {xLow, xHigh};
        yDomain = new double[] {yLow, yHigh};
        return this;
    }

    /** Draws y = x as a dashed reference (chance ROC, perfect calibration). */
    LineChart diagonal() {
        diagonal = true;
        return this;
    }

    /** The x values are counts (epochs): ticks fall on whole numbers only. */
    LineChart wholeNumbersOnX() {
        wholeX = true;
        return this;
    }

    LineChart size(double width, double height) {
        this.width = width;
        this.height = height;
        return this;
    }

    Markup render() {
        List<double[]> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        for (Series s : series) {
            xs.add(s.x());
            ys.add(s.y());
            ys.add(s.low());
            ys.add(s.high());
        }
        double[] xExtent = xDomain != null ? xDomain : LinearScale.padded(LinearScale.extent(xs.toArray(double[][]::new)), 0.03);
        double[] yExtent = yDomain != null ? yDomain : LinearScale.padded(LinearScale.extent(ys.toArray(double[][]::new)), 0.05);
        int legendRows = legendRows();
        double total = height + legendRows * LEGEND_ROW;
        double plotBottom = height - BOTTOM;
        LinearScale x = new LinearScale(xExtent[0], xExtent[1], Svg.LEFT, width - Svg.RIGHT, wholeX ? 1 : 0);
        LinearScale y = new LinearScale(yExtent[0], yExtent[1], plotBottom, Svg.TOP);

        Markup m = Svg.open(new Markup(), plot, width, total);
        String clip = plot.id() + "-clip";
        m.open("defs").open("clipPath", "id", clip)
                .empty("rect", "x", Svg.LEFT, "y", Svg.TOP, "width", width - Svg.RIGHT - Svg.LEFT, "height", plotBottom - Svg.TOP)
                .close("clipPath").close("defs");
        axes(m, x, y, plotBottom);
        m.open("g", "clip-path", "url(#" + clip + ")");
        if (diagonal) {
            double lo = Math.max(x.low(), y.low());
            double hi = Math.min(x.high(), y.high());
            m.empty("line", "class", "reference", "x1", x.apply(lo), "y1", y.apply(lo), "x2", x.apply(hi), "y2", y.apply(hi),
                    "stroke", "#999", "stroke-dasharray", "4 3");
        }
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            if (s.low() != null && s.high() != null) {
                String band = bandPath(s, x, y).toString();
                if (!band.isEmpty()) {
                    m.empty("path", "class", "band", "d", band, "fill", Svg.colour(i), "fill-opacity", "0.18", "stroke", "none");
                }
            }
        }
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            m.open("g", "class", "series-group", "data-series", s.name());
            m.empty("path", "class", "series", "d", linePath(s, x, y).toString(), "fill", "none",
                    "stroke", Svg.colour(i), "stroke-width", "2");
            if (finitePoints(s) <= MARKER_LIMIT) {
                for (int k = 0; k < Math.min(s.x().length, s.y().length); k++) {
                    if (Double.isFinite(s.x()[k]) && Double.isFinite(s.y()[k])) {
                        m.empty("circle", "class", "marker", "cx", x.apply(s.x()[k]), "cy", y.apply(s.y()[k]), "r", 3.0,
                                "fill", Svg.colour(i));
                    }
                }
            }
            m.close("g");
        }
        m.close("g");
        legend(m, plotBottom + BOTTOM);
        return m.close("svg");
    }

    private void axes(Markup m, LinearScale x, LinearScale y, double plotBottom) {
        m.open("g", "class", "axes", "font-size", "11", "fill", Svg.AXIS_COLOUR);
        for (double t : x.ticks(TICKS)) {
            double px = x.apply(t);
            m.empty("line", "x1", px, "y1", Svg.TOP, "x2", px, "y2", plotBottom, "stroke", Svg.GRID_COLOUR);
            m.element("text", x.label(t, TICKS), "x", px, "y", plotBottom + 14, "text-anchor", "middle");
        }
        for (double t : y.ticks(TICKS)) {
            double py = y.apply(t);
            m.empty("line", "x1", Svg.LEFT, "y1", py, "x2", width - Svg.RIGHT, "y2", py, "stroke", Svg.GRID_COLOUR);
            m.element("text", y.label(t, TICKS), "x", Svg.LEFT - 5, "y", py + 4, "text-anchor", "end");
        }
        m.empty("rect", "x", Svg.LEFT, "y", Svg.TOP, "width", width - Svg.RIGHT - Svg.LEFT, "height", plotBottom - Svg.TOP, "fill", "none",
                "stroke", Svg.AXIS_COLOUR);
        m.element("text", xLabel, "x", (Svg.LEFT + width - Svg.RIGHT) / 2, "y", plotBottom + 32, "text-anchor", "middle");
        double cy = (Svg.TOP + plotBottom) / 2;
        Svg.yTitle(m, yLabel, cy);
        m.close("g");
    }

    private static Svg.PathData linePath(Series s, LinearScale x, LinearScale y) {
        Svg.PathData d = new Svg.PathData();
        boolean drawing = false;
        for (int k = 0; k < Math.min(s.x().length, s.y().length); k++) {
            double xv = s.x()[k];
            double yv = s.y()[k];
            if (!Double.isFinite(xv) || !Double.isFinite(yv)) {
                drawing = false;
            } else if (drawing) {
                d.lineTo(x.apply(xv), y.apply(yv));
            } else {
                d.moveTo(x.apply(xv), y.apply(yv));
                drawing = true;
            }
        }
        return d;
    }

    /** One closed polygon per run of points where x, low and high are all finite. */
    private static Svg.PathData bandPath(Series s, LinearScale x, LinearScale y) {
        Svg.PathData d = new Svg.PathData();
        int n = Math.min(s.x().length, Math.min(s.low().length, s.high().length));
        int start = 0;
        while (start < n) {
            while (start < n && !bandPoint(s, start)) {
                start++;
            }
            int end = start;
            while (end < n && bandPoint(s, end)) {
                end++;
            }
            if (end - start >= 2) {
                d.moveTo(x.apply(s.x()[start]), y.apply(s.high()[start]));
                for (int k = start + 1; k < end; k++) {
                    d.lineTo(x.apply(s.x()[k]), y.apply(s.high()[k]));
                }
                for (int k = end - 1; k >= start; k--) {
                    d.lineTo(x.apply(s.x()[k]), y.apply(s.low()[k]));
                }
                d.close();
            }
            start = end;
        }
        return d;
    }

    private static boolean bandPoint(Series s, int k) {
        return Double.isFinite(s.x()[k]) && Double.isFinite(s.low()[k]) && Double.isFinite(s.high()[k]);
    }

    private static int finitePoints(Series s) {
        int n = 0;
        for (int k = 0; k < Math.min(s.x().length, s.y().length); k++) {
            if (Double.isFinite(s.x()[k]) && Double.isFinite(s.y()[k])) {
                n++;
            }
        }
        return n;
    }

    /** Legend entries flow left to right below the x label; a rough character width decides the wrapping. */
    private int legendRows() {
        if (series.size() < 2) {
            return 0;
        }
        int rows = 1;
        double at = Svg.LEFT;
        for (Series s : series) {
            double w = legendWidth(s);
            if (at + w > width - Svg.RIGHT && at > Svg.LEFT) {
                rows++;
                at = Svg.LEFT;
            }
            at += w;
        }
        return rows;
    }

    private void legend(Markup m, double top) {
        if (series.size() < 2) {
            return;
        }
        m.open("g", "class", "legend", "font-size", "11", "fill", Svg.AXIS_COLOUR);
        double at = Svg.LEFT;
        double row = top + 4;
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            double w = legendWidth(s);
            if (at + w > width - Svg.RIGHT && at > Svg.LEFT) {
                row += LEGEND_ROW;
                at = Svg.LEFT;
            }
            m.empty("line", "x1", at, "y1", row, "x2", at + 14, "y2", row, "stroke", Svg.colour(i), "stroke-width", "3");
            m.element("text", s.name(), "x", at + 18, "y", row + 4);
            at += w;
        }
        m.close("g");
    }

    private static double legendWidth(Series s) {
        return 30 + 6.5 * s.name().length();
    }
}
