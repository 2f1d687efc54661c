package org.genomod.core.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ReportPageTest {

    @Test
    void spliceReportHasEveryPlotWithData() throws Exception {
        Document page = Pages.parse(ReportWriter.render(Fixtures.load(Fixtures.SPLICE)));
        Map<String, Integer> expected = Map.of("loss", 1, "validation", 1, "roc", 3, "pr", 3, "reliability", 3,
                "confusion", 1, "logo", 3);
        expected.forEach((kind, n) -> {
            try {
                assertEquals(n, Pages.plots(page, kind).size(), kind + " plots");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        for (Element path : Pages.select(page, "//path[@class='series' or @class='band']")) {
            assertTrue(path.getAttribute("d").matches("M[-0-9. ]+( L[-0-9. ]+)*( Z)?( M.*)?"), path.getAttribute("d"));
        }
        assertEquals(9, Pages.select(page, "//svg[@data-plot='confusion']/*/rect[@class='cell']").size());
        assertEquals(3 * 2, Pages.select(page, "//path[@class='band']").size(), "ROC and PR bands");
        assertTrue(Pages.select(page, "//path[@class='glyph']").size() > 100, "logo letters");
        assertEquals(List.of(), Pages.select(page, "//*[contains(@class,'section-error')]"));
        List<Element> trials = Pages.select(page, "//table[caption='trials']/tbody/tr");
        assertEquals(4, trials.size());
        assertEquals("failed: <out of memory> & \"quoted\"", trials.get(3).getLastChild().getTextContent());
        assertEquals("0.1666", Pages.select(page, "//h4[.='best']/following-sibling::table[1]//tr[th='loss']/td").get(0)
                .getTextContent(), "the chosen trial, under its own heading");
    }

    @Test
    void multilabelReportDrawsOneMatrixPerLabelAndSaysCurvesAreAbsent() throws Exception {
        Document page = Pages.parse(ReportWriter.render(Fixtures.load(Fixtures.MULTILABEL)));
        assertEquals(2, Pages.plots(page, "confusion").size());
        assertEquals(0, Pages.plots(page, "roc").size());
        assertTrue(text(page).contains("No ROC, precision-recall or reliability curves"));
        assertEquals(2, Pages.select(page, "//table[caption='per class']/tbody/tr").size());
        assertEquals(1, Pages.plots(page, "loss").size());
    }

    @Test
    void regressionReportTablesEveryTarget() throws Exception {
        Document page = Pages.parse(ReportWriter.render(Fixtures.load(Fixtures.REGRESSION)));
        List<Element> rows = Pages.select(page, "//table[caption='per target']/tbody/tr");
        assertEquals(6, rows.size());
        assertTrue(rows.get(0).getTextContent().contains(Format.MISSING), "an undefined figure reads as a dash");
        assertEquals(0, Pages.plots(page, "confusion").size());
        assertEquals(3, Pages.select(page, "//ul[@class='warnings']/li").size());
        assertFalse(text(page).contains("No ROC"), "no curve note for a regression evaluator");
    }

    @Test
    void userTextIsEscapedEverywhere() throws Exception {
        String evil = "<script>alert('x')</script> & \"q\" \u0001 \ud800";
        Map<String, Object> doc = Fixtures.load(Fixtures.SPLICE);
        job(doc).put("name", evil);
        Map<String, Object> logo = logos(doc).get(0);
        logo.put("id", "</svg><b>" + evil);
        Map<String, Object> details = details(doc);
        @SuppressWarnings("unchecked")
        Map<String, Object> confusion = (Map<String, Object>) details.get("confusion_matrix");
        confusion.put("labels", List.of(evil, "IE", "N"));
        @SuppressWarnings("unchecked")
        Map<String, Object> curves = (Map<String, Object>) details.get("curves");
        curves.put(evil, curves.remove("EI"));

        String html = ReportWriter.render(doc);
        assertFalse(html.contains("<script"), "no markup from user text");
        Document page = Pages.parse(html);
        String shown = "<script>alert('x')</script> & \"q\" \uFFFD \uFFFD";
        assertEquals(shown, Pages.select(page, "//h1").get(0).getTextContent());
        assertEquals("attribution: </svg><b>" + shown, Pages.plots(page, "logo").get(0).getAttribute("aria-label"));
        assertEquals("ROC: " + shown, Pages.plots(page, "roc").get(2).getAttribute("aria-label"));
    }

    @Test
    void undefinedAndOddlyTypedValuesDoNotBreakThePage() throws Exception {
        Map<String, Object> curve = new LinkedHashMap<>();
        curve.put("roc", Map.of("fpr", new double[] {0, 0.5, Double.NaN, 1}, "tpr", new float[] {0, 0.7f, Float.NaN, 1},
                "tpr_low", new double[] {0, Double.NaN, 0.5, 1}, "tpr_high", new double[] {0, 0.9, 0.9, 1}));
        curve.put("pr", Map.of("recall", List.of(0.0, 1.0), "precision", java.util.Arrays.asList(1.0, null)));
        Map<String, Object> details = new HashMap<>();
        details.put("curves", Map.of("yes", curve));
        details.put("confusion_matrix", Map.of("labels", List.of("no", "yes"), "matrix", List.of(List.of(0L, 0L), List.of(3L, 4L))));
        Map<String, Object> classification = new LinkedHashMap<>();
        classification.put("accuracy", Double.NaN);
        classification.put("auroc", null);
        classification.put("details", details);
        Map<String, Object> epoch = new LinkedHashMap<>();
        epoch.put("epoch", 1);
        epoch.put("train_loss", Double.POSITIVE_INFINITY);
        epoch.put("validation_loss", null);
        epoch.put("validation", Map.of("accuracy", Double.NaN));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("job", Map.of("name", "odd", "status", "SUCCEEDED", "wall_seconds", Double.NaN));
        doc.put("test", Map.of("classification", classification));
        doc.put("training", Map.of("history", List.of(epoch)));
        doc.put("data", Map.of("inputs", List.of(Map.of("path", Path.of("/data/x.fa"), "sha256", "ab"))));
        doc.put("interpretation", Map.of("ism", Map.of("logos", List.of(Map.of("id", "s", "alphabet", "ACGN",
                "scores", new double[][] {{0, 0, 0, 0}, {Double.NaN, 1, -1, 0.5}})), "seconds", Double.NaN)));

        String html = ReportWriter.render(doc);
        Document page = Pages.parse(html);
        assertEquals(List.of(), Pages.select(page, "//*[contains(@class,'section-error')]"));
        assertFalse(html.contains("NaN") || html.contains("Infinity"), "non-finite values read as a dash");
        assertTrue(html.contains("/data/x.fa"), "paths print as metrics.json writes them");
        assertEquals(1, Pages.plots(page, "roc").size());
        assertEquals(1, Pages.plots(page, "pr").size());
        assertEquals(1, Pages.plots(page, "logo").size());
        assertTrue(text(page).contains("recorded no curve for: reliability for yes"));
        String roc = Pages.select(page, "//svg[@data-plot='roc']//*[@class='series']").get(0).getAttribute("d");
        assertEquals(2, roc.split("M").length - 1, "the NaN point breaks the ROC line in two: " + roc);
    }

    @Test
    void theReportLoadsNothingFromOutside(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("out/report.html");
        ReportWriter.write(file, Fixtures.load(Fixtures.SPLICE));
        String html = Files.readString(file);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        for (String external : List.of("<script", "<link", "<img", "<iframe", "src=", "@import", "@font-face")) {
            assertFalse(html.contains(external), external);
        }
        Matcher urls = Pattern.compile("(https?:|url\\()[^\"')\\s]*").matcher(html);
        List<String> found = new ArrayList<>();
        while (urls.find()) {
            found.add(urls.group());
        }
        found.removeIf(u -> u.equals("http://www.w3.org/2000/svg") || u.equals("http://www.w3.org/1999/xhtml")
                || u.startsWith("url(#plot-"));
        assertEquals(List.of(), found, "only namespaces and in-page clip paths");
        try (var listing = Files.list(file.getParent())) {
            assertEquals(List.of(file), listing.toList(), "no temporary file left beside the report");
        }
    }

    private static String text(Document page) {
        return page.getDocumentElement().getTextContent();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> job(Map<String, Object> doc) {
        return (Map<String, Object>) doc.get("job");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(Map<String, Object> doc) {
        return (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) doc.get("test")).get("classification"))
                .get("details");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> logos(Map<String, Object> doc) {
        return (List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>) doc.get("interpretation"))
                .get("attribution")).get("logos");
    }
}
