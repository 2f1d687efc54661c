package org.genomod.api.param;

import java.util.List;

/** Raw values did not satisfy a {@link ParameterSchema}; carries every problem found, not only the first. */
public class ParameterException extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public ParameterException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
