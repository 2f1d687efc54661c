package org.genomod.dl4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.wrapper.BaseWrapperLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.transferlearning.FineTuneConfiguration;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.deeplearning4j.nn.weights.WeightInit;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.model.Batch;
import org.genomod.api.model.DifferentiableModel;
import org.genomod.api.model.Model;
import org.genomod.api.model.ModelRequest;
import org.genomod.api.model.ModelState;
import org.genomod.api.model.Transfer;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A {@link Model} over a Deeplearning4j network with one input and one output. Batches are copied into
 * arrays reused between calls, in the {@link InputLayout} the network's first layer takes.
 *
 * <p>Losses are Deeplearning4j scores: the mean over examples of each example's loss summed over its
 * outputs, plus the L1/L2 penalty when the network has one (as Keras reports it). Class weights
 * (see {@link #of}) weight the loss {@link #fit} optimises and reports; {@link #loss} stays unweighted,
 * so validation losses compare across weightings.
 *
 * <p>Input gradients ({@link #inputGradients}) come from a copy of the network that shares its parameters
 * but has no dropout, batch normalisation fixed at its running statistics and scores in place of the loss: see
 * {@code GradientNetworks}.
 */
@ProviderType
public final class Dl4jModel implements DifferentiableModel {
    /** The file {@link #save} writes: Deeplearning4j's model zip, without updater state. */
    public static final String NETWORK_FILE = "network.zip";

    private final Network network;
    private final DatasetSchema schema;
    private final InputLayout layout;
    private final BatchArrays arrays;
    private boolean closed;

    private Dl4jModel(Network network, DatasetSchema schema, InputLayout layout, float[] classWeights) {
        this.network = network;
        this.schema = Objects.requireNonNull(schema, "schema");
        this.layout = Objects.requireNonNull(layout, "layout");
        if (!layout.accepts(schema.featureShape())) {
            throw new IllegalArgumentException("layout " + layout + " cannot hold examples of shape " + schema.featureShape());
        }
        this.arrays = new BatchArrays(schema, layout, ClassWeights.of(schema, classWeights));
    }

    /**
     * Wraps an initialised network.
     *
     * @param classWeights loss weight per output, or {@code null}: for binary and multi-label tasks the
     *                     weight of that output's positive examples (negatives weigh 1), for multi-class
     *                     tasks the weight of that class's examples, for regression that target's weight
     */
    public static Dl4jModel of(MultiLayerNetwork network, DatasetSchema schema, InputLayout layout, float[] classWeights) {
        return new Dl4jModel(new SequentialNetwork(Objects.requireNonNull(network, "network")), schema, layout, classWeights);
    }

    /**
     * {@link #of(MultiLayerNetwork, DatasetSchema, InputLayout, float[])} for a network of a subclass of
     * {@link MultiLayerNetwork}.
     *
     * @param networkClass makes a network of {@code network}'s class from a configuration, as its constructor
     *                     does; input gradients are computed on such a network
     */
    public static Dl4jModel of(MultiLayerNetwork network, Function<MultiLayerConfiguration, MultiLayerNetwork> networkClass,
                               DatasetSchema schema, InputLayout layout, float[] classWeights) {
        return new Dl4jModel(new SequentialNetwork(Objects.requireNonNull(network, "network"), networkClass), schema, layout,
                classWeights);
    }

    /** Loads what {@link #save} wrote into {@code directory}; the loaded model has no class weights. */
    public static Dl4jModel load(Path directory, DatasetSchema schema, InputLayout layout) throws IOException {
        Path file = directory.resolve(NETWORK_FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException("no saved network: " + file + " does not exist");
        }
        return new Dl4jModel(SequentialNetwork.load(file.toFile()), schema, layout, null);
    }

    /**
     * A model for new data that starts from {@code parent}'s layers and weights (transfer learning): the
     * first layers, or the layers named as {@link #layerNames} names them, frozen as {@code transfer} says, the output
     * head replaced by a fresh one for the new outputs (initialised from the request's seed) unless kept. Exactly those
     * layers are frozen: those a fine-tuned parent kept frozen train again, with their own L1/L2, unless {@code transfer}
     * freezes them too. Frozen layers run in inference mode (no dropout, batch normalisation by its running statistics)
     * and take no updates: no L1/L2 (weight decay) either. The parent is copied, so it may be closed; the
     * copy is a network of the parent's class (see {@link #of(MultiLayerNetwork, Function, DatasetSchema,
     * InputLayout, float[])}), so behaviour such as padding masks carries over.
     *
     * @param loss the loss of a new head, one of {@link OutputHead#LOSSES}
     */
    public static Dl4jModel transfer(Model parent, ModelRequest request, Transfer transfer, String loss) {
        if (!(parent instanceof Dl4jModel source) || !(source.network instanceof SequentialNetwork stack)) {
            throw new IllegalArgumentException("the parent model is not a Deeplearning4j layer stack");
        }
        DatasetSchema schema = request.schema();
        if (!source.schema.featureShape().equals(schema.featureShape()) || !source.schema.encoding().equals(schema.encoding())) {
            throw new IllegalArgumentException("the parent model takes " + source.schema.encoding() + " examples of shape "
                    + source.schema.featureShape() + ", the data is " + schema.encoding() + " of shape " + schema.featureShape());
        }
        if (!transfer.newHead() && (!source.schema.outputs().equals(schema.outputs()) || source.schema.task() != schema.task())) {
            throw new IllegalArgumentException("keeping the parent's head needs the same outputs: the parent predicts "
                    + source.schema.outputs() + ", the data has " + schema.outputs() + " (replace the head instead)");
        }
        MultiLayerNetwork original = stack.multiLayerNetwork();
        int layers = original.getnLayers();
        Set<Integer> named = transfer.frozenPositions(layerNames(original));
        int frozen = transfer.frozenLayers() == Transfer.ALL_BUT_HEAD ? layers - 1 : transfer.frozenLayers();
        while (named.remove(frozen)) {
            frozen++; // named layers that lead the stack are frozen as a count would freeze them
        }
        for (int i : named) {
            if (hasBatchNormalization(original.getLayerWiseConfigurations().getConf(i).getLayer())) {
                throw new IllegalArgumentException("cannot freeze the batch normalisation '" + layerNames(original).get(i)
                        + "' while layers before it train (Deeplearning4j cannot backpropagate through a frozen one):"
                        + " freeze it with every layer before it, or leave it trainable");
            }
        }
        if (frozen > layers - 1) {
            throw new IllegalArgumentException("cannot freeze " + frozen + " layers of a network of " + layers
                    + ": the head at least must train");
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
        // the builder initialises a new head from ND4J's global generator (as it adds the layer), not from the fine-tune seed
        Nd4j.getRandom().setSeed(request.seed());
        // the parent's frozen layers (a fine-tuned parent's) train again unless this transfer freezes them
        TransferLearning.Builder builder = new TransferLearning.Builder(FrozenLayers.thawed(original))
                .fineTuneConfiguration(tuning.build());
        if (frozen > 0) {
            builder.setFeatureExtractor(frozen - 1); // freezes layers 0 .. frozen-1
        }
        if (transfer.newHead()) {
            long inputs = ((FeedForwardLayer) original.getOutputLayer().conf().getLayer()).getNIn();
            builder.removeOutputLayer().addLayer(OutputHead.builder(schema, loss).nIn(inputs).weightInit(WeightInit.XAVIER).build());
        }
        MultiLayerNetwork tuned = builder.build();
        if (!named.isEmpty()) {
            tuned = FrozenLayers.freeze(tuned, named);
        }
        return new Dl4jModel(stack.sameClass(tuned), schema, source.layout, request.classWeights());
    }

    /**
     * The names of {@code network}'s layers in order, as its summary prints them and {@link Transfer#frozenNames()}
     * takes them: those set in the configuration, else Deeplearning4j's {@code layer0}, {@code layer1}, ...
     */
    public static List<String> layerNames(MultiLayerNetwork network) {
        return Arrays.stream(network.getLayers()).map(layer -> layer.conf().getLayer().getLayerName()).toList();
    }

    private static boolean hasBatchNormalization(Layer layer) {
        if (layer instanceof Bidirectional both) {
            return hasBatchNormalization(both.getFwd());
        }
        if (layer instanceof BaseWrapperLayer wrapper) {
            return hasBatchNormalization(wrapper.getUnderlying());
        }
        if (layer instanceof FrozenLayer frozen) {
            return hasBatchNormalization(frozen.getLayer());
        }
        return layer instanceof BatchNormalization;
    }

    @Override
    public DatasetSchema schema() {
        return schema;
    }

    Network network() {
        return network;
    }

    public InputLayout layout() {
        return layout;
    }

    /** The wrapped network, for families that inspect it (its first layers' filters, say); not to be closed. */
    public MultiLayerNetwork multiLayerNetwork() {
        requireOpen();
        return ((SequentialNetwork) network).multiLayerNetwork();
    }

    /**
     * The output of network layer {@code layer} (from 0) for the batch in inference mode, flattened row-major in
     * Deeplearning4j's layout for that layer ({@code [size, channels, positions]} for convolutions).
     */
    public float[] layerOutput(Batch batch, int layer) {
        requireOpen();
        NativeThreads.applyToCurrentThread();
        MultiLayerNetwork layers = multiLayerNetwork();
        Objects.checkIndex(layer, layers.getnLayers());
        List<INDArray> activations = layers.feedForwardToLayer(layer, arrays.features(batch), false);
        return SequentialNetwork.toFloats(activations.get(layer + 1)); // detached arrays, left to the garbage collector
    }

    /**
     * Gradients of output {@code output}'s score with respect to the batch's features, in their stored order:
     * d(log-odds) for sigmoid outputs, d(log-probability) for a softmax, d(value) for regression. Inference mode
     * (no dropout, batch normalisation by its running statistics); class weights and losses play no part.
     */
    @Override
    public float[] inputGradients(Batch batch, int output) {
        requireOpen();
        Objects.checkIndex(output, schema.labelSize());
        NativeThreads.applyToCurrentThread();
        INDArray features = arrays.features(batch);
        float[] arranged;
        try (INDArray selection = Selections.oneHot(batch.size(), schema.labelSize(), output)) {
            arranged = network.inputGradients(features, selection);
        }
        float[] gradients = new float[batch.size() * schema.featureSize()];
        layout.restore(arranged, batch.size(), schema.featureShape(), gradients);
        return gradients;
    }

    @Override
    public void epochStarted(int epoch) {
        requireOpen();
        network.epochStarted(epoch);
    }

    @Override
    public double fit(Batch batch) {
        requireOpen();
        NativeThreads.applyToCurrentThread();
        INDArray features = arrays.features(batch);
        INDArray labels = arrays.labels(batch);
        return network.fit(features, labels, arrays.labelWeights(batch));
    }

    @Override
    public float[] predict(Batch batch) {
        requireOpen();
        NativeThreads.applyToCurrentThread();
        return network.output(arrays.features(batch));
    }

    @Override
    public double loss(Batch batch) {
        requireOpen();
        NativeThreads.applyToCurrentThread();
        INDArray features = arrays.features(batch);
        return network.score(features, arrays.labels(batch));
    }

    @Override
    public ModelState snapshot() {
        requireOpen();
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            return new Snapshot(this, network.params().dup());
        }
    }

    @Override
    public void restore(ModelState state) {
        requireOpen();
        if (!(state instanceof Snapshot snapshot) || snapshot.model != this) {
            throw new IllegalArgumentException("the state was not taken from this model");
        }
        network.setParams(snapshot.values);
    }

    @Override
    public void save(Path directory) throws IOException {
        requireOpen();
        network.save(directory.resolve(NETWORK_FILE).toFile());
    }

    @Override
    public long parameterCount() {
        requireOpen();
        return network.numParams();
    }

    @Override
    public String summary() {
        requireOpen();
        return network.summary(layout.inputType(schema.featureShape()));
    }

    /** Frees the network's native memory and this thread's workspaces; later calls fail. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        NativeMemory.release(network::close, arrays::close);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the model is closed");
        }
    }

    /** A detached copy of the parameters; restoring copies it back, so one state can be restored repeatedly. */
    private record Snapshot(Dl4jModel model, INDArray values) implements ModelState {
    }
}
