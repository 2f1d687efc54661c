package org.genomod.shell.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import org.genomod.api.job.SpecException;

/** Turns exceptions into the single line a user sees, and exit codes. */
final class UserErrors {
    /** A job ended without success; its message is already the user-facing line. */
    static final class JobFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        JobFailed(String message) {
            super(message, null, false, false);
        }
    }

    private UserErrors() {
    }

    static String describe(Throwable e) {
        if (e instanceof SpecException s) {
            return s.origin() + ": " + String.join("; ", s.problems());
        }
        if (e instanceof NoSuchFileException n) {
            return n.getFile() + ": no such file";
        }
        if (e instanceof UncheckedIOException u) {
            return describe(u.getCause());
        }
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }

    /** 2: the request itself is wrong; 1: a job or input failed; 3: an internal error. */
    static int exitCode(Throwable e) {
        if (e instanceof SpecException) {
            return 2;
        }
        if (e instanceof JobFailed || e instanceof IOException || e instanceof UncheckedIOException
                || e instanceof IllegalArgumentException) {
            return 1;
        }
        return 3;
    }
}
