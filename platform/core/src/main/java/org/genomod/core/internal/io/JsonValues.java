package org.genomod.core.internal.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maps values to what JSON can hold: non-finite numbers become null, paths strings, arrays lists. */
final class JsonValues {
    private JsonValues() {
    }

    static Object plain(Object value) {
        if (value instanceof Double d) {
            return Double.isFinite(d) ? d : null;
        }
        if (value instanceof Float f) {
            return Float.isFinite(f) ? (double) f : null;
        }
        if (value instanceof Path p) {
            return p.toString();
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
            return out;
        }
        if (value instanceof Iterable<?> it) {
            List<Object> out = new ArrayList<>();
            it.forEach(v -> out.add(plain(v)));
            return out;
        }
        if (value instanceof double[] a) {
            List<Object> out = new ArrayList<>();
            for (double d : a) {
                out.add(plain(d));
            }
            return out;
        }
        if (value instanceof float[] a) {
            List<Object> out = new ArrayList<>();
            for (float f : a) {
                out.add(plain(f));
            }
            return out;
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return value;
    }
}
