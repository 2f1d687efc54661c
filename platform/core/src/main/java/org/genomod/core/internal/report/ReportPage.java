package org.genomod.core.internal.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Assembles report.html from a metrics document (docs/metrics.md): job header, test metrics with their
 * plots, training curves, model selection, interpretation and provenance. The page is one XHTML-compatible
 * file with its style sheet inline and every plot an inline SVG: no script, font or other file is loaded.
 */
final class ReportPage {
    static final int MAX_LOGOS = 10;
    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;margin:24px auto;
            max-width:1180px;padding:0 12px;color:#222;line-height:1.4}
            h1{font-size:1.6em;margin-bottom:4px}h2{border-bottom:1px solid #ccc;margin-top:32px;padding-bottom:2px}
            h3{margin-bottom:6px}h4{margin:14px 0 4px}
            table{border-collapse:collapse;margin:8px 0;font-size:.92em}
            th,td{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}
            th{background:#f4f4f4;font-weight:600}td.num{text-align:right;font-variant-numeric:tabular-nums}
            caption{text-align:left;font-weight:600;padding:4px 0}
            .plots{display:flex;flex-wrap:wrap;gap:12px;align-items:flex-start}
            svg.plot{background:#fff;border:1px solid #e2e2e2;font-family:inherit}
            .plot-title{font-size:13px;font-weight:600;fill:#222}
            .note{color:#8a5a00;background:#fff8e6;border-left:3px solid #e0a800;padding:4px 8px}
            .caption{color:#555;font-size:.9em}.warnings{color:#8a1f11}
            .status{display:inline-block;padding:1px 8px;border-radius:3px;background:#e6f4ea;color:#1e6b33;font-weight:600}
            .status.bad{background:#fde8e6;color:#8a1f11}
            pre{background:#f7f7f7;padding:8px;overflow:auto;max-height:480px;font-size:.85em}
            summary{cursor:pointer;color:#0b5394;margin:6px 0}
            """;

    private final JsonNode doc;
    private final PlotIds ids = new PlotIds();

    ReportPage(JsonNode doc) {
        this.doc = doc;
    }

    String render() {
        String name = Nodes.text(doc.path("job").path("name"));
        Markup m = new Markup().raw("<!DOCTYPE html>\n");
        m.open("html", "xmlns", "http://www.w3.org/1999/xhtml", "lang", "en").open("head")
                .empty("meta", "charset", "utf-8")
                .empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1")
                .element("title", "genomod report: " + name)
                .open("style").raw(STYLE).close("style")
                .close("head").open("body");
        section(m, null, this::header);
        section(m, "Test metrics", this::testMetrics);
        section(m, "Training", this::training);
        if (doc.has("selection")) {
            section(m, "Model selection", body -> Sections.generic(body, doc.get("selection"), Set.of(), 0));
        }
        if (doc.path("interpretation").isObject() && !doc.get("interpretation").isEmpty()) {
            section(m, "Interpretation", this::interpretation);
        }
        section(m, "Provenance", this::provenance);
        Set<String> known = Set.of("schema_version", "job", "test", "data", "training", "model", "selection",
                "interpretation", "provenance");
        Set<String> other = new LinkedHashSet<>();
        doc.fieldNames().forEachRemaining(k -> {
            if (!known.contains(k)) {
                other.add(k);
            }
        });
        for (String key : other) {
            section(m, key, body -> Sections.generic(body, doc.get(key).isObject() ? doc.get(key)
                    : JsonNodeFactory.instance.objectNode().set(key, doc.get(key)), Set.of(), 0));
        }
        return m.close("body").close("html").toString();
    }

    /**
     * One section, drawn apart so that a part of the document in an unexpected shape costs that section,
     * shown as a note, and not the report of a job that has already trained its model.
     */
    private void section(Markup page, String title, Consumer<Markup> content) {
        Markup body = new Markup();
        try {
            content.accept(body);
        } catch (RuntimeException e) {
            body = new Markup().element("p", "This section could not be drawn: " + e, "class", "note section-error");
        }
        page.open("section");
        if (title != null) {
            page.element("h2", title);
        }
        page.append(body).close("section");
    }

    private void header(Markup m) {
        JsonNode job = doc.path("job");
        JsonNode data = doc.path("data");
        JsonNode training = doc.path("training");
        String status = Nodes.text(job.path("status"));
        m.element("h1", Nodes.text(job.path("name")));
        m.open("p").element("span", status, "class", "SUCCEEDED".equals(status) ? "status" : "status bad")
                .text(" job " + Nodes.text(job.path("id")) + ", started " + Nodes.text(job.path("started")) + ", wall time "
                        + Format.duration(Nodes.number(job.path("wall_seconds"))))
                .close("p");
        List<Map.Entry<String, JsonNode>> rows = new ArrayList<>();
        rows.add(Sections.pair("data", text(Nodes.text(data.path("reader")) + "; " + Nodes.text(data.path("records"))
                + " records; task " + Nodes.text(data.path("task")))));
        rows.add(Sections.pair("outputs", data.path("outputs")));
        rows.add(Sections.pair("feature shape", data.path("feature_shape")));
        JsonNode split = data.path("split");
        rows.add(Sections.pair("split", text(Nodes.text(split.path("method")) + ": train " + Nodes.text(split.path("train"))
                + ", validation " + Nodes.text(split.path("validation")) + ", test " + Nodes.text(split.path("test")))));
        rows.add(Sections.pair("transform", data.path("transform")));
        JsonNode model = doc.path("model");
        rows.add(Sections.pair("model", text(Nodes.text(model.path("family")) + "; " + Nodes.text(model.path("parameters"))
                + " parameters")));
        rows.add(Sections.pair("seed", doc.path("provenance").path("seed")));
        rows.add(Sections.pair("training", text(Nodes.text(training.path("epochs_run")) + " epochs run, best epoch "
                + Nodes.text(training.path("best_epoch")) + " (validation " + Nodes.text(training.path("early_stopping_metric"))
                + " " + Nodes.text(training.path("best_validation_score")) + ")"
                + (training.path("stopped_early").asBoolean(false) ? ", stopped early" : ""))));
        Tables.pairs(m, rows);
    }

    private static JsonNode text(String value) {
        return TextNode.valueOf(value);
    }

    private void testMetrics(Markup m) {
        JsonNode test = doc.path("test");
        if (!test.isObject() || test.isEmpty()) {
            m.element("p", "No evaluator ran on the test split.", "class", "note");
            return;
        }
        EvaluatorSection evaluators = new EvaluatorSection(ids);
        test.fields().forEachRemaining(e -> evaluators.render(m, e.getKey(), e.getValue()));
    }

    private void training(Markup m) {
        JsonNode history = doc.path("training").path("history");
        if (!history.isArray() || history.isEmpty()) {
            m.element("p", "No training history: the document records no epochs.", "class", "note");
            return;
        }
        int n = history.size();
        double[] epoch = new double[n];
        double[] train = new double[n];
        double[] validation = new double[n];
        Set<String> scalars = new LinkedHashSet<>();
        for (int i = 0; i < n; i++) {
            JsonNode e = history.get(i);
            epoch[i] = e.has("epoch") ? Nodes.number(e.get("epoch")) : i + 1;
            train[i] = Nodes.number(e.get("train_loss"));
            validation[i] = Nodes.number(e.get("validation_loss"));
            e.path("validation").fieldNames().forEachRemaining(scalars::add);
        }
        m.open("div", "class", "plots");
        m.append(new LineChart(ids.next("loss", "training and validation loss"), "epoch", "loss")
                .size(560, 300).wholeNumbersOnX().line("training loss", epoch, train).line("validation loss", epoch, validation).render());
        if (!scalars.isEmpty()) {
            LineChart chart = new LineChart(ids.next("validation", "validation metrics"), "epoch", "value").size(560, 300)
                    .wholeNumbersOnX();
            for (String s : scalars) {
                double[] values = new double[n];
                for (int i = 0; i < n; i++) {
                    values[i] = Nodes.number(history.get(i).path("validation").get(s));
                }
                chart.line(s, epoch, values);
            }
            m.append(chart.render());
        }
        m.close("div");
        m.open("details").element("summary", "Per-epoch table (" + n + " epochs)");
        m.open("table", "class", "records").open("thead").open("tr");
        List<String> columns = new ArrayList<>(List.of("epoch", "train_loss", "validation_loss"));
        columns.addAll(scalars);
        columns.addAll(List.of("seconds", "samples_per_second"));
        columns.forEach(c -> m.element("th", c));
        m.close("tr").close("thead").open("tbody");
        for (JsonNode e : history) {
            m.open("tr");
            for (String c : columns) {
                JsonNode v = scalars.contains(c) ? e.path("validation").get(c) : e.get(c);
                m.element("td", Nodes.text(v), "class", "num", "title", Nodes.exact(v));
            }
            m.close("tr");
        }
        m.close("tbody").close("table").close("details");
    }

    private void interpretation(Markup m) {
        doc.get("interpretation").fields().forEachRemaining(e -> {
            String interpreter = e.getKey();
            JsonNode summary = e.getValue();
            m.element("h3", interpreter);
            if (!summary.isObject()) {
                Sections.raw(m, interpreter, summary);
                return;
            }
            Sections.generic(m, summary, Set.of("logos"), 0);
            JsonNode logos = summary.path("logos");
            if (logos.isArray() && !logos.isEmpty()) {
                logos(m, interpreter, logos);
            }
        });
    }

    private void logos(Markup m, String interpreter, JsonNode logos) {
        for (int i = 0; i < Math.min(logos.size(), MAX_LOGOS); i++) {
            JsonNode logo = logos.get(i);
            String alphabet = logo.path("alphabet").asText("ACGT");
            JsonNode rows = logo.path("scores");
            double[][] scores = new double[rows.size()][];
            for (int p = 0; p < scores.length; p++) {
                scores[p] = Nodes.doubles(rows.get(p));
            }
            String id = Nodes.text(logo.path("id"));
            SequenceLogo drawn = new SequenceLogo(ids.next("logo", interpreter + ": " + id), alphabet, scores);
            m.open("div", "class", "plots").append(drawn.render()).close("div");
            if (drawn.shownTo() - drawn.shownFrom() < scores.length) {
                m.element("p", "Positions " + (drawn.shownFrom() + 1) + "\u2013" + drawn.shownTo() + " of " + scores.length
                        + ": the window of " + SequenceLogo.WINDOW + " with the most attribution.", "class", "caption");
            }
        }
        if (logos.size() > MAX_LOGOS) {
            m.element("p", "The first " + MAX_LOGOS + " of " + logos.size() + " logos are drawn.", "class", "note");
        }
        m.element("p", "Letter height: the attribution to that base at that position; above the line for the "
                + "predicted score, below against it.", "class", "caption");
    }

    private void provenance(Markup m) {
        JsonNode prov = doc.path("provenance");
        JsonNode data = doc.path("data");
        List<Map.Entry<String, JsonNode>> rows = new ArrayList<>();
        rows.add(Sections.pair("spec file", prov.path("spec_file")));
        rows.add(Sections.pair("data digest (SHA-256)", data.path("sha256")));
        rows.add(Sections.pair("model directory", doc.path("model").path("directory")));
        rows.add(Sections.pair("model manifest (SHA-256)", doc.path("model").path("manifest_sha256")));
        rows.add(Sections.pair("java", prov.path("java")));
        rows.add(Sections.pair("os", prov.path("os")));
        rows.add(Sections.pair("schema version", doc.path("schema_version")));
        Tables.pairs(m, rows);
        for (String key : List.of("inputs", "joined")) {
            if (Nodes.isRecords(data.path(key))) {
                Tables.records(m, "data " + key, data.get(key));
            }
        }
        if (Nodes.isRecords(prov.path("plugins"))) {
            Tables.records(m, "plugins", prov.get("plugins"));
        }
        if (doc.path("model").has("fine_tuned_from")) {
            Sections.raw(m, "fine-tuned from", doc.path("model").get("fine_tuned_from"));
        }
        if (prov.has("bundles")) {
            Sections.raw(m, "bundles", prov.get("bundles"));
        }
        if (prov.has("spec")) {
            Sections.raw(m, "spec (as written)", prov.get("spec"));
        }
    }
}
