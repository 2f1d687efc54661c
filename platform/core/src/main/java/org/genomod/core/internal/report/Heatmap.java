package org.genomod.core.internal.report;

import java.util.List;

/**
 * A confusion matrix as a heatmap: rows are the true classes, columns the predicted ones; a cell's shade is
 * its share of the row (the class's recall on the diagonal), so rare classes read as clearly as common
 * ones, and it shows its count when there is room.
 */
final class Heatmap {
    private static final int LABEL_CHARS = 16;

    private final Svg.Plot plot;
    private final List<String> labels;
    private final long[][] counts;
    private final String rowAxis;
    private final String columnAxis;

    /** {@code counts[r][c]}: examples of true class r predicted as c; labels name both rows and columns. */
    Heatmap(Svg.Plot plot, List<String> labels, long[][] counts, String rowAxis, String columnAxis) {
        this.plot = plot;
        this.labels = labels;
        this.counts = counts;
        this.rowAxis = rowAxis;
        this.columnAxis = columnAxis;
    }

    Markup render() {
        int n = counts.length;
        double cell = Math.max(6, Math.min(56, 560.0 / Math.max(1, n)));
        int longest = 1;
        for (int i = 0; i < n; i++) {
            longest = Math.max(longest, Math.min(LABEL_CHARS, label(i).length()));
        }
        double labelSpace = 12 + 6.5 * longest; // a rough character width at 11 px
        double left = labelSpace + 24;
        double top = 44;
        double width = left + n * cell + 16;
        double height = top + n * cell + labelSpace + 6;
        Markup m = Svg.open(new Markup(), plot, Math.max(width, 240), height);
        m.open("g", "font-size", "11", "fill", Svg.AXIS_COLOUR);
        for (int r = 0; r < n; r++) {
            long total = 0;
            for (long c : counts[r]) {
                total += c;
            }
            for (int c = 0; c < counts[r].length && c < n; c++) {
                double share = total == 0 ? 0 : (double) counts[r][c] / total;
                double x = left + c * cell;
                double y = top + r * cell;
                m.open("rect", "class", "cell", "x", x, "y", y, "width", cell, "height", cell, "fill", shade(share),
                        "stroke", "#fff");
                m.element("title", label(r) + " \u2192 " + label(c) + ": " + counts[r][c]
                        + (total == 0 ? "" : " (" + Format.percent(share) + " of the row)"));
                m.close("rect");
                if (cell >= 26) {
                    m.element("text", Long.toString(counts[r][c]), "x", x + cell / 2, "y", y + cell / 2 + 4,
                            "text-anchor", "middle", "fill", share > 0.55 ? "#fff" : "#222");
                }
            }
        }
        double fontStep = Math.min(cell, 14);
        for (int i = 0; i < n; i++) {
            if (cell >= 10 || i % Math.ceil(10 / cell) == 0) {
                String name = Format.shorten(label(i), LABEL_CHARS);
                m.element("text", name, "x", left - 4, "y", top + i * cell + cell / 2 + fontStep / 3, "text-anchor", "end");
                double cx = left + i * cell + cell / 2 + fontStep / 3;
                double cy = top + n * cell + 4;
                m.element("text", name, "x", cx, "y", cy, "text-anchor", "end",
                        "transform", "rotate(-90 " + Svg.number(cx) + " " + Svg.number(cy) + ")");
            }
        }
        Svg.yTitle(m, rowAxis, top + n * cell / 2);
        m.element("text", columnAxis, "x", left + n * cell / 2, "y", 34.0, "text-anchor", "middle");
        return m.close("g").close("svg");
    }

    private String label(int i) {
        return i < labels.size() ? labels.get(i) : Integer.toString(i);
    }

    /** White to deep blue with the share. */
    static String shade(double share) {
        double s = Math.max(0, Math.min(1, share));
        int r = (int) Math.round(255 - s * (255 - 8));
        int g = (int) Math.round(255 - s * (255 - 69));
        int b = (int) Math.round(255 - s * (255 - 148));
        return String.format("#%02x%02x%02x", r, g, b);
    }
}
