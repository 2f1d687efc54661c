package org.genomod.core.internal.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class PlotBuildersTest {
    private static final Svg.Plot PLOT = new Svg.Plot("test", "plot-1", "a <test> & \"plot\"");

    @Test
    void scaleMapsItsDomainOntoItsPixelsAndPicksRoundTicks() {
        LinearScale y = new LinearScale(0, 1, 250, 30);
        assertEquals(250, y.apply(0), 1e-12);
        assertEquals(30, y.apply(1), 1e-12);
        assertEquals(140, y.apply(0.5), 1e-12);
        assertEquals(List.of(0.0, 0.2, 0.4, 0.6, 0.8, 1.0), rounded(y.ticks(5)));
        assertEquals("0.4", y.label(0.4, 5));

        LinearScale loss = new LinearScale(0.163, 0.79, 0, 100);
        List<Double> ticks = loss.ticks(5);
        assertEquals(List.of(0.2, 0.3, 0.4, 0.5, 0.6, 0.7), rounded(ticks), "ticks inside the domain only");

        LinearScale epochs = new LinearScale(1, 4, 0, 100, 1);
        assertEquals(List.of(1.0, 2.0, 3.0, 4.0), epochs.ticks(5), "whole epochs only");
        assertEquals("3", epochs.label(3, 5));
        assertEquals(List.of(1.0), new LinearScale(1, 1, 0, 100, 1).ticks(5), "a single epoch");
    }

    @Test
    void degenerateDomainsStillDraw() {
        LinearScale single = new LinearScale(5, 5, 0, 100);
        assertEquals(4.5, single.low(), 1e-12);
        assertEquals(5.5, single.high(), 1e-12);
        LinearScale undefined = new LinearScale(Double.NaN, 3, 0, 100);
        assertEquals(0, undefined.low());
        assertEquals(1, undefined.high());
        assertArrayEquals(new double[] {-2, 7}, LinearScale.extent(new double[] {Double.NaN, 7, -2}, null,
                new double[] {Double.POSITIVE_INFINITY}));
        assertArrayEquals(new double[] {0, 1}, LinearScale.extent(new double[] {Double.NaN}));
        assertArrayEquals(new double[] {-0.5, 10.5}, LinearScale.padded(new double[] {0, 10}, 0.05), 1e-12);
    }

    @Test
    void coordinatesHaveTwoDecimalsAndNoExponent() {
        assertEquals("12.35", Svg.number(12.3456));
        assertEquals("-1.5", Svg.number(-1.5));
        assertEquals("0", Svg.number(-0.001));
        assertEquals("0.05", Svg.number(0.05));
        assertEquals("0", Svg.number(Double.NaN));
        assertEquals("100000000", Svg.number(1e8));
    }

    @Test
    void markupEscapesTextAndAttributesAndDropsWhatXmlCannotHold() {
        String built = new Markup().open("p", "title", "a\"b'<c>&", "skipped", null).text("x < y & \"z\" \u0007 \ud83e\udde0 \udc00")
                .close("p").toString();
        assertEquals("<p title=\"a&quot;b&#39;&lt;c&gt;&amp;\">x &lt; y &amp; \"z\" \uFFFD \ud83e\udde0 \uFFFD</p>", built);
    }

    @Test
    void numbersReadWithFourSignificantDigits() {
        assertEquals("0.9647", Format.number(0.9647058823529412));
        assertEquals("0.117", Format.number(0.11696735813408067));
        assertEquals("84547", Format.number(84547.0));
        assertEquals("1527.9", Format.number(1527.9268));
        assertEquals("1.000e-07", Format.number(1e-7));
        assertEquals("0", Format.number(0));
        assertEquals(Format.MISSING, Format.number(Double.NaN));
        assertEquals("4.4 s", Format.duration(4.379));
        assertEquals("2 min 13 s", Format.duration(133));
        assertEquals("1 h 02 min", Format.duration(3720));
        assertEquals("abc\u2026", Format.shorten("abcdef", 4));
    }

    @Test
    void lineChartBreaksAtMissingValuesAndShadesItsBand() throws Exception {
        double nan = Double.NaN;
        String svg = new LineChart(PLOT, "x", "y").domain(0, 1, 0, 1)
                .band("curve", new double[] {0, 0.25, 0.5, 0.75, 1}, new double[] {0, 0.5, nan, 0.8, 1},
                        new double[] {0, 0.4, 0.5, nan, 0.9}, new double[] {0.1, 0.6, 0.7, nan, 1})
                .line("other", new double[] {0.5}, new double[] {0.5})
                .render().toString();
        Document page = Pages.parse(svg);
        List<Element> series = Pages.select(page, "//*[@class='series']");
        assertEquals(2, series.size());
        assertEquals("M58 248 L135 138", series.get(0).getAttribute("d").substring(0, "M58 248 L135 138".length()));
        assertEquals(2, count(series.get(0).getAttribute("d"), "M"), "NaN splits the line");
        String band = Pages.select(page, "//*[@class='band']").get(0).getAttribute("d");
        assertEquals(1, count(band, "M"), "only the run of 3 points with both limits makes a polygon: " + band);
        assertEquals(6 + 1, count(band, " ") / 2 + 1, "3 points up, 3 back: " + band);
        assertEquals(1 + 4, Pages.select(page, "//*[@class='marker']").size(), "few points get markers; NaN none");
        assertEquals("a <test> & \"plot\"", Pages.select(page, "//title").get(0).getTextContent());
        assertEquals("url(#plot-1-clip)", Pages.select(page, "//*[@clip-path]").get(0).getAttribute("clip-path"));
        List<Element> legend = Pages.select(page, "//*[@class='legend']/text");
        assertEquals(List.of("curve", "other"), legend.stream().map(Element::getTextContent).toList());
    }

    @Test
    void heatmapShadesByRowShareAndCountsEveryCell() throws Exception {
        assertEquals("#ffffff", Heatmap.shade(0));
        assertEquals("#084594", Heatmap.shade(1));
        assertEquals("#ffffff", Heatmap.shade(Double.NaN > 0 ? 1 : -3), "clamped");
        String svg = new Heatmap(PLOT, List.of("a", "b"), new long[][] {{0, 0}, {1, 3}}, "true", "predicted").render().toString();
        Document page = Pages.parse(svg);
        List<Element> cells = Pages.select(page, "//*[@class='cell']");
        assertEquals(4, cells.size());
        assertEquals(List.of("#ffffff", "#ffffff", Heatmap.shade(0.25), Heatmap.shade(0.75)),
                cells.stream().map(c -> c.getAttribute("fill")).toList(), "an empty row stays white");
        assertEquals("b \u2192 b: 3 (75.0 % of the row)", cells.get(3).getTextContent());
    }

    @Test
    void logoStacksPositiveLettersAboveTheAxisAndNegativeOnesBelow() throws Exception {
        double[][] scores = {{0, 0, 0, 0}, {0.5, 0, -0.25, 0.25}, {0, 0, 0, 0}};
        String svg = new SequenceLogo(PLOT, "ACGT", scores).render().toString();
        Document page = Pages.parse(svg);
        List<Element> glyphs = Pages.select(page, "//*[@class='glyph']");
        assertEquals(3, glyphs.size());
        double baseline = Double.parseDouble(Pages.select(page, "//*[@class='baseline']").get(0).getAttribute("y1"));
        List<double[]> boxes = new ArrayList<>(); // top y and height of each letter, from its transform
        for (Element g : glyphs) {
            Matcher t = Pattern.compile("translate\\(([-0-9.]+) ([-0-9.]+)\\) scale\\(([-0-9.]+) ([-0-9.]+)\\)")
                    .matcher(g.getAttribute("transform"));
            assertTrue(t.find());
            boxes.add(new double[] {Double.parseDouble(t.group(2)), Double.parseDouble(t.group(4)) * 100});
        }
        // smallest first (ties in alphabet order): G (-0.25) below; T (0.25) then A (0.5) above
        assertEquals("G at 2: -0.25", glyphs.get(0).getTextContent());
        assertEquals("T at 2: 0.25", glyphs.get(1).getTextContent());
        assertEquals("A at 2: 0.5", glyphs.get(2).getTextContent());
        assertEquals(baseline, boxes.get(0)[0], 0.02, "G hangs from the axis");
        assertEquals(baseline, boxes.get(1)[0] + boxes.get(1)[1], 0.02, "T sits on the axis");
        assertEquals(boxes.get(1)[0], boxes.get(2)[0] + boxes.get(2)[1], 0.02, "A sits on T");
        assertEquals(2 * boxes.get(1)[1], boxes.get(2)[1], 0.02, "heights scale with the score");
        assertEquals(boxes.get(1)[1], boxes.get(0)[1], 0.02, "equal scores, equal heights");
    }

    @Test
    void longSequencesShowTheirHeaviestWindow() {
        double[][] scores = new double[1000][4];
        for (int p = 600; p < 650; p++) {
            scores[p][1] = 1;
        }
        assertEquals(450, SequenceLogo.windowStart(scores, 200), "the first window of 200 holding all of 600-649");
        assertEquals(0, SequenceLogo.windowStart(new double[50][4], 200));
        SequenceLogo logo = new SequenceLogo(PLOT, "ACGT", scores);
        assertEquals(200, logo.shownTo() - logo.shownFrom());
    }

    private static List<Double> rounded(List<Double> values) {
        return values.stream().map(v -> Math.round(v * 1e9) / 1e9).toList();
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
