package org.genomod.dl4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.transferlearning.FineTuneConfiguration;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.deeplearning4j.util.ModelSerializer;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;
import org.genomod.api.model.Batch;
import org.genomod.api.model.DifferentiableModel;
import org.genomod.api.model.Model;
import org.genomod.api.model.ModelRequest;
import org.genomod.api.model.ModelState;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A {@link Model} over a Deeplearning4j {@link ComputationGraph} with several inputs and several outputs:
 * the {@link Dl4jModel} of multi-modal and multi-task networks. Each graph input takes a slice of every
 * example's features (one input of a joined dataset, say) in its own {@link InputLayout}; each graph
 * output predicts consecutive columns of the labels (one task), and predictions are those columns side by
 * side, in the schema's output order.
 *
 * <p>Losses are Deeplearning4j scores: the sum over the graph's output layers of their mean per-example
 * loss, plus the L1/L2 penalty. A family weights its tasks in the output layers' loss functions, which
 * then weight both {@link #fit} and {@link #loss}. Class weights (as in {@link Dl4jModel#of}) are label
 * masks that weight {@link #fit} only, so validation losses compare across weightings.
 *
 * <p>{@link #inputGradients} differentiates with respect to an example's whole feature vector, each input's
 * gradient in place at its offset, from a copy of the graph that shares its parameters ({@code GradientNetworks}).
 */
@ProviderType
public final class Dl4jGraphModel implements DifferentiableModel {
    /** The file {@link #save} writes: Deeplearning4j's model zip, without updater state. */
    public static final String NETWORK_FILE = Dl4jModel.NETWORK_FILE;

    /**
     * One of the graph's inputs, in the graph's input order.
     *
     * @param offset where its values start in an example's features
     * @param shape  its shape, row-major, as stored in the features
     * @param layout how it is fed to the graph
     */
    public record Input(int offset, List<Integer> shape, InputLayout layout) {
        public Input {
            shape = List.copyOf(shape);
            if (offset < 0 || shape.isEmpty() || shape.stream().anyMatch(d -> d < 1)) {
                throw new IllegalArgumentException("an input needs an offset >= 0 and positive dimensions, got " + offset + " " + shape);
            }
            if (!layout.accepts(shape)) {
                throw new IllegalArgumentException("layout " + layout + " cannot hold an input of shape " + shape);
            }
        }

        /** Values per example. */
        public int size() {
            return shape.stream().reduce(1, (a, b) -> a * b);
        }

        /** The input type to give the graph's {@code setInputTypes}. */
        public InputType inputType() {
            return layout.inputType(shape);
        }
    }

    /**
     * One of the graph's outputs, in the graph's output order.
     *
     * @param first its first column of the labels and predictions
     * @param count how many columns it predicts
     */
    public record Output(int first, int count) {
        public Output {
            if (first < 0 || count < 1) {
                throw new IllegalArgumentException("an output needs a first column >= 0 and at least one column, got " + first + ", " + count);
            }
        }
    }

    private final ComputationGraph graph;
    private final DatasetSchema schema;
    private final List<Input> inputs;
    private final List<Output> outputs;
    private final GraphArrays arrays;
    /** Made on the first gradient request. */
    private GradientGraph gradients;
    private boolean closed;

    private Dl4jGraphModel(ComputationGraph graph, DatasetSchema schema, List<Input> inputs, List<Output> outputs, float[] classWeights) {
        this.graph = Objects.requireNonNull(graph, "graph");
        WeightedOutputLayer.install(graph);
        this.schema = Objects.requireNonNull(schema, "schema");
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
        check();
        this.arrays = new GraphArrays(schema, this.inputs, this.outputs, ClassWeights.of(schema, classWeights));
    }

    /**
     * Wraps an initialised graph.
     *
     * @param classWeights loss weight per output column, or {@code null}, as in {@link Dl4jModel#of}; a
     *                     multi-class task's weights need one graph output for all its classes
     */
    public static Dl4jGraphModel of(ComputationGraph graph, DatasetSchema schema, List<Input> inputs, List<Output> outputs,
                                    float[] classWeights) {
        return new Dl4jGraphModel(graph, schema, inputs, outputs, classWeights);
    }

    /** Loads what {@link #save} wrote into {@code directory}; the loaded model has no class weights. */
    public static Dl4jGraphModel load(Path directory, DatasetSchema schema, List<Input> inputs, List<Output> outputs) throws IOException {
        Path file = directory.resolve(NETWORK_FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException("no saved network: " + file + " does not exist");
        }
        return new Dl4jGraphModel(ModelSerializer.restoreComputationGraph(file.toFile(), false), schema, inputs, outputs, null);
    }

    /**
     * A model for new data that starts from {@code parent}'s graph and weights (transfer learning); the family
     * says what is frozen and how the heads change. The copy trains with the request's optimizer, learning rate
     * and gradient clip; new layers start from the request's seed, so a fine-tuning job repeats exactly. The
     * parent is copied, so it may be closed. Layers the parent kept frozen (a fine-tuned parent) train again unless
     * {@code frozen} names them.
     *
     * @param frozen  layer vertices that keep the parent's weights, with every vertex between them and the graph's
     *                inputs (Deeplearning4j's feature extractor); empty to fine-tune everything
     * @param heads   edits on Deeplearning4j's transfer builder that replace output heads, or do nothing to keep them;
     *                layers it adds take no settings from the parent's network, so they name their own
     * @param inputs  the new model's graph inputs, which must be the parent's
     * @param outputs the new model's graph outputs, as {@code heads} leaves them
     * @throws IllegalArgumentException when the parent is not a graph model or reads other inputs
     */
    public static Dl4jGraphModel transfer(Model parent, ModelRequest request, Collection<String> frozen,
                                          Consumer<TransferLearning.GraphBuilder> heads, List<Input> inputs, List<Output> outputs) {
        if (!(parent instanceof Dl4jGraphModel source)) {
            throw new IllegalArgumentException("the parent model is not a Deeplearning4j computation graph");
        }
        source.requireOpen();
        DatasetSchema schema = request.schema();
        if (!source.inputs.equals(inputs) || !source.schema.encoding().equals(schema.encoding())) {
            throw new IllegalArgumentException("the parent model reads " + source.schema.encoding() + " examples as inputs " + source.inputs
                    + ", the data is " + schema.encoding() + " read as " + inputs);
        }
        // the bias updater too: a layer frozen by name in a network saved before dl4j 1.5 kept NoOp for it, which
        // would apply its raw gradient once thawed
        IUpdater updater = Optimizers.updater(request.training());
        FineTuneConfiguration.Builder tuning = new FineTuneConfiguration.Builder()
                .updater(updater).biasUpdater(updater).seed(request.seed());
        if (request.training().gradientClip() > 0) {
            tuning.gradientNormalization(GradientNormalization.ClipElementWiseAbsoluteValue)
                    .gradientNormalizationThreshold(request.training().gradientClip());
        }
        // the parent's frozen layers (a fine-tuned parent's) train again unless this transfer freezes them
        TransferLearning.GraphBuilder builder = new TransferLearning.GraphBuilder(FrozenLayers.thawed(source.graph))
                .fineTuneConfiguration(tuning.build());
        if (!frozen.isEmpty()) {
            builder.setFeatureExtractor(frozen.toArray(String[]::new));
        }
        heads.accept(builder);
        // the new graph draws every initial weight from ND4J's global generator before the kept ones are copied in
        Nd4j.getRandom().setSeed(request.seed());
        return new Dl4jGraphModel(builder.build(), schema, inputs, outputs, request.classWeights());
    }

    /** The inputs must lie within an example and the outputs cover the labels in order, one graph array each. */
    private void check() {
        if (inputs.size() != graph.getNumInputArrays() || outputs.size() != graph.getNumOutputArrays()) {
            throw new IllegalArgumentException("the graph has " + graph.getNumInputArrays() + " inputs and " + graph.getNumOutputArrays()
                    + " outputs, given " + inputs.size() + " and " + outputs.size());
        }
        for (Input input : inputs) {
            if (input.offset() + input.size() > schema.featureSize()) {
                throw new IllegalArgumentException("input at " + input.offset() + " of shape " + input.shape() + " ends beyond the "
                        + schema.featureSize() + " feature values of an example");
            }
        }
        int next = 0;
        for (Output output : outputs) {
            if (output.first() != next) {
                throw new IllegalArgumentException("graph outputs must predict consecutive label columns from 0, got " + outputs);
            }
            next += output.count();
        }
        if (next != schema.labelSize()) {
            throw new IllegalArgumentException("graph outputs predict " + next + " columns, the schema has " + schema.labelSize() + " outputs");
        }
        if (schema.task() == TaskType.MULTICLASS && outputs.size() != 1) {
            throw new IllegalArgumentException("a multi-class task is one softmax output, not " + outputs.size());
        }
    }

    @Override
    public DatasetSchema schema() {
        return schema;
    }

    /** The wrapped graph, for families that inspect or adjust it. */
    public ComputationGraph graph() {
        requireOpen();
        return graph;
    }

    @Override
    public void epochStarted(int epoch) {
        requireOpen();
        graph.getConfiguration().setEpochCount(epoch - 1); // Deeplearning4j counts epochs from 0
    }

    @Override
    public double fit(Batch batch) {
        requireOpen();
        NativeThreads.applyToCurrentThread();
        graph.fit(arrays.features(batch), arrays.labels(batch), null, arrays.labelWeights(batch));
        return graph.score();
    }

    @Override
    public float[] predict(Batch batch) {
        requireOpen();
        NativeThreads.applyToCurrentThread();
        INDArray[] out = graph.output(false, arrays.features(batch));
        int size = batch.size();
        int width = schema.labelSize();
        float[] predictions = new float[size * width];
        for (int o = 0; o < outputs.size(); o++) {
            Output output = outputs.get(o);
            float[] values = SequentialNetwork.toFloats(out[o]);
            for (int e = 0; e < size; e++) {
                System.arraycopy(values, e * output.count(), predictions, e * width + output.first(), output.count());
            }
            out[o].close();
        }
        return predictions;
    }

    /**
     * Gradients of output {@code output}'s score (log-odds, log-probability or value, as in
     * {@link Dl4jModel#inputGradients}) with respect to the batch's features, in their stored order; features
     * no graph input reads get 0. The gradient copy's forward pass runs in training mode, which without
     * dropout (removed) and with batch normalisation held at its running statistics computes what inference does.
     */
    @Override
    public float[] inputGradients(Batch batch, int output) {
        requireOpen();
        Objects.checkIndex(output, schema.labelSize());
        NativeThreads.applyToCurrentThread();
        if (gradients == null) {
            gradients = GradientNetworks.copy(graph);
        }
        int size = batch.size();
        INDArray[] selections = new INDArray[outputs.size()];
        for (int o = 0; o < outputs.size(); o++) {
            Output graphOutput = outputs.get(o);
            int column = output - graphOutput.first();
            selections[o] = Selections.oneHot(size, graphOutput.count(), column < graphOutput.count() ? column : -1);
        }
        INDArray[] perInput = gradients.inputGradients(arrays.features(batch), selections);
        float[] result = new float[size * schema.featureSize()];
        for (int k = 0; k < inputs.size(); k++) {
            if (perInput[k] != null) { // null when no output depends on the input
                add(inputs.get(k), SequentialNetwork.toFloats(perInput[k]), size, result);
            }
        }
        for (INDArray selection : selections) {
            selection.close();
        }
        return result;
    }

    /** Adds one input's gradients, in its layout, to the examples' flat gradients at the input's offset. */
    private void add(Input input, float[] arranged, int size, float[] result) {
        int n = input.size();
        float[] stored = new float[size * n];
        input.layout().restore(arranged, size, input.shape(), stored);
        for (int e = 0; e < size; e++) {
            int to = e * schema.featureSize() + input.offset();
            for (int j = 0; j < n; j++) {
                result[to + j] += stored[e * n + j];
            }
        }
    }

    @Override
    public double loss(Batch batch) {
        requireOpen();
        NativeThreads.applyToCurrentThread();
        return graph.score(new MultiDataSet(arrays.features(batch), arrays.labels(batch)), false);
    }

    @Override
    public ModelState snapshot() {
        requireOpen();
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            return new Snapshot(this, graph.params().dup());
        }
    }

    @Override
    public void restore(ModelState state) {
        requireOpen();
        if (!(state instanceof Snapshot snapshot) || snapshot.model != this) {
            throw new IllegalArgumentException("the state was not taken from this model");
        }
        graph.setParams(snapshot.values);
    }

    @Override
    public void save(Path directory) throws IOException {
        requireOpen();
        ModelSerializer.writeModel(graph, directory.resolve(NETWORK_FILE).toFile(), false);
    }

    @Override
    public long parameterCount() {
        requireOpen();
        return graph.numParams();
    }

    @Override
    public String summary() {
        requireOpen();
        return graph.summary(inputs.stream().map(Input::inputType).toArray(InputType[]::new));
    }

    /** Frees the graph's native memory and this thread's workspaces; later calls fail. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        NativeMemory.release(graph::close, arrays::close);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the model is closed");
        }
    }

    /** A detached copy of the parameters; restoring copies it back, so one state can be restored repeatedly. */
    private record Snapshot(Dl4jGraphModel model, INDArray values) implements ModelState {
    }
}
