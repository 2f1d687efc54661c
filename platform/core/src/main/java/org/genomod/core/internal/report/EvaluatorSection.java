package org.genomod.core.internal.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One evaluator's test results: its scalars, its details (tables, warnings), the confusion matrix as a
 * heatmap and, for classification, the ROC, precision-recall and reliability curves of each output.
 */
final class EvaluatorSection {
    /** Outputs (labels) drawn at most; a multi-label model can have hundreds. */
    static final int MAX_OUTPUTS = 12;
    static final int MAX_MATRICES = 24;
    private static final Set<String> DRAWN = Set.of("curves", "confusion_matrix", "warnings");

    /**
     * The curves of one output as details.curves holds them: key (also the plot kind), title, axis labels,
     * x and y arrays (the band, when recorded, in {@code <y>_low} and {@code <y>_high}), and whether the
     * diagonal means something (chance for ROC, perfect calibration for reliability).
     */
    private record Curve(String key, String title, String xLabel, String yLabel, String x, String y, boolean diagonal) {
    }

    private static final List<Curve> CURVES = List.of(
            new Curve("roc", "ROC", "false positive rate", "true positive rate", "fpr", "tpr", true),
            new Curve("pr", "precision-recall", "recall", "precision", "recall", "precision", false),
            new Curve("reliability", "reliability", "mean predicted score", "fraction positive", "mean_score",
                    "fraction_positive", true));

    private final PlotIds ids;

    EvaluatorSection(PlotIds ids) {
        this.ids = ids;
    }

    void render(Markup m, String evaluator, JsonNode result) {
        m.element("h3", evaluator);
        List<Map.Entry<String, JsonNode>> scalars = Tables.cellFields(result, Set.of("details"));
        Tables.pairs(m, scalars);
        JsonNode details = result.path("details");
        if (!details.isObject()) {
            return;
        }
        warnings(m, details.path("warnings"));
        List<Map.Entry<String, JsonNode>> facts = Tables.cellFields(details, DRAWN);
        if (!facts.isEmpty()) {
            m.open("details").element("summary", "How these figures were computed");
            Tables.pairs(m, facts);
            m.close("details");
        }
        details.fields().forEachRemaining(e -> {
            if (!DRAWN.contains(e.getKey()) && Nodes.isRecords(e.getValue())) {
                Tables.records(m, e.getKey().replace('_', ' '), e.getValue());
            }
        });
        if (details.has("confusion_matrix")) {
            confusion(m, evaluator, details.get("confusion_matrix"));
        }
        if (details.has("curves")) {
            curves(m, evaluator, details.get("curves"));
        } else if (details.has("confusion_matrix")) {
            m.element("p", "No ROC, precision-recall or reliability curves: this evaluator recorded none (details.curves is absent).",
                    "class", "note");
        }
        details.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            if (!DRAWN.contains(e.getKey()) && !Nodes.isCell(v) && !Nodes.isRecords(v)) {
                Sections.raw(m, e.getKey(), v);
            }
        });
    }

    private static void warnings(Markup m, JsonNode warnings) {
        if (!warnings.isArray() || warnings.isEmpty()) {
            return;
        }
        m.open("ul", "class", "warnings");
        warnings.forEach(w -> m.element("li", Nodes.text(w)));
        m.close("ul");
    }

    /** {@code {labels, matrix}} (one matrix) or {@code {labels, matrices}} (one 2x2 [[tn, fp], [fn, tp]] per label). */
    private void confusion(Markup m, String evaluator, JsonNode table) {
        List<String> labels = Nodes.strings(table.path("labels"));
        m.open("div", "class", "plots");
        if (table.has("matrix")) {
            long[][] counts = counts(table.get("matrix"));
            m.append(new Heatmap(ids.next("confusion", evaluator + ": confusion matrix"), labels, counts, "true class",
                    "predicted class").render());
        } else if (table.has("matrices")) {
            JsonNode matrices = table.get("matrices");
            for (int i = 0; i < Math.min(matrices.size(), MAX_MATRICES); i++) {
                String label = i < labels.size() ? labels.get(i) : Integer.toString(i);
                m.append(new Heatmap(ids.next("confusion", "confusion: " + label), List.of("0", "1"), counts(matrices.get(i)),
                        "true " + Format.shorten(label, 20), "predicted").render());
            }
        }
        m.close("div");
        if (table.has("matrices") && table.get("matrices").size() > MAX_MATRICES) {
            m.element("p", "The first " + MAX_MATRICES + " of " + table.get("matrices").size()
                    + " per-label matrices are drawn; metrics.json holds all.", "class", "note");
        }
        m.element("p", "Rows: true class; columns: predicted class. A cell's shade is its share of the row, so the "
                + "diagonal reads as each class's recall; hover a cell for its count and share.", "class", "caption");
    }

    static long[][] counts(JsonNode rows) {
        long[][] out = new long[rows.size()][];
        for (int r = 0; r < out.length; r++) {
            JsonNode row = rows.get(r);
            out[r] = new long[row.size()];
            for (int c = 0; c < row.size(); c++) {
                out[r][c] = row.get(c).asLong();
            }
        }
        return out;
    }

    private void curves(Markup m, String evaluator, JsonNode curves) {
        List<String> missing = new ArrayList<>();
        int shown = 0;
        for (var it = curves.fields(); it.hasNext() && shown < MAX_OUTPUTS; shown++) {
            Map.Entry<String, JsonNode> e = it.next();
            String output = e.getKey();
            JsonNode c = e.getValue();
            m.element("h4", output);
            m.open("div", "class", "plots");
            for (Curve kind : CURVES) {
                JsonNode curve = c.path(kind.key());
                if (curve.isObject()) {
                    LineChart chart = new LineChart(ids.next(kind.key(), kind.title() + ": " + output), kind.xLabel(),
                            kind.yLabel()).domain(0, 1, 0, 1);
                    if (kind.diagonal()) {
                        chart.diagonal();
                    }
                    m.append(chart.band(output, Nodes.doubles(curve.get(kind.x())), Nodes.doubles(curve.get(kind.y())),
                            optional(curve.get(kind.y() + "_low")), optional(curve.get(kind.y() + "_high"))).render());
                } else {
                    missing.add(kind.title() + " for " + output);
                }
            }
            m.close("div");
        }
        m.element("p", "Shaded: the 95 % bootstrap band around each ROC and precision-recall curve. Dashed: chance (ROC) "
                + "and perfect calibration (reliability).", "class", "caption");
        if (curves.size() > MAX_OUTPUTS) {
            m.element("p", "Curves of the first " + MAX_OUTPUTS + " of " + curves.size() + " outputs are drawn.", "class", "note");
        }
        if (!missing.isEmpty()) {
            m.element("p", evaluator + " recorded no curve for: " + String.join(", ", missing) + ".", "class", "note");
        }
    }

    /** A band limit when present, else null (the curve is drawn without a band). */
    private static double[] optional(JsonNode array) {
        return array != null && array.isArray() ? Nodes.doubles(array) : null;
    }
}
