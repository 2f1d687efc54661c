package org.genomod.itests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Function;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/** Helpers for tests running inside the framework. */
final class Platforms {
    private Platforms() {
    }

    /** What a CLI invocation printed, and its exit code. */
    record Run(int exitCode, String out, String err) {
    }

    /** Runs the genomod command line service exactly as bin/genomod would, capturing its output. */
    @SuppressWarnings("unchecked")
    static Run cli(BundleContext context, String... args) throws Exception {
        ServiceReference<?>[] refs = context.getServiceReferences(Function.class.getName(), "(genomod.cli=main)");
        if (refs == null) {
            throw new AssertionError("the genomod CLI service is not registered");
        }
        Function<String[], Integer> cli = (Function<String[], Integer>) context.getService(refs[0]);
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        synchronized (Platforms.class) {
            try {
                System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
                System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
                int code = cli.apply(args);
                return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
            } finally {
                System.setOut(out);
                System.setErr(err);
                context.ungetService(refs[0]);
            }
        }
    }

    static JsonNode json(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }
}
