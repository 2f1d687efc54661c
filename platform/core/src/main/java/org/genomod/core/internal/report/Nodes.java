package org.genomod.core.internal.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads the metrics tree forgivingly: absent, null and non-numeric values read as NaN or a dash. */
final class Nodes {
    private Nodes() {
    }

    /** A number array as doubles; anything that is not a finite number becomes NaN. */
    static double[] doubles(JsonNode array) {
        if (array == null || !array.isArray()) {
            return new double[0];
        }
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(array.get(i));
        }
        return out;
    }

    static double number(JsonNode node) {
        return node != null && node.isNumber() ? node.asDouble() : Double.NaN;
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(v -> out.add(text(v)));
        }
        return out;
    }

    /** A value as the report prints it. */
    static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Format.MISSING;
        }
        if (node.isIntegralNumber()) {
            return node.asText();
        }
        if (node.isNumber()) {
            return Format.number(node.asDouble());
        }
        if (node.isValueNode()) {
            return node.asText();
        }
        if (node.isArray() && isScalars(node)) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < Math.min(node.size(), 20); i++) {
                items.add(text(node.get(i)));
            }
            return String.join(", ", items) + (node.size() > 20 ? ", \u2026 (" + node.size() + " in all)" : "");
        }
        return Format.shorten(node.toString(), 300);
    }

    /** The exact value for a hover title, where the printed one is rounded. */
    static String exact(JsonNode node) {
        return node != null && node.isFloatingPointNumber() && Double.isFinite(node.asDouble()) ? node.asText() : null;
    }

    static boolean isScalars(JsonNode array) {
        for (JsonNode v : array) {
            if (v.isContainerNode()) {
                return false;
            }
        }
        return true;
    }

    /** A non-empty array of objects: shown as a table, one row per object. */
    static boolean isRecords(JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            return false;
        }
        for (JsonNode v : node) {
            if (!v.isObject()) {
                return false;
            }
        }
        return true;
    }

    /** A value that fits one table cell: a scalar or a short array of scalars. */
    static boolean isCell(JsonNode node) {
        return node.isValueNode() || node.isArray() && isScalars(node);
    }
}
