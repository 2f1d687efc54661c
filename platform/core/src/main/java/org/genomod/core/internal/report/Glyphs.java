package org.genomod.core.internal.report;

import java.util.Map;

/**
 * Outlines of the nucleotide letters in a 100 x 100 box (y down), so that a logo letter can be stretched to
 * any height exactly, whatever fonts the reader has. Letters without an outline fall back to scaled text.
 */
final class Glyphs {
    static final Map<Character, String> COLOURS = Map.of('A', "#109648", 'C', "#255C99", 'G', "#F7B32B", 'T', "#D62839",
            'U', "#D62839");
    private static final double OUTER_X = 50;
    private static final double OUTER_Y = 50;
    private static final double INNER_X = 33;
    private static final double INNER_Y = 35;
    private static final Map<Character, String> OUTLINES = Map.of(
            'A', "M0 100 L40 0 L60 0 L100 100 L80 100 L70 72 L30 72 L20 100 Z M36 56 L64 56 L50 20 Z",
            'C', c(),
            'G', g(),
            'T', "M0 0 L100 0 L100 16 L58 16 L58 100 L42 100 L42 16 L0 16 Z");

    private Glyphs() {
    }

    /** The outline of {@code letter}, or null when it has none. */
    static String outline(char letter) {
        return OUTLINES.get(Character.toUpperCase(letter));
    }

    static String colour(char letter) {
        return COLOURS.getOrDefault(Character.toUpperCase(letter), "#666666");
    }

    /** C: an elliptical ring open on the right, from 40 to 320 degrees (0 = right, counting through the top). */
    private static String c() {
        Svg.PathData d = new Svg.PathData();
        arc(d, OUTER_X, OUTER_Y, 40, 320);
        arc(d, INNER_X, INNER_Y, 320, 40);
        return d.close().toString();
    }

    /**
     * G: the ring closed down to the middle on the right, then its bar drawn inward as part of the same
     * outline (one simple polygon, so no seam shows where ring and bar meet).
     */
    private static String g() {
        Svg.PathData d = new Svg.PathData();
        arc(d, OUTER_X, OUTER_Y, 40, 360);
        d.lineTo(52, 50).lineTo(52, 64);
        double meet = 360 - Math.toDegrees(Math.asin(14 / INNER_Y)); // where the bar's lower edge meets the inner ring
        arc(d, INNER_X, INNER_Y, meet, 40);
        return d.close().toString();
    }

    /** Points of an ellipse about (50, 50) from angle {@code from} to {@code to}, in 10-degree steps or less. */
    private static void arc(Svg.PathData d, double rx, double ry, double from, double to) {
        int steps = (int) Math.ceil(Math.abs(to - from) / 10);
        for (int i = 0; i <= steps; i++) {
            double a = Math.toRadians(from + (to - from) * i / steps);
            double x = 50 + rx * Math.cos(a);
            double y = 50 - ry * Math.sin(a);
            if (d.isEmpty()) {
                d.moveTo(x, y);
            } else {
                d.lineTo(x, y);
            }
        }
    }
}
