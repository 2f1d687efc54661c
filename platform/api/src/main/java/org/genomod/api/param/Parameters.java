package org.genomod.api.param;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/** Validated parameter values with defaults applied; produced by {@link ParameterSchema#validate}. */
public final class Parameters {
    private final Map<String, Object> values;

    Parameters(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public String string(String name) {
        return (String) get(name);
    }

    public int integer(String name) {
        return ((Number) get(name)).intValue();
    }

    public double number(String name) {
        return ((Number) get(name)).doubleValue();
    }

    public boolean flag(String name) {
        return (Boolean) get(name);
    }

    public Path path(String name) {
        return (Path) get(name);
    }

    @SuppressWarnings("unchecked")
    public List<Integer> integers(String name) {
        return (List<Integer>) get(name);
    }

    @SuppressWarnings("unchecked")
    public List<Double> numbers(String name) {
        return (List<Double>) get(name);
    }

    @SuppressWarnings("unchecked")
    public List<String> strings(String name) {
        return (List<String>) get(name);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String name) {
        return (Map<String, Object>) get(name);
    }

    /** Plain values (paths as strings) for model cards and provenance. */
    public Map<String, Object> asMap() {
        Map<String, Object> plain = new LinkedHashMap<>();
        values.forEach((k, v) -> plain.put(k, v instanceof Path ? v.toString() : v));
        return plain;
    }

    private Object get(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new NoSuchElementException("parameter '" + name + "' has no value");
        }
        return v;
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
