package org.genomod.core.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The done-when: report.html renders in headless Chromium with every plot present. Chromium lays the
 * page out twice: once with a measuring script appended to a copy (each plot's box and its drawn marks, read
 * back with --dump-dom), once as written, for a full-page screenshot whose plot regions must hold colour.
 * The report, the screenshot and Chromium's logs stay in target/report-test/ for a human to look at.
 */
class ReportChromiumTest {
    private static final int WIDTH = 1200;
    private static final int MAX_HEIGHT = 16_000;
    /** What the splice fixture must show: plot kind and how many. */
    private static final Map<String, Integer> EXPECTED = new TreeMap<>(Map.of("loss", 1, "validation", 1, "roc", 3,
            "pr", 3, "reliability", 3, "confusion", 1, "logo", 3));
    private static final String MEASURE = """
            <script>
            var out = [];
            document.querySelectorAll('svg[data-plot]').forEach(function (s) {
              var r = s.getBoundingClientRect(), marks = 0;
              s.querySelectorAll('path.series, path.band, circle.marker, rect.cell, .glyph').forEach(function (e) {
                var b = e.getBBox();
                if (b.width > 0 || b.height > 0) { marks++; }
              });
              out.push([s.getAttribute('data-plot'), s.id, Math.round(r.left + scrollX), Math.round(r.top + scrollY),
                        Math.round(r.width), Math.round(r.height), marks].join(','));
            });
            document.body.setAttribute('data-layout', out.join(';') + '|' + document.documentElement.scrollHeight);
            </script>
            """;

    record Box(String kind, String id, int x, int y, int width, int height, int marks) {
    }

    @Test
    void everyPlotRendersInHeadlessChromium() throws Exception {
        Chromium chromium = Chromium.locate();
        Assumptions.assumeTrue(chromium.executable().isPresent(),
                "no Chromium to render report.html with; tried: " + chromium.attempts());

        Path dir = Files.createDirectories(Path.of("target", "report-test").toAbsolutePath());
        Path report = dir.resolve("report.html");
        ReportWriter.write(report, Fixtures.load(Fixtures.SPLICE));
        String html = Files.readString(report);
        assertFalse(html.contains("<script"), "the report itself needs no script");
        Path measured = dir.resolve("report-measured.html");
        Files.writeString(measured, html.replace("</body>", MEASURE + "</body>"));

        Path dom = dir.resolve("measured-dom.html");
        chromium.run(measured, dom, "--window-size=" + WIDTH + ",1000", "--dump-dom");
        Matcher layout = Pattern.compile("data-layout=\"([^\"]*)\"").matcher(Files.readString(dom));
        assertTrue(layout.find(), "the measuring script did not run; see " + dom);
        String[] parts = layout.group(1).split("\\|");
        List<Box> boxes = boxes(parts[0]);
        int height = Math.min(MAX_HEIGHT, Integer.parseInt(parts[1]));

        Map<String, Integer> found = new TreeMap<>();
        for (Box b : boxes) {
            found.merge(b.kind(), 1, Integer::sum);
            assertTrue(b.width() > 100 && b.height() > 100, "plot " + b + " is laid out too small");
            assertTrue(b.marks() > 0, "plot " + b + " draws no line, cell or letter");
        }
        assertEquals(EXPECTED, found, "plots in the rendered page");

        Path png = dir.resolve("report.png");
        Files.deleteIfExists(png);
        chromium.run(report, dir.resolve("screenshot.out"),
                "--window-size=" + WIDTH + "," + height, "--screenshot=" + png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(WIDTH, image.getWidth(), "screenshot width");
        for (Box b : boxes) {
            if (b.y() + b.height() <= image.getHeight()) {
                int coloured = colouredPixels(image, b);
                assertTrue(coloured >= 40, "plot " + b + " shows only " + coloured + " coloured pixels in " + png);
            }
        }
        System.out.println("[report test] " + boxes.size() + " plots rendered; screenshot " + png + " (" + image.getWidth()
                + " x " + image.getHeight() + ")");
    }

    private static List<Box> boxes(String layout) {
        List<Box> boxes = new ArrayList<>();
        for (String entry : layout.split(";")) {
            if (entry.isEmpty()) {
                continue;
            }
            String[] f = entry.split(",");
            boxes.add(new Box(f[0], f[1], Integer.parseInt(f[2]), Integer.parseInt(f[3]), Integer.parseInt(f[4]),
                    Integer.parseInt(f[5]), Integer.parseInt(f[6])));
        }
        return boxes;
    }

    /** Pixels clearly away from grey: data marks (lines, bands, cells, letters), not axes, text or background. */
    static int colouredPixels(BufferedImage image, Box b) {
        int n = 0;
        for (int y = Math.max(0, b.y()); y < Math.min(image.getHeight(), b.y() + b.height()); y++) {
            for (int x = Math.max(0, b.x()); x < Math.min(image.getWidth(), b.x() + b.width()); x++) {
                int rgb = image.getRGB(x, y);
                int r = rgb >> 16 & 0xff;
                int g = rgb >> 8 & 0xff;
                int bl = rgb & 0xff;
                if (Math.max(r, Math.max(g, bl)) - Math.min(r, Math.min(g, bl)) > 60) {
                    n++;
                }
            }
        }
        return n;
    }
}
