package org.genomod.core.internal.report;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.genomod.core.internal.io.AtomicFiles;

/**
 * Finds a headless-capable Chromium for the report test: the {@code CHROME} variable, then the usual
 * names on the PATH, then (as root, with apt-get) installs Debian's {@code chromium}. Every step is
 * printed, and {@link #attempts()} says what was tried when none is found.
 */
final class Chromium {
    static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable",
            "headless_shell");
    private static final long INSTALL_MINUTES = 5;
    private static final long RUN_SECONDS = 60;

    private final List<String> attempts = new ArrayList<>();
    private final Path executable;

    private Chromium() {
        executable = find().or(this::install).orElse(null);
    }

    static Chromium locate() {
        return new Chromium();
    }

    Optional<Path> executable() {
        return Optional.ofNullable(executable);
    }

    String attempts() {
        return String.join("; ", attempts);
    }

    private Optional<Path> find() {
        String env = System.getenv("CHROME");
        if (env != null && !env.isBlank()) {
            Path p = Path.of(env);
            if (Files.isExecutable(p)) {
                return report(p, "CHROME=" + env);
            }
            attempts.add("CHROME=" + env + " is not an executable file");
        } else {
            attempts.add("CHROME is not set");
        }
        Optional<Path> onPath = onPath(NAMES);
        if (onPath.isPresent()) {
            return report(onPath.get(), "PATH");
        }
        attempts.add("none of " + NAMES + " is on the PATH");
        return Optional.empty();
    }

    private Optional<Path> report(Path p, String how) {
        System.out.println("[report test] Chromium: " + p + " (from " + how + ")");
        return Optional.of(p);
    }

    private static Optional<Path> onPath(List<String> names) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String name : names) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** apt-get install -y -q chromium (after apt-get update when the first try fails), root only. */
    private Optional<Path> install() {
        if (!"root".equals(System.getProperty("user.name"))) {
            attempts.add("not installing: the test runs as " + System.getProperty("user.name") + ", not root");
            return Optional.empty();
        }
        if (onPath(List.of("apt-get")).isEmpty()) {
            attempts.add("not installing: apt-get is not on the PATH");
            return Optional.empty();
        }
        for (List<String> step : List.of(List.of("apt-get", "install", "-y", "-q", "chromium"),
                List.of("apt-get", "update", "-q"), List.of("apt-get", "install", "-y", "-q", "chromium"))) {
            System.out.println("[report test] no Chromium found; running: " + String.join(" ", step));
            String outcome = run(step);
            attempts.add(String.join(" ", step) + ": " + outcome);
            Optional<Path> found = onPath(NAMES);
            if (found.isPresent()) {
                return report(found.get(), "apt-get");
            }
        }
        return Optional.empty();
    }

    private static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(INSTALL_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return "gave up after " + INSTALL_MINUTES + " min";
            }
            return "exit " + p.exitValue();
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /**
     * Runs headless Chromium on {@code page} with {@code arguments}, standard output to {@code stdout}, in a
     * fresh profile deleted afterwards; kills it (and its helper processes) after {@value #RUN_SECONDS} s.
     */
    void run(Path page, Path stdout, String... arguments) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(stdout.toAbsolutePath().getParent(), "chromium-profile");
        try {
            run(page, stdout, profile, arguments);
        } finally {
            AtomicFiles.deleteRecursively(profile);
        }
    }

    private void run(Path page, Path stdout, Path profile, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--hide-scrollbars", "--force-device-scale-factor=1", "--no-first-run", "--disable-extensions",
                "--user-data-dir=" + profile));
        command.addAll(List.of(arguments));
        command.add(page.toUri().toString());
        Path log = stdout.resolveSibling(stdout.getFileName() + ".log");
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(log.toFile()).start();
        if (!p.waitFor(RUN_SECONDS, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("Chromium did not finish in " + RUN_SECONDS + " s: " + command);
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("Chromium exited with " + p.exitValue() + ": " + command + "\n" + Files.readString(log));
        }
    }
}
