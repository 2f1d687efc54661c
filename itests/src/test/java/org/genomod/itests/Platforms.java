package org.genomod.itests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.genomod.api.model.ModelFamily;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;

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

    /** Versions of the bundles registering model family {@code family}, oldest first. */
    static List<Version> familyVersions(BundleContext context, String family) {
        try {
            return context.getServiceReferences(ModelFamily.class, "(" + ModelFamily.SERVICE_PROPERTY + "=" + family + ")").stream()
                    .map(ServiceReference::getBundle).filter(b -> b != null).map(Bundle::getVersion).sorted().toList();
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The version of the model family a finished job used, from its metrics.json provenance. */
    static String familyVersionUsed(Path output) {
        try {
            for (JsonNode plugin : json(output.resolve("metrics.json")).path("provenance").path("plugins")) {
                if (plugin.path("kind").asText().equals("model family")) {
                    return plugin.path("version").asText();
                }
            }
            throw new AssertionError("no model family in provenance of " + output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits up to a minute for {@code condition}, failing the test with {@code what} after that. */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    static JsonNode json(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }
}
