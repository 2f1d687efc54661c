package org.genomod.shell.internal;

import static org.genomod.shell.internal.BenchLines.round;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.genomod.api.model.ModelFamily;
import org.osgi.framework.BundleContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Training and inference throughput of the DeepBind and Basset networks of {@code shared/bench/README.md},
 * built by the installed {@code cnn} model family, one JSON line each; with {@code --peer}, the PyTorch
 * reference runs first in the same invocation and each line adds its figures and our rate over its rate.
 *
 * <p>Both sides use the same thread count. ND4J (with its OpenMP runtime and OpenBLAS) reads
 * {@code OMP_NUM_THREADS} when its natives load, so the count in effect is that variable; {@code --threads}
 * works because the launcher starts a JVM with the variable set when the count differs.
 */
@Command(name = "models", description = {
        "Training and inference samples/s of the DeepBind and Basset CNNs (shared/bench/README.md) built by the installed",
        "cnn family; with --peer, the PyTorch reference in the same run and the ratios. JSON lines."})
final class ModelBenchCommand implements Callable<Integer> {
    static final String THREADS_VARIABLE = "OMP_NUM_THREADS";
    static final double GOAL_RATIO = 1.5;
    /** How native threads wait between ops, which {@code bin/genomod} sets: reported with our figures. */
    private static final List<String> NATIVE_SETTINGS = List.of("OMP_WAIT_POLICY", "GOMP_SPINCOUNT", "OPENBLAS_THREAD_TIMEOUT");
    private static final long PEER_TIMEOUT_SECONDS = 1800;
    private static final long SEED = 0;

    private final BundleContext context;
    private final Console console;
    /** How the peer is started and where the thread count is read; tests replace them. */
    List<String> python = TorchPeer.DEBIAN_PYTHON;
    Map<String, String> environment = System.getenv();

    @Spec
    CommandSpec spec;

    @Option(names = "--seconds", defaultValue = "5", paramLabel = "N",
            description = "measured wall time per figure, after a warm-up twice as long (default: ${DEFAULT-VALUE}, as the PyTorch reference)")
    double seconds;

    @Option(names = "--peer", paramLabel = "PATH/torch_reference_cnn.py",
            description = "run this PyTorch reference (with /usr/bin/python3) in the same run and print the ratios")
    Path peer;

    @Option(names = "--threads", paramLabel = "N",
            description = "threads for ND4J and for the peer (default: $OMP_NUM_THREADS, which bin/genomod sets to the number of cores)")
    Integer threads;

    ModelBenchCommand(BundleContext context, Console console) {
        this.context = context;
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        validate();
        try (Services services = new Services(context, "the models benchmark needs the model-cnn plugin")) {
            return run(services.get(ModelFamily.class, ModelFamily.SERVICE_PROPERTY, "cnn"));
        }
    }

    private void validate() {
        if (!(seconds > 0)) {
            throw new ParameterException(spec.commandLine(), "--seconds must be positive, got " + seconds);
        }
        if (threads != null && threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be at least 1, got " + threads);
        }
        if (threads != null && !threads.toString().equals(environment.get(THREADS_VARIABLE))) {
            throw new ParameterException(spec.commandLine(), "ND4J takes its thread count from " + THREADS_VARIABLE
                    + " when it loads, and it is " + environment.getOrDefault(THREADS_VARIABLE, "unset") + " here: run "
                    + "'genomod bench models --threads " + threads + "' from bin/genomod, or set " + THREADS_VARIABLE + "=" + threads);
        }
        if (peer != null && !Files.isRegularFile(peer)) {
            throw new ParameterException(spec.commandLine(), "--peer: no such file: " + peer);
        }
    }

    /** Measures every network with {@code family}; 1 when a requested peer could not run, else 0. */
    int run(ModelFamily family) throws Exception {
        int count = threadCount();
        TorchPeer.Outcome reference = peer == null ? null
                : new TorchPeer(python, PEER_TIMEOUT_SECONDS, environment).run(peer.toAbsolutePath().normalize(), count);
        for (BenchNetwork network : BenchNetwork.values()) {
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            ModelThroughput.Figures ours = ModelThroughput.measure(family, network, seconds, SEED);
            Map<String, Object> line = line(network, ours, count, load, reference);
            line.put("native_settings", nativeSettings(environment));
            BenchLines.print(console, line);
        }
        return reference != null && reference.error() != null ? 1 : 0;
    }

    /** The OpenMP and OpenBLAS waiting settings ours ran with, those set ({@code bin/genomod} sets them unless given). */
    static Map<String, String> nativeSettings(Map<String, String> environment) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String name : NATIVE_SETTINGS) {
            if (environment.containsKey(name)) {
                settings.put(name, environment.get(name));
            }
        }
        return settings;
    }

    private int threadCount() {
        if (threads != null) {
            return threads;
        }
        try {
            return Integer.parseInt(environment.getOrDefault(THREADS_VARIABLE, "").strip());
        } catch (NumberFormatException e) {
            return Runtime.getRuntime().availableProcessors(); // what OpenMP uses when the variable is unset
        }
    }

    static Map<String, Object> line(BenchNetwork network, ModelThroughput.Figures ours, int threads, double loadAverage,
                                    TorchPeer.Outcome reference) {
        Map<String, Object> line = BenchLines.line("models", null);
        line.put("model", network.key());
        line.put("what", network.architecture());
        line.put("family", "cnn");
        line.put("params", ours.parameters());
        line.put("threads", threads);
        line.put("train_batch", ModelThroughput.TRAIN_BATCH);
        line.put("infer_batch", ModelThroughput.INFER_BATCH);
        line.put("train_samples_per_s", round(ours.trainPerSecond()));
        line.put("infer_samples_per_s", round(ours.inferPerSecond()));
        line.put("load_average", loadAverage < 0 ? null : round(loadAverage));
        if (reference == null) {
            return line;
        }
        TorchPeer.Figures theirs = reference.figures().get(network.key());
        if (theirs == null) {
            line.put("peer_error", reference.command() + ": "
                    + (reference.error() != null ? reference.error() : "printed no figures for " + network.key()));
            return line;
        }
        Map<String, Object> peer = new LinkedHashMap<>();
        peer.put("command", reference.command());
        peer.put("torch", theirs.torch());
        peer.put("threads", theirs.threads());
        peer.put("params", theirs.parameters());
        peer.put("train_samples_per_s", round(theirs.trainPerSecond()));
        peer.put("infer_samples_per_s", round(theirs.inferPerSecond()));
        line.put("peer", peer);
        Map<String, Object> ratio = new LinkedHashMap<>();
        ratio.put("train", round(ours.trainPerSecond() / theirs.trainPerSecond()));
        ratio.put("infer", round(ours.inferPerSecond() / theirs.inferPerSecond()));
        line.put("ratio_to_peer", ratio);
        line.put("goal_ratio_to_peer", GOAL_RATIO);
        return line;
    }
}
