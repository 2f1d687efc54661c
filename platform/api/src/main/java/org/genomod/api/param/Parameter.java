package org.genomod.api.param;

import java.util.List;
import java.util.Objects;

/**
 * One declared parameter of a plugin.
 *
 * @param name         key as written in a pipeline spec
 * @param type         value type
 * @param required     whether the spec must give a value (a required parameter has no default)
 * @param defaultValue value used when the spec gives none; {@code null} for none
 * @param description  one line for help texts and error messages
 * @param choices      allowed values of a {@link ParameterType#STRING} parameter; empty for any
 * @param min          inclusive lower bound of numbers (and of every element of number lists); {@code null} for none
 * @param max          inclusive upper bound; {@code null} for none
 */
public record Parameter(String name, ParameterType type, boolean required, Object defaultValue,
                        String description, List<String> choices, Double min, Double max) {

    public Parameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        description = description == null ? "" : description;
        choices = choices == null ? List.of() : List.copyOf(choices);
        if (required && defaultValue != null) {
            throw new IllegalArgumentException("required parameter '" + name + "' cannot have a default");
        }
    }

    /** A short human description of what values are accepted, e.g. "an integer in [1, 4096]". */
    public String accepts() {
        StringBuilder s = new StringBuilder(type.describe());
        if (!choices.isEmpty()) {
            s.append(", one of ").append(String.join(", ", choices));
        }
        if (min != null && max != null) {
            s.append(" in [").append(format(min)).append(", ").append(format(max)).append(']');
        } else if (min != null) {
            s.append(" >= ").append(format(min));
        } else if (max != null) {
            s.append(" <= ").append(format(max));
        }
        return s.toString();
    }

    private static String format(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
