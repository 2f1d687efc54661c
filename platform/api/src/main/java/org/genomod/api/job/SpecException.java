package org.genomod.api.job;

import java.util.List;

/** A pipeline spec that cannot run; lists every problem, each saying what is wrong and what is available. */
public class SpecException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String origin;
    private final List<String> problems;

    public SpecException(String origin, List<String> problems) {
        super(origin + ": " + String.join("; ", problems));
        this.origin = origin;
        this.problems = List.copyOf(problems);
    }

    public String origin() {
        return origin;
    }

    public List<String> problems() {
        return problems;
    }
}
