package org.genomod.shell.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The PyTorch reference peer, {@code shared/bench/torch_reference_cnn.py}: run as a child process with the
 * thread count as its argument, it prints one JSON line per network with {@code model},
 * {@code train_samples_per_s}, {@code infer_samples_per_s}, {@code params}, {@code threads} and
 * {@code torch}. A peer that cannot run yields an {@link Outcome} with the reason instead of figures.
 * <p>
 * It runs in our environment less the native settings {@code bin/genomod} chose for us (named in
 * {@value #LAUNCHER_DEFAULTS}): the reference runs as its users run it, not tuned as genomod tunes itself.
 */
final class TorchPeer {
    /** Debian's interpreter, the one its python3-torch package installs into. */
    static final List<String> DEBIAN_PYTHON = List.of("/usr/bin/python3");
    static final String INSTALL_HINT = "install Debian's PyTorch with 'apt-get install -y python3-torch'";
    /** The variable in which {@code bin/genomod} names the variables it set itself, space-separated. */
    static final String LAUNCHER_DEFAULTS = "GENOMOD_NATIVE_DEFAULTS";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One network's figures as the peer printed them. */
    record Figures(double trainPerSecond, double inferPerSecond, long parameters, int threads, String torch) {
    }

    /** The figures by network name, or why there are none. */
    record Outcome(String command, Map<String, Figures> figures, String error) {
        static Outcome failed(String command, String error) {
            return new Outcome(command, Map.of(), error);
        }
    }

    private final List<String> interpreter;
    private final long timeoutSeconds;
    private final Map<String, String> environment;

    /** A peer run by {@code interpreter} in {@code environment} (ours) less the launcher's own settings. */
    TorchPeer(List<String> interpreter, long timeoutSeconds, Map<String, String> environment) {
        this.interpreter = List.copyOf(interpreter);
        this.timeoutSeconds = timeoutSeconds;
        this.environment = peerEnvironment(environment);
    }

    /** {@code ours} without the variables {@value #LAUNCHER_DEFAULTS} names, nor that one. */
    static Map<String, String> peerEnvironment(Map<String, String> ours) {
        Map<String, String> peer = new LinkedHashMap<>(ours);
        for (String name : ours.getOrDefault(LAUNCHER_DEFAULTS, "").split("\\s+")) {
            peer.remove(name);
        }
        peer.remove(LAUNCHER_DEFAULTS);
        return peer;
    }

    Outcome run(Path script, int threads) throws InterruptedException {
        List<String> command = new ArrayList<>(interpreter);
        command.add(script.toString());
        command.add(Integer.toString(threads));
        String shown = String.join(" ", command);
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().clear();
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            return Outcome.failed(shown, "cannot start " + interpreter.get(0) + " (" + e.getMessage() + "); " + INSTALL_HINT);
        }
        // both pipes are drained while the peer runs, so that it cannot block on a full one
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> text(process.getInputStream()));
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> text(process.getErrorStream()));
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return Outcome.failed(shown, "did not finish within " + timeoutSeconds + " s");
        }
        String output;
        String errors;
        try {
            output = stdout.get();
            errors = stderr.get().strip();
        } catch (ExecutionException e) {
            return Outcome.failed(shown, "could not be read: " + e.getCause());
        }
        if (process.exitValue() != 0) {
            String last = errors.isEmpty() ? "" : ": " + errors.lines().reduce((a, b) -> b).orElse("");
            String hint = errors.contains("No module named 'torch'") ? "; " + INSTALL_HINT : "";
            return Outcome.failed(shown, "exited with " + process.exitValue() + last + hint);
        }
        return parse(shown, output);
    }

    /** Reads the peer's JSON lines; lines that are not JSON objects with a {@code model} make the whole output suspect. */
    static Outcome parse(String command, String stdout) {
        Map<String, Figures> figures = new LinkedHashMap<>();
        for (String line : stdout.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (IOException e) {
                return Outcome.failed(command, "printed a line that is not JSON: " + line);
            }
            if (!node.path("model").isTextual() || !node.path("train_samples_per_s").isNumber()
                    || !node.path("infer_samples_per_s").isNumber()) {
                return Outcome.failed(command, "printed a line without model, train_samples_per_s and infer_samples_per_s: " + line);
            }
            figures.put(node.get("model").asText(), new Figures(node.get("train_samples_per_s").asDouble(),
                    node.get("infer_samples_per_s").asDouble(), node.path("params").asLong(-1), node.path("threads").asInt(-1),
                    node.path("torch").asText("")));
        }
        if (figures.isEmpty()) {
            return Outcome.failed(command, "printed no figures");
        }
        return new Outcome(command, figures, null);
    }

    private static String text(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
