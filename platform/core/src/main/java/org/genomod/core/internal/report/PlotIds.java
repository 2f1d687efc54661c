package org.genomod.core.internal.report;

/** Hands out page-unique plot ids ({@code plot-1}, {@code plot-2}, ...), which SVG clip paths rely on. */
final class PlotIds {
    private int next = 1;

    Svg.Plot next(String kind, String title) {
        return new Svg.Plot(kind, "plot-" + next++, title);
    }
}
