package org.genomod.shell.internal;

import static org.genomod.shell.internal.BenchLines.round;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
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
 * reference runs first in the same invocation and each line adds its figures and our rate over its rate. With
 * {@code --rounds N}, both sides are measured N times, taking turns to go first, and each line gives the medians.
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

    @Option(names = "--rounds", defaultValue = "1", paramLabel = "N",
            description = {"measure both sides N times, the peer first in odd rounds and second in even ones, and print "
                    + "the medians (ratios: the median of each round's ratio); steadier where other load comes and goes "
                    + "(default: ${DEFAULT-VALUE})"})
    int rounds;

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
        if (rounds < 1) {
            throw new ParameterException(spec.commandLine(), "--rounds must be at least 1, got " + rounds);
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
        TorchPeer torch = peer == null ? null : new TorchPeer(python, PEER_TIMEOUT_SECONDS, environment);
        Path script = peer == null ? null : peer.toAbsolutePath().normalize();
        Map<BenchNetwork, List<ModelThroughput.Figures>> ours = new EnumMap<>(BenchNetwork.class);
        Map<BenchNetwork, Double> loads = new EnumMap<>(BenchNetwork.class);
        List<TorchPeer.Outcome> references = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            // the side measured first alternates, so that load that comes or goes weighs on both alike
            boolean peerFirst = round % 2 == 0;
            if (torch != null && peerFirst) {
                references.add(torch.run(script, count));
            }
            for (BenchNetwork network : BenchNetwork.values()) {
                loads.putIfAbsent(network, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                ours.computeIfAbsent(network, n -> new ArrayList<>()).add(ModelThroughput.measure(family, network, seconds, SEED));
            }
            if (torch != null && !peerFirst) {
                references.add(torch.run(script, count));
            }
        }
        for (BenchNetwork network : BenchNetwork.values()) {
            Map<String, Object> line = line(network, ours.get(network), count, loads.get(network), references);
            line.put("native_settings", nativeSettings(environment));
            BenchLines.print(console, line);
        }
        return references.stream().anyMatch(reference -> reference.error() != null) ? 1 : 0;
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

    /**
     * The line of {@code network}: our figures of each round (medians when there are several), and with the peer's
     * {@code references} of the same rounds (none without a peer) theirs and the ratios.
     */
    static Map<String, Object> line(BenchNetwork network, List<ModelThroughput.Figures> ours, int threads,
                                    double loadAverage, List<TorchPeer.Outcome> references) {
        Map<String, Object> line = BenchLines.line("models", null);
        line.put("model", network.key());
        line.put("what", network.architecture());
        line.put("family", "cnn");
        line.put("params", ours.get(0).parameters());
        line.put("threads", threads);
        line.put("train_batch", ModelThroughput.TRAIN_BATCH);
        line.put("infer_batch", ModelThroughput.INFER_BATCH);
        line.put("train_samples_per_s", round(median(ours, ModelThroughput.Figures::trainPerSecond)));
        line.put("infer_samples_per_s", round(median(ours, ModelThroughput.Figures::inferPerSecond)));
        line.put("load_average", loadAverage < 0 ? null : round(loadAverage));
        if (ours.size() > 1) {
            line.put("rounds", ours.size());
        }
        if (references.isEmpty()) {
            return line;
        }
        List<TorchPeer.Figures> theirs = new ArrayList<>();
        for (TorchPeer.Outcome reference : references) {
            TorchPeer.Figures figures = reference.figures().get(network.key());
            if (figures == null) {
                line.put("peer_error", reference.command() + ": "
                        + (reference.error() != null ? reference.error() : "printed no figures for " + network.key()));
                return line;
            }
            theirs.add(figures);
        }
        TorchPeer.Figures first = theirs.get(0);
        Map<String, Object> peer = new LinkedHashMap<>();
        peer.put("command", references.get(0).command());
        peer.put("torch", first.torch());
        peer.put("threads", first.threads());
        peer.put("params", first.parameters());
        peer.put("train_samples_per_s", round(median(theirs, TorchPeer.Figures::trainPerSecond)));
        peer.put("infer_samples_per_s", round(median(theirs, TorchPeer.Figures::inferPerSecond)));
        line.put("peer", peer);
        double[] train = new double[theirs.size()];
        double[] infer = new double[theirs.size()];
        for (int round = 0; round < theirs.size(); round++) {
            train[round] = ours.get(round).trainPerSecond() / theirs.get(round).trainPerSecond();
            infer[round] = ours.get(round).inferPerSecond() / theirs.get(round).inferPerSecond();
        }
        Map<String, Object> ratio = new LinkedHashMap<>();
        ratio.put("train", round(median(train)));
        ratio.put("infer", round(median(infer)));
        line.put("ratio_to_peer", ratio);
        if (theirs.size() > 1) {
            Map<String, Object> rounds = new LinkedHashMap<>();
            rounds.put("train", Arrays.stream(train).map(BenchLines::round).toArray());
            rounds.put("infer", Arrays.stream(infer).map(BenchLines::round).toArray());
            line.put("round_ratios", rounds);
        }
        line.put("goal_ratio_to_peer", GOAL_RATIO);
        return line;
    }

    private static <T> double median(List<T> rounds, ToDoubleFunction<T> figure) {
        return median(rounds.stream().mapToDouble(figure).toArray());
    }

    /** The middle value, or the mean of the middle two. */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
