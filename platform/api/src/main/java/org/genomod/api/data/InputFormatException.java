package org.genomod.api.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A malformed input: names the file, the line (or record) and what is wrong, in one sentence
 * suitable for a user, e.g. {@code splice.data:17: sequence has 59 bases, expected 60}.
 */
public class InputFormatException extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;
    private final long line;
    private final String problem;

    /**
     * @param line 1-based line (or record) number; 0 when the problem concerns the whole file
     */
    public InputFormatException(Path file, long line, String problem) {
        super(format(file, line, problem));
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    public Path file() {
        return file;
    }

    public long line() {
        return line;
    }

    public String problem() {
        return problem;
    }

    private static String format(Path file, long line, String problem) {
        return file + (line > 0 ? ":" + line : "") + ": " + problem;
    }
}
