package org.genomod.api.param;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters a plugin accepts. Validation rejects unknown keys, ill-typed values, values out of
 * range, missing required values and paths that do not exist, reporting all problems at once.
 */
public final class ParameterSchema {
    private final Map<String, Parameter> parameters;

    private ParameterSchema(Map<String, Parameter> parameters) {
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    public static Builder builder() {
        return new Builder();
    }

    public static ParameterSchema empty() {
        return new ParameterSchema(Map.of());
    }

    public Collection<Parameter> parameters() {
        return parameters.values();
    }

    public Optional<Parameter> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    /**
     * Validates raw spec values and applies defaults.
     *
     * @param raw     values as parsed from YAML (strings, numbers, booleans, lists, maps)
     * @param baseDir directory that relative paths resolve against
     * @throws ParameterException listing every problem, each naming the parameter and what it accepts
     */
    public Parameters validate(Map<String, ?> raw, Path baseDir) throws ParameterException {
        List<String> problems = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        for (String key : raw.keySet()) {
            if (!parameters.containsKey(key)) {
                problems.add("unknown parameter '" + key + "' (known: " + String.join(", ", parameters.keySet()) + ")");
            }
        }
        for (Parameter p : parameters.values()) {
            Object value = raw.get(p.name());
            if (value == null) {
                if (p.required()) {
                    problems.add("missing required parameter '" + p.name() + "' (" + p.accepts() + ": " + p.description() + ")");
                } else if (p.defaultValue() != null) {
                    values.put(p.name(), p.type() == ParameterType.PATH
                            ? baseDir.resolve(p.defaultValue().toString()).normalize() : p.defaultValue());
                }
                continue;
            }
            try {
                values.put(p.name(), convert(p, value, baseDir));
            } catch (IllegalArgumentException e) {
                problems.add("parameter '" + p.name() + "' " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new ParameterException(problems);
        }
        return new Parameters(values);
    }

    private static Object convert(Parameter p, Object value, Path baseDir) {
        switch (p.type()) {
            case STRING: {
                if (value instanceof Map || value instanceof List) {
                    throw mismatch(p, value);
                }
                String s = value.toString();
                if (!p.choices().isEmpty() && !p.choices().contains(s)) {
                    throw new IllegalArgumentException("must be one of " + String.join(", ", p.choices()) + ", got '" + s + "'");
                }
                return s;
            }
            case INTEGER:
                return (int) checkRange(p, toInteger(p, value));
            case NUMBER:
                return checkRange(p, toNumber(p, value));
            case BOOLEAN:
                if (value instanceof Boolean b) {
                    return b;
                }
                if ("true".equalsIgnoreCase(value.toString()) || "false".equalsIgnoreCase(value.toString())) {
                    return Boolean.parseBoolean(value.toString());
                }
                throw mismatch(p, value);
            case PATH: {
                if (value instanceof Map || value instanceof List) {
                    throw mismatch(p, value);
                }
                Path path;
                try {
                    path = baseDir.resolve(value.toString()).normalize();
                } catch (InvalidPathException e) {
                    throw new IllegalArgumentException("is not a valid path: '" + value + "'");
                }
                if (!Files.exists(path)) {
                    throw new IllegalArgumentException("names a file that does not exist: " + path);
                }
                return path;
            }
            case INTEGER_LIST: {
                List<Integer> out = new ArrayList<>();
                for (Object o : toList(p, value)) {
                    out.add((int) checkRange(p, toInteger(p, o)));
                }
                return List.copyOf(out);
            }
            case NUMBER_LIST: {
                List<Double> out = new ArrayList<>();
                for (Object o : toList(p, value)) {
                    out.add(checkRange(p, toNumber(p, o)));
                }
                return List.copyOf(out);
            }
            case STRING_LIST: {
                List<String> out = new ArrayList<>();
                for (Object o : toList(p, value)) {
                    if (o instanceof Map || o instanceof List) {
                        throw mismatch(p, value);
                    }
                    if (!p.choices().isEmpty() && !p.choices().contains(o.toString())) {
                        throw new IllegalArgumentException("elements must be one of " + String.join(", ", p.choices()) + ", got '" + o + "'");
                    }
                    out.add(o.toString());
                }
                return List.copyOf(out);
            }
            case MAP:
                if (value instanceof Map<?, ?> m) {
                    Map<String, Object> copy = new LinkedHashMap<>();
                    m.forEach((k, v) -> copy.put(String.valueOf(k), v));
                    return Collections.unmodifiableMap(copy);
                }
                throw mismatch(p, value);
            default:
                throw new IllegalStateException(p.type().toString());
        }
    }

    private static List<?> toList(Parameter p, Object value) {
        if (value instanceof List<?> l) {
            return l;
        }
        if (value instanceof Map) {
            throw mismatch(p, value);
        }
        return List.of(value); // a scalar is a one-element list
    }

    private static long toInteger(Parameter p, Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        if (value instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                throw mismatch(p, value);
            }
        }
        throw mismatch(p, value);
    }

    private static double toNumber(Parameter p, Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw mismatch(p, value);
            }
        }
        throw mismatch(p, value);
    }

    private static double checkRange(Parameter p, double v) {
        if (Double.isNaN(v) || (p.min() != null && v < p.min()) || (p.max() != null && v > p.max())) {
            throw new IllegalArgumentException("must be " + p.accepts() + ", got " + formatNumber(v));
        }
        return v;
    }

    private static String formatNumber(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static IllegalArgumentException mismatch(Parameter p, Object value) {
        return new IllegalArgumentException("must be " + p.accepts() + ", got '" + value + "'");
    }

    /** Declares parameters in the order help texts list them. */
    public static final class Builder {
        private final Map<String, Parameter> parameters = new LinkedHashMap<>();

        public Builder add(Parameter parameter) {
            if (parameters.putIfAbsent(parameter.name(), parameter) != null) {
                throw new IllegalArgumentException("duplicate parameter '" + parameter.name() + "'");
            }
            return this;
        }

        public Builder required(String name, ParameterType type, String description) {
            return add(new Parameter(name, type, true, null, description, null, null, null));
        }

        public Builder optional(String name, ParameterType type, Object defaultValue, String description) {
            return add(new Parameter(name, type, false, defaultValue, description, null, null, null));
        }

        public Builder integer(String name, int defaultValue, int min, int max, String description) {
            return add(new Parameter(name, ParameterType.INTEGER, false, defaultValue, description, null, (double) min, (double) max));
        }

        public Builder number(String name, double defaultValue, double min, double max, String description) {
            return add(new Parameter(name, ParameterType.NUMBER, false, defaultValue, description, null, min, max));
        }

        public Builder choice(String name, String defaultValue, List<String> choices, String description) {
            return add(new Parameter(name, ParameterType.STRING, false, defaultValue, description, choices, null, null));
        }

        public Builder flag(String name, boolean defaultValue, String description) {
            return add(new Parameter(name, ParameterType.BOOLEAN, false, defaultValue, description, null, null, null));
        }

        public ParameterSchema build() {
            return new ParameterSchema(parameters);
        }
    }
}
