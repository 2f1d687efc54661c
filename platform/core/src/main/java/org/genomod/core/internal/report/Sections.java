package org.genomod.core.internal.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Map;
import java.util.Set;

/** Shows parts of the document the report has no special view for, so that nothing is hidden. */
final class Sections {
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int RAW_LIMIT = 20_000;
    private static final int MAX_DEPTH = 3;

    private Sections() {
    }

    /** Any object: its scalar fields as a table, lists of records as tables, nested objects under their name. */
    static void generic(Markup m, JsonNode node, Set<String> skip, int depth) {
        Tables.pairs(m, Tables.cellFields(node, skip));
        node.fields().forEachRemaining(e -> {
            String key = e.getKey();
            JsonNode v = e.getValue();
            if (skip.contains(key) || Nodes.isCell(v)) {
                return;
            }
            if (Nodes.isRecords(v)) {
                Tables.records(m, key.replace('_', ' '), v);
            } else if (v.isObject() && depth < MAX_DEPTH) {
                m.element("h4", key);
                generic(m, v, Set.of(), depth + 1);
            } else {
                raw(m, key, v);
            }
        });
    }

    /** A folded, pretty-printed JSON view of {@code value}. */
    static void raw(Markup m, String name, JsonNode value) {
        String json;
        try {
            json = PRETTY.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            json = value.toString();
        }
        if (json.length() > RAW_LIMIT) {
            json = json.substring(0, RAW_LIMIT) + "\n\u2026 (" + json.length() + " characters; metrics.json holds all)";
        }
        m.open("details").element("summary", name).element("pre", json).close("details");
    }

    static Map.Entry<String, JsonNode> pair(String name, JsonNode value) {
        return Map.entry(name, value);
    }
}
