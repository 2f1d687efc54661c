package org.genomod.api.param;

/** The value types a plugin parameter can take; each accepts the natural YAML spelling. */
public enum ParameterType {
    STRING,
    INTEGER,
    NUMBER,
    BOOLEAN,
    /** A file or directory that must exist; relative paths resolve against the spec's directory. */
    PATH,
    INTEGER_LIST,
    NUMBER_LIST,
    STRING_LIST,
    /** A nested mapping of string keys to plain values, passed through unvalidated. */
    MAP;

    /** The word used in error messages, e.g. "an integer". */
    public String describe() {
        return switch (this) {
            case STRING -> "a string";
            case INTEGER -> "an integer";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case PATH -> "a path";
            case INTEGER_LIST -> "a list of integers";
            case NUMBER_LIST -> "a list of numbers";
            case STRING_LIST -> "a list of strings";
            case MAP -> "a mapping";
        };
    }
}
