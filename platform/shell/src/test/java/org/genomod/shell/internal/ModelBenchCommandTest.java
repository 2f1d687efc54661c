package org.genomod.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.model.Batch;
import org.genomod.api.model.Model;
import org.genomod.api.model.ModelFamily;
import org.genomod.api.model.ModelRequest;
import org.genomod.api.model.ModelState;
import org.genomod.api.param.Parameter;
import org.genomod.api.param.ParameterSchema;
import org.genomod.api.param.ParameterType;
import org.genomod.api.param.Parameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Argument handling and the shape of the JSON lines, with a stand-in model family and peer; nothing is timed. */
class ModelBenchCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final FakeFamily family = new FakeFamily();

    private ModelBenchCommand command(String... args) {
        ModelBenchCommand command = new ModelBenchCommand(null,
                new Console(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream())));
        command.environment = Map.of("OMP_NUM_THREADS", "2");
        command.python = List.of("sh");
        new CommandLine(command).parseArgs(args);
        return command;
    }

    private List<JsonNode> lines() throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).lines().toList()) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private Path peer(String body) throws Exception {
        Path script = dir.resolve("peer.sh");
        Files.writeString(script, body);
        return script;
    }

    @Test
    void defaultsFollowTheReference() {
        ModelBenchCommand command = command();
        assertEquals(5.0, command.seconds);
        assertNull(command.peer);
        assertNull(command.threads);
        assertEquals(1, command.rounds);
    }

    @Test
    void buildsTheReadmeNetworksThroughTheFamily() throws Exception {
        assertEquals(0, command("--seconds", "0.01").run(family));
        assertEquals(2, family.requests.size());
        Parameters basset = family.requests.get(1).hyperParameters();
        assertEquals(List.of(300, 200, 200), basset.integers("filters"));
        assertEquals(List.of(19, 11, 7), basset.integers("widths"));
        assertEquals(List.of(3, 4, 4), basset.integers("pooling"));
        assertEquals(List.of(1000, 1000), basset.integers("dense"));
        assertTrue(basset.flag("batch_norm"));
        assertEquals(List.of(600, 4), family.requests.get(1).schema().featureShape());
        assertEquals(164, family.requests.get(1).schema().labelSize());
        assertEquals(List.of(24), family.requests.get(0).hyperParameters().integers("widths"));
        assertEquals("adam", family.requests.get(0).training().optimizer());
        assertEquals(1e-3, family.requests.get(0).training().learningRate());
        assertEquals(2, family.closed, "every model is closed");
    }

    @Test
    void printsOneLinePerNetworkWithThePeersFiguresAndTheRatios() throws Exception {
        Path script = peer("echo '{\"model\": \"deepbind\", \"threads\": '$1', \"torch\": \"9.9\", \"params\": 2129, "
                + "\"train_samples_per_s\": 1000.0, \"infer_samples_per_s\": 4000.0}'\n"
                + "echo '{\"model\": \"basset\", \"threads\": '$1', \"torch\": \"9.9\", \"params\": 4531064, "
                + "\"train_samples_per_s\": 50.0, \"infer_samples_per_s\": 100.0}'\n");
        assertEquals(0, command("--seconds", "0.01", "--threads", "2", "--peer", script.toString()).run(family));
        List<JsonNode> lines = lines();
        assertEquals(List.of("deepbind", "basset"), lines.stream().map(l -> l.get("model").asText()).toList());
        for (JsonNode line : lines) {
            assertEquals("models", line.get("benchmark").asText());
            assertEquals(FakeModel.PARAMETERS, line.get("params").asLong());
            assertEquals(2, line.get("threads").asInt());
            assertTrue(line.get("train_samples_per_s").asDouble() > 0 && line.get("infer_samples_per_s").asDouble() > 0, line.toString());
            JsonNode peer = line.get("peer");
            assertEquals(2, peer.get("threads").asInt(), "the peer runs with the same thread count");
            assertEquals("9.9", peer.get("torch").asText());
            assertTrue(peer.get("command").asText().endsWith("peer.sh 2"), peer.toString());
            double train = line.get("train_samples_per_s").asDouble() / peer.get("train_samples_per_s").asDouble();
            double infer = line.get("infer_samples_per_s").asDouble() / peer.get("infer_samples_per_s").asDouble();
            assertEquals(train, line.get("ratio_to_peer").get("train").asDouble(), train * 0.01);
            assertEquals(infer, line.get("ratio_to_peer").get("infer").asDouble(), infer * 0.01);
            assertEquals(1.5, line.get("goal_ratio_to_peer").asDouble());
            assertFalse(line.has("peer_error"));
        }
        assertEquals(4531064, lines.get(1).get("peer").get("params").asLong());
    }

    /**
     * Three rounds: the peer goes first, then second, then first; the line gives the medians of each side's figures
     * and the median of the rounds' ratios, and lists those.
     */
    @Test
    void roundsTakeTurnsAndGiveMedians() throws Exception {
        Path runs = dir.resolve("peer-runs");
        Files.createFile(runs);
        Path script = peer("echo run >> '" + runs + "'\n"
                + "n=$(wc -l < '" + runs + "')\n"
                + "for model in deepbind basset; do echo '{\"model\": \"'$model'\", \"threads\": 2, \"torch\": \"9.9\", "
                + "\"params\": 1, \"train_samples_per_s\": '$((n * 1000))', \"infer_samples_per_s\": 4000.0}'; done\n");
        family.beforeCreate = () -> family.peerRunsSeen.add(lines(runs));
        assertEquals(0, command("--seconds", "0.01", "--rounds", "3", "--peer", script.toString()).run(family));
        // ours after the first peer run (round 1), before the second (round 2), after the third (round 3)
        assertEquals(List.of(1, 1, 1, 1, 3, 3), family.peerRunsSeen);
        for (JsonNode line : lines()) {
            assertEquals(3, line.get("rounds").asInt());
            assertEquals(2000.0, line.get("peer").get("train_samples_per_s").asDouble(), "the peer's median");
            JsonNode train = line.get("round_ratios").get("train");
            assertEquals(3, train.size());
            double[] ratios = {train.get(0).asDouble(), train.get(1).asDouble(), train.get(2).asDouble()};
            assertEquals(ModelBenchCommand.median(ratios), line.get("ratio_to_peer").get("train").asDouble(), 1e-9);
        }
        assertEquals(1.0, ModelBenchCommand.median(new double[] {3, 1, 0.5}));
        assertEquals(1.5, ModelBenchCommand.median(new double[] {2, 1}));
    }

    private static int lines(Path file) {
        try {
            return (int) Files.lines(file).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The peer runs as its users run it: without the native settings bin/genomod chose for us, with the user's. */
    @Test
    void thePeerRunsWithoutTheLaunchersOwnSettingsAndOurLinesNameThem() throws Exception {
        Path script = peer("""
                echo "{\\"model\\": \\"deepbind\\", \\"threads\\": $1, \\"params\\": 1, \\"train_samples_per_s\\": 1.0, \\"infer_samples_per_s\\": 1.0, \\"torch\\": \\"${OMP_WAIT_POLICY:-unset} ${OPENBLAS_THREAD_TIMEOUT:-unset} ${OMP_NUM_THREADS:-unset} ${GENOMOD_NATIVE_DEFAULTS:-unset}\\"}"
                """);
        ModelBenchCommand command = command("--seconds", "0.01", "--peer", script.toString());
        // bin/genomod set the wait policy; the user set OpenBLAS's timeout
        command.environment = Map.of("OMP_NUM_THREADS", "2", "OMP_WAIT_POLICY", "PASSIVE", "OPENBLAS_THREAD_TIMEOUT", "8",
                TorchPeer.LAUNCHER_DEFAULTS, "OMP_WAIT_POLICY");
        command.run(family);
        JsonNode deepBind = lines().get(0);
        assertEquals("unset 8 2 unset", deepBind.get("peer").get("torch").asText(), "the peer's environment");
        assertEquals(Map.of("OMP_WAIT_POLICY", "PASSIVE", "OPENBLAS_THREAD_TIMEOUT", "8"),
                JSON.convertValue(deepBind.get("native_settings"), Map.class), "ours");
    }

    @Test
    void aPeerThatCannotRunIsNamedInEveryLineAndFailsTheRun() throws Exception {
        Path script = peer("echo \"ModuleNotFoundError: No module named 'torch'\" >&2\nexit 1\n");
        assertEquals(1, command("--seconds", "0.01", "--peer", script.toString()).run(family));
        List<JsonNode> lines = lines();
        assertEquals(2, lines.size(), "our figures are still printed");
        for (JsonNode line : lines) {
            String error = line.get("peer_error").asText();
            assertTrue(error.contains("No module named 'torch'") && error.contains("apt-get install -y python3-torch"), error);
            assertFalse(line.has("ratio_to_peer"));
        }
    }

    @Test
    void withoutAPeerTheLinesCarryOnlyOurFigures() throws Exception {
        assertEquals(0, command("--seconds", "0.01").run(family));
        for (JsonNode line : lines()) {
            assertFalse(line.has("peer") || line.has("peer_error") || line.has("ratio_to_peer"), line.toString());
            assertEquals(2, line.get("threads").asInt(), "the count in effect is OMP_NUM_THREADS");
        }
    }

    @Test
    void rejectsOptionsItCannotHonourBeforeMeasuring() {
        assertEquals(2, execute("--seconds", "0").code);
        assertEquals(2, execute("--threads", "0").code);
        Result rounds = execute("--rounds", "0");
        assertEquals(2, rounds.code);
        assertTrue(rounds.err.contains("--rounds must be at least 1"), rounds.err);
        Result threads = execute("--threads", "1");
        assertEquals(2, threads.code);
        assertTrue(threads.err.contains("OMP_NUM_THREADS") && threads.err.contains("bin/genomod"), threads.err);
        Result peer = execute("--peer", dir.resolve("missing.py").toString());
        assertEquals(2, peer.code);
        assertTrue(peer.err.contains("no such file"), peer.err);
        assertTrue(family.requests.isEmpty());
    }

    @Test
    void peerOutputThatIsNotTheReferencesIsAnError() {
        assertTrue(TorchPeer.parse("p", "hello\n").error().contains("not JSON"));
        assertTrue(TorchPeer.parse("p", "{\"model\": \"deepbind\"}\n").error().contains("train_samples_per_s"));
        assertTrue(TorchPeer.parse("p", "").error().contains("no figures"));
        TorchPeer.Outcome ok = TorchPeer.parse("p", "{\"model\": \"x\", \"train_samples_per_s\": 1, \"infer_samples_per_s\": 2}");
        assertNull(ok.error());
        assertEquals(2.0, ok.figures().get("x").inferPerSecond());
    }

    @Test
    void randomBatchesAreOneHot() {
        DatasetSchema schema = BenchNetwork.DEEPBIND.schema();
        Batch batch = ModelThroughput.randomBatch(schema, 3, new SplittableRandom(1));
        for (int position = 0; position < 3 * BenchNetwork.DEEPBIND.length(); position++) {
            float sum = 0;
            for (int c = 0; c < BenchNetwork.CHANNELS; c++) {
                sum += batch.features()[position * BenchNetwork.CHANNELS + c];
            }
            assertEquals(1f, sum);
        }
        assertEquals(3, batch.labels().length);
    }

    private record Result(int code, String err) {
    }

    private Result execute(String... args) {
        ModelBenchCommand command = new ModelBenchCommand(null, new Console(System.out, System.err));
        command.environment = Map.of("OMP_NUM_THREADS", "2");
        StringWriter err = new StringWriter();
        CommandLine line = new CommandLine(command);
        line.setErr(new PrintWriter(err, true));
        return new Result(line.execute(args), err.toString());
    }

    /** Accepts the cnn family's architecture keys and builds models that do nothing. */
    private static final class FakeFamily implements ModelFamily {
        final List<ModelRequest> requests = new ArrayList<>();
        final List<Integer> peerRunsSeen = new ArrayList<>();
        Runnable beforeCreate = () -> { };
        int closed;

        @Override
        public ParameterSchema hyperParameters() {
            ParameterSchema.Builder schema = ParameterSchema.builder();
            for (String name : List.of("preset", "padding", "activation", "loss")) {
                schema.add(new Parameter(name, ParameterType.STRING, false, null, name, null, null, null));
            }
            for (String name : List.of("filters", "widths", "pooling", "dense")) {
                schema.add(new Parameter(name, ParameterType.INTEGER_LIST, false, null, name, null, null, null));
            }
            schema.add(new Parameter("dropout", ParameterType.NUMBER, false, null, "dropout", null, null, null));
            schema.add(new Parameter("l2", ParameterType.NUMBER, false, null, "l2", null, null, null));
            schema.add(new Parameter("batch_norm", ParameterType.BOOLEAN, false, null, "batch_norm", null, null, null));
            return schema.build();
        }

        @Override
        public Model create(ModelRequest request) {
            beforeCreate.run();
            requests.add(request);
            return new FakeModel(request.schema(), () -> closed++);
        }

        @Override
        public Model load(Path directory, DatasetSchema schema, Parameters hyperParameters) {
            throw new UnsupportedOperationException();
        }
    }

    private record FakeModel(DatasetSchema schema, Runnable onClose) implements Model {
        static final long PARAMETERS = 1234;

        @Override
        public double fit(Batch batch) {
            return 0.5;
        }

        @Override
        public float[] predict(Batch batch) {
            return new float[batch.size() * schema.labelSize()];
        }

        @Override
        public double loss(Batch batch) {
            return 0.5;
        }

        @Override
        public ModelState snapshot() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void restore(ModelState state) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void save(Path directory) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long parameterCount() {
            return PARAMETERS;
        }

        @Override
        public String summary() {
            return "fake";
        }

        @Override
        public void close() {
            onClose.run();
        }
    }
}
