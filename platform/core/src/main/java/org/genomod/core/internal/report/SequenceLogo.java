package org.genomod.core.internal.report;

import java.util.Arrays;
import java.util.Comparator;

/**
 * An attribution logo: at each position the letters' scores stacked as letter heights, positive scores
 * above the axis (largest on top), negative ones below it (largest at the bottom). Long sequences are cut
 * to the window of {@value #WINDOW} positions that carries the most attribution, labelled in the
 * sequence's own 1-based positions.
 */
final class SequenceLogo {
    static final int WINDOW = 200;
    private static final double PLOT_HEIGHT = 150;
    private static final double BOTTOM = 38;
    private static final double MIN_GLYPH = 0.25;

    private final Svg.Plot plot;
    private final String alphabet;
    private final double[][] scores;

    /** {@code scores[position][letter]}, letters in {@code alphabet} order; NaN counts as 0. */
    SequenceLogo(Svg.Plot plot, String alphabet, double[][] scores) {
        this.plot = plot;
        this.alphabet = alphabet;
        this.scores = scores;
    }

    /** The first position shown (0-based): the start of the heaviest window of absolute attribution. */
    static int windowStart(double[][] scores, int window) {
        if (scores.length <= window) {
            return 0;
        }
        double[] weight = new double[scores.length];
        for (int p = 0; p < scores.length; p++) {
            for (double v : scores[p]) {
                weight[p] += Double.isFinite(v) ? Math.abs(v) : 0;
            }
        }
        double sum = 0;
        for (int p = 0; p < window; p++) {
            sum += weight[p];
        }
        double best = sum;
        int start = 0;
        for (int p = window; p < scores.length; p++) {
            sum += weight[p] - weight[p - window];
            if (sum > best) {
                best = sum;
                start = p - window + 1;
            }
        }
        return start;
    }

    int shownFrom() {
        return windowStart(scores, WINDOW);
    }

    int shownTo() {
        return Math.min(scores.length, shownFrom() + WINDOW);
    }

    Markup render() {
        int from = shownFrom();
        int to = shownTo();
        int n = Math.max(1, to - from);
        double column = Math.max(3, Math.min(18, 1040.0 / n));
        double width = Svg.LEFT + n * column + Svg.RIGHT;
        double up = 0;
        double down = 0;
        for (int p = from; p < to; p++) {
            double pos = 0;
            double neg = 0;
            for (double v : scores[p]) {
                if (v > 0) {
                    pos += v;
                } else if (v < 0) {
                    neg -= v;
                }
            }
            up = Math.max(up, pos);
            down = Math.max(down, neg);
        }
        LinearScale y = up + down > 0 ? new LinearScale(-down, up, Svg.TOP + PLOT_HEIGHT, Svg.TOP)
                : new LinearScale(0, 1, Svg.TOP + PLOT_HEIGHT, Svg.TOP);
        double zero = y.apply(0);

        Markup m = Svg.open(new Markup(), plot, Math.max(width, 260), Svg.TOP + PLOT_HEIGHT + BOTTOM);
        m.open("g", "class", "axes", "font-size", "11", "fill", Svg.AXIS_COLOUR);
        for (double t : y.ticks(4)) {
            double py = y.apply(t);
            m.empty("line", "x1", Svg.LEFT - 4, "y1", py, "x2", Svg.LEFT, "y2", py, "stroke", Svg.AXIS_COLOUR);
            m.element("text", y.label(t, 4), "x", Svg.LEFT - 6, "y", py + 4, "text-anchor", "end");
        }
        m.empty("line", "x1", Svg.LEFT, "y1", Svg.TOP, "x2", Svg.LEFT, "y2", Svg.TOP + PLOT_HEIGHT, "stroke", Svg.AXIS_COLOUR);
        int every = n <= 30 ? 5 : n <= 120 ? 10 : 25;
        for (int p = from; p < to; p++) {
            if ((p + 1) % every == 0 || p == from) {
                double x = Svg.LEFT + (p - from + 0.5) * column;
                m.element("text", Integer.toString(p + 1), "x", x, "y", Svg.TOP + PLOT_HEIGHT + 14, "text-anchor", "middle");
            }
        }
        m.element("text", "position", "x", Svg.LEFT + n * column / 2, "y", Svg.TOP + PLOT_HEIGHT + 30, "text-anchor", "middle");
        double cy = Svg.TOP + PLOT_HEIGHT / 2;
        Svg.yTitle(m, "attribution", cy);
        m.close("g");

        m.open("g", "class", "letters");
        for (int p = from; p < to; p++) {
            letters(m, p, Svg.LEFT + (p - from) * column + column * 0.05, column * 0.9, y, zero);
        }
        m.close("g");
        m.empty("line", "class", "baseline", "x1", Svg.LEFT, "y1", zero, "x2", Svg.LEFT + n * column, "y2", zero, "stroke", "#888");
        return m.close("svg");
    }

    private void letters(Markup m, int position, double x, double width, LinearScale y, double zero) {
        double[] row = scores[position];
        Integer[] order = new Integer[Math.min(row.length, alphabet.length())];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> Double.isFinite(row[i]) ? Math.abs(row[i]) : 0));
        double above = zero;
        double below = zero;
        for (int i : order) {
            double v = row[i];
            if (!Double.isFinite(v) || v == 0) {
                continue;
            }
            double height = Math.abs(y.apply(v) - zero);
            if (height < MIN_GLYPH) {
                continue;
            }
            char letter = alphabet.charAt(i);
            if (v > 0) {
                glyph(m, letter, v, position, x, above - height, width, height);
                above -= height;
            } else {
                glyph(m, letter, v, position, x, below, width, height);
                below += height;
            }
        }
    }

    private static void glyph(Markup m, char letter, double score, int position, double x, double top, double width,
                              double height) {
        String tip = letter + " at " + (position + 1) + ": " + Format.number(score);
        String outline = Glyphs.outline(letter);
        if (outline != null) {
            m.open("path", "class", "glyph", "d", outline, "fill", Glyphs.colour(letter), "transform",
                    "translate(" + Svg.number(x) + " " + Svg.number(top) + ") scale(" + scale(width) + " " + scale(height) + ")");
        } else {
            // no outline: text stretched to the box (cap height is about 0.72 em in common sans fonts)
            m.open("text", "class", "glyph", "x", 0.0, "y", 0.0, "font-size", "100", "font-family", "sans-serif",
                    "font-weight", "bold", "fill", Glyphs.colour(letter), "textLength", "100", "lengthAdjust", "spacingAndGlyphs",
                    "transform", "translate(" + Svg.number(x) + " " + Svg.number(top + height) + ") scale("
                            + scale(width) + " " + scale(height / 0.72) + ")");
            m.text(String.valueOf(letter));
        }
        m.element("title", tip);
        m.close(outline != null ? "path" : "text");
    }

    /** A scale factor from the 100-unit glyph box, with enough digits for thin letters. */
    private static String scale(double pixels) {
        return String.format(java.util.Locale.ROOT, "%.5f", pixels / 100);
    }
}
