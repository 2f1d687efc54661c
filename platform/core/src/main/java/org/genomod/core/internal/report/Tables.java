package org.genomod.core.internal.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Tables of values: name/value pairs, and lists of records (per-class rows, trials, plugins). */
final class Tables {
    /** Longer tables start folded so that the plots stay near the top. */
    static final int FOLD_ROWS = 25;
    static final int MAX_ROWS = 2000;

    private Tables() {
    }

    /** Two columns: name, value. */
    static void pairs(Markup m, List<Map.Entry<String, JsonNode>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        m.open("table", "class", "pairs").open("tbody");
        for (Map.Entry<String, JsonNode> row : rows) {
            m.open("tr").element("th", row.getKey());
            m.element("td", Nodes.text(row.getValue()), "title", Nodes.exact(row.getValue()));
            m.close("tr");
        }
        m.close("tbody").close("table");
    }

    /** The fields of {@code object} that fit a cell, as name/value rows. */
    static List<Map.Entry<String, JsonNode>> cellFields(JsonNode object, Set<String> skip) {
        List<Map.Entry<String, JsonNode>> rows = new ArrayList<>();
        object.fields().forEachRemaining(e -> {
            if (!skip.contains(e.getKey()) && Nodes.isCell(e.getValue())) {
                rows.add(Map.entry(e.getKey(), e.getValue()));
            }
        });
        return rows;
    }

    /** One row per object, one column per field name seen (in order of appearance). */
    static void records(Markup m, String caption, JsonNode records) {
        Set<String> columns = new LinkedHashSet<>();
        records.forEach(r -> r.fieldNames().forEachRemaining(columns::add));
        boolean fold = records.size() > FOLD_ROWS;
        if (fold) {
            m.open("details").element("summary", caption + " (" + records.size() + " rows)");
        }
        m.open("table", "class", "records");
        if (!fold) {
            m.element("caption", caption);
        }
        m.open("thead").open("tr");
        for (String c : columns) {
            m.element("th", c);
        }
        m.close("tr").close("thead").open("tbody");
        int shown = 0;
        for (JsonNode r : records) {
            if (shown++ == MAX_ROWS) {
                break;
            }
            m.open("tr");
            for (String c : columns) {
                cell(m, r.get(c));
            }
            m.close("tr");
        }
        m.close("tbody").close("table");
        if (records.size() > MAX_ROWS) {
            m.element("p", "The first " + MAX_ROWS + " of " + records.size() + " rows are shown; metrics.json holds all.",
                    "class", "note");
        }
        if (fold) {
            m.close("details");
        }
    }

    private static void cell(Markup m, JsonNode value) {
        boolean numeric = value != null && value.isNumber();
        m.element("td", Nodes.text(value), "class", numeric ? "num" : null, "title", Nodes.exact(value));
    }
}
