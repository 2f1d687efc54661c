package org.genomod.model.gcn.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.genomod.api.compute.Accelerator;
import org.genomod.api.compute.CsrMatrix;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.Network;
import org.genomod.api.data.TaskType;
import org.genomod.api.model.Batch;
import org.genomod.api.model.DifferentiableModel;
import org.genomod.api.model.ModelState;
import org.genomod.api.model.Transfer;

/**
 * A graph convolutional network over the network that comes with each batch ({@link Batch#network()}).
 *
 * <p><b>Node mode:</b> the examples are nodes. Every call propagates over all nodes of the network, reading
 * every node's features from the network (not from the batch, whose rows are only some of them) and then
 * scores the batch's nodes, found by id. Inference outputs of all nodes are cached until the parameters
 * change, so evaluating a split in many small batches costs one forward pass.
 * <b>Graph mode:</b> each example is a signal on all nodes ({@code [nodes]} or {@code [nodes, channels]},
 * feature {@code i} living on node {@code i}), and the model outputs one prediction per example.
 *
 * <p>Losses are means over the batch's examples plus the L2 penalty (as Deeplearning4j scores). Class weights
 * weight the loss {@link #fit} optimises and reports; {@link #loss} stays unweighted.
 *
 * <p>Input gradients ({@link #inputGradients}) backpropagate an output's score through the same passes, without
 * dropout. Graph mode: the gradient with respect to the example's whole signal. Node mode: a node's score
 * depends on the features of every node within reach of the convolutions; its gradient is taken with respect to
 * the example's own feature row only, {@code ∂score_i/∂x_i}, at the batch's row for {@code x_i} with every other
 * node's features as the network gives them.
 */
final class GcnModel implements DifferentiableModel {
    private final GcnArchitecture architecture;
    private final DatasetSchema schema;
    private final Accelerator accelerator;
    private final Optimisation optimisation;
    private final long seed;
    private final Weights weights;
    private final GcnNetwork network;
    private final TaskHead trainingHead;
    private final TaskHead head;
    private final Optimizer optimizer;
    private final SplittableRandom identityRandom;
    private final SplittableRandom dropoutRandom;
    private FeatureScaling scaling;
    /** Transfer learning: the layers that keep the parent's weights (the first with the identity table); not saved. */
    private boolean[] frozen;
    /** Transfer learning: the identity table is the parent's, so every node of the data's network needs a row in it. */
    private boolean inheritedIdentity;
    private NetworkInputs inputs;
    private long version;
    private float[] cachedLogits;
    private NetworkInputs cachedFor;
    private long cachedVersion;
    private boolean closed;

    private GcnModel(GcnArchitecture architecture, DatasetSchema schema, Accelerator accelerator, Optimisation optimisation,
                     float[] classWeights, long seed) {
        this.architecture = architecture;
        this.schema = schema;
        this.accelerator = accelerator;
        this.optimisation = optimisation;
        this.seed = seed;
        this.weights = new Weights(architecture.widths(schema));
        this.network = new GcnNetwork(architecture, weights);
        this.trainingHead = new TaskHead(schema, classWeights);
        this.head = new TaskHead(schema, null);
        this.optimizer = optimisation.newOptimizer();
        this.frozen = new boolean[weights.layers()];
        SplittableRandom root = new SplittableRandom(seed);
        weights.initialise(root.split());
        this.identityRandom = root.split();
        this.dropoutRandom = root.split();
    }

    /** An untrained model, initialised from {@code seed}. */
    static GcnModel create(GcnArchitecture architecture, DatasetSchema schema, Accelerator accelerator,
                           Optimisation optimisation, float[] classWeights, long seed) {
        return new GcnModel(architecture, schema, accelerator, optimisation, classWeights, seed);
    }

    /** Loads what {@link #save} wrote; the loaded model has no class weights. */
    static GcnModel load(Path directory, GcnArchitecture architecture, DatasetSchema schema, Accelerator accelerator)
            throws IOException {
        ModelFile.Contents saved = ModelFile.read(directory);
        int[] expected = architecture.widths(schema);
        if (!Arrays.equals(saved.widths(), expected)) {
            throw new IOException(directory.resolve(ModelFile.NAME) + ": saved layer widths " + Arrays.toString(saved.widths())
                    + " do not match the hyper-parameters and data schema " + Arrays.toString(expected));
        }
        if (!saved.identityNodes().isEmpty() && !architecture.identityFeatures()) {
            throw new IOException(directory.resolve(ModelFile.NAME) + ": the model has an identity table but identity_features is false");
        }
        GcnModel model = new GcnModel(architecture, schema, accelerator, saved.optimisation(), null, saved.seed());
        try {
            if (!saved.identityNodes().isEmpty()) {
                model.weights.allocateIdentity(saved.identityNodes());
            }
            model.weights.setValues(saved.values());
        } catch (IllegalArgumentException e) {
            throw new IOException(directory.resolve(ModelFile.NAME) + ": " + e.getMessage(), e);
        }
        model.scaling = saved.scaling();
        return model;
    }

    /**
     * A model for new data that starts from {@code parent}'s weights (transfer learning): the same architecture,
     * the first {@code transfer.frozenLayers()} layers (graph convolutions, counted from the input; the first
     * with the identity table), or the layers {@code transfer} names as {@link #layerNames} does (any but the
     * output layer), kept as the parent's, and the output layer replaced by one for the new outputs, drawn from
     * {@code seed}, unless kept. A frozen layer's values take no step: its gradient, L2 term included, is zeroed
     * before the optimiser, whose state for them stays at zero. Feature standardisation is fitted afresh on the new data's network,
     * whose features and adjacency the model reads. A parent with an identity table learnt a row per node of its
     * network: the new network may not have other nodes (checked when the model first sees it).
     *
     * @throws IllegalArgumentException when the input widths differ, a kept head does not fit, too many layers
     *                                  would be frozen, or a named layer is the head or not the model's
     */
    static GcnModel transfer(GcnModel parent, GcnArchitecture architecture, DatasetSchema schema, Accelerator accelerator,
                             Optimisation optimisation, float[] classWeights, long seed, Transfer transfer) {
        parent.requireOpen();
        GcnModel child = new GcnModel(architecture, schema, accelerator, optimisation, classWeights, seed);
        Weights from = parent.weights;
        Weights to = child.weights;
        if (from.layers() != to.layers() || from.width(0) != to.width(0)) {
            throw new IllegalArgumentException("the parent model reads " + from.width(0) + " " + (architecture.mode() == GcnArchitecture.Mode.NODE
                    ? "features per node" : "channel(s) per node") + " through " + from.layers() + " layers, the data gives "
                    + to.width(0) + ": a fine-tuned model keeps its parent's inputs");
        }
        if (!transfer.newHead() && (!parent.schema.outputs().equals(schema.outputs()) || parent.schema.task() != schema.task())) {
            throw new IllegalArgumentException("keeping the parent's head needs the same outputs: the parent predicts "
                    + parent.schema.outputs() + ", the data has " + schema.outputs() + " (replace the head instead)");
        }
        int layers = to.layers();
        child.frozen = frozenLayers(transfer, parent.layerNames());
        int kept = transfer.newHead() ? layers - 1 : layers;
        int keptValues = kept == layers ? to.identityOffset() : to.weightOffset(kept);
        System.arraycopy(from.values(), 0, to.values(), 0, keptValues);
        if (from.identityBound() && kept > 0) { // identity rows are first-layer weights: a new single layer draws its own
            to.allocateIdentity(from.identityNodes());
            System.arraycopy(from.values(), from.identityOffset(), to.values(), to.identityOffset(),
                    from.values().length - from.identityOffset());
            child.inheritedIdentity = true;
        }
        return child;
    }

    /**
     * Which of the layers named {@code names} {@code transfer} freezes: a count of leading layers, or the named ones.
     *
     * @throws IllegalArgumentException for the output layer, a name not among {@code names}, or too many layers
     */
    private static boolean[] frozenLayers(Transfer transfer, List<String> names) {
        int layers = names.size();
        boolean[] frozen = new boolean[layers];
        if (transfer.byName()) {
            transfer.frozenPositions(names).forEach(layer -> frozen[layer] = true);
            return frozen;
        }
        int count = transfer.frozenLayers() == Transfer.ALL_BUT_HEAD ? layers - 1 : transfer.frozenLayers();
        if (count > layers - 1) {
            throw new IllegalArgumentException("cannot freeze " + count + " layers of a network of " + layers
                    + ": the head at least must train");
        }
        Arrays.fill(frozen, 0, count, true);
        return frozen;
    }

    /**
     * The layers' names, input side first, as {@link #summary} prints them and {@link Transfer#frozenNames()} takes
     * them: {@code layer0}, {@code layer1}, ... as Deeplearning4j names a stack's layers; the last is the output layer
     * (graph mode's dense layer after pooling).
     */
    List<String> layerNames() {
        return IntStream.range(0, weights.layers()).mapToObj(GcnModel::layerName).toList();
    }

    private static String layerName(int layer) {
        return "layer" + layer;
    }

    @Override
    public DatasetSchema schema() {
        return schema;
    }

    /** Sets the step size of {@code epoch} under the learning-rate schedule. */
    @Override
    public void epochStarted(int epoch) {
        requireOpen();
        optimizer.setLearningRate(optimisation.learningRate(epoch));
    }

    @Override
    public double fit(Batch batch) {
        requireOpen();
        requireLabels(batch);
        NetworkInputs graph = inputs(batch);
        float[] gradient = new float[weights.values().length];
        double loss = dataLoss(batch, graph, dropoutRandom, gradient);
        optimisation.clip(gradient);
        double penalty = weights.penalty(architecture.l2());
        weights.addPenaltyGradient(architecture.l2(), gradient);
        for (int l = 0; l < frozen.length; l++) {
            if (frozen[l]) {
                Arrays.fill(gradient, weights.weightOffset(l), weights.layerEnd(l), 0f);
            }
        }
        if (frozen[0]) { // the identity rows are first-layer weights
            Arrays.fill(gradient, weights.identityOffset(), gradient.length, 0f);
        }
        optimizer.step(weights.values(), gradient);
        version++;
        return loss + penalty;
    }

    /**
     * The training objective without dropout (class-weighted loss plus L2 penalty) and its exact gradient,
     * added to {@code gradient}: what {@link #fit} descends, before clipping; for gradient checks.
     */
    double objective(Batch batch, float[] gradient) {
        requireLabels(batch);
        NetworkInputs graph = inputs(batch);
        double loss = dataLoss(batch, graph, null, gradient);
        weights.addPenaltyGradient(architecture.l2(), gradient);
        return loss + weights.penalty(architecture.l2());
    }

    /** The live parameter vector, for gradient checks ({@link #objective} never reads cached outputs). */
    float[] parameters() {
        return weights.values();
    }

    private double dataLoss(Batch batch, NetworkInputs graph, SplittableRandom random, float[] gradient) {
        GcnNetwork.Pass pass = network.forward(graph, input(batch, graph), examples(batch), random);
        float[] logitGradient = new float[pass.logits.length];
        double loss = trainingHead.loss(pass.logits, logitRows(batch, graph), batch.labels(), batch.size(), true, logitGradient);
        network.backward(pass, logitGradient, gradient);
        return loss;
    }

    @Override
    public float[] predict(Batch batch) {
        requireOpen();
        NetworkInputs graph = inputs(batch);
        float[] logits = inferenceLogits(batch, graph);
        int[] rows = logitRows(batch, graph);
        int k = schema.labelSize();
        float[] out = new float[batch.size() * k];
        for (int e = 0; e < batch.size(); e++) {
            head.activate(logits, rows[e], out, e * k);
        }
        return out;
    }

    @Override
    public double loss(Batch batch) {
        requireOpen();
        requireLabels(batch);
        NetworkInputs graph = inputs(batch);
        return head.loss(inferenceLogits(batch, graph), logitRows(batch, graph), batch.labels(), batch.size(), false, null)
                + weights.penalty(architecture.l2());
    }

    private float[] inferenceLogits(Batch batch, NetworkInputs graph) {
        if (architecture.mode() == GcnArchitecture.Mode.GRAPH) {
            return network.forward(graph, input(batch, graph), batch.size(), null).logits;
        }
        if (cachedFor != graph || cachedVersion != version) {
            cachedLogits = network.forward(graph, graph.features(), 1, null).logits;
            cachedFor = graph;
            cachedVersion = version;
        }
        return cachedLogits;
    }

    /**
     * Gradients of output {@code output}'s score (log-odds for binary and multi-label tasks, log-probability for
     * multi-class ones, the value for regression) with respect to each example's features, {@code size ×
     * featureSize}, in inference mode: in graph mode with respect to its whole signal; in node mode with
     * respect to its node's own (unscaled) feature row, the batch's row standing in for the network's, other
     * nodes' features fixed (see the class comment).
     */
    @Override
    public float[] inputGradients(Batch batch, int output) {
        requireOpen();
        Objects.checkIndex(output, schema.labelSize());
        NetworkInputs graph = inputs(batch);
        return architecture.mode() == GcnArchitecture.Mode.GRAPH ? signalGradients(batch, graph, output)
                : nodeFeatureGradients(batch, graph, output);
    }

    /** The examples are independent signals: one backward pass from every example's score gives all gradients. */
    private float[] signalGradients(Batch batch, NetworkInputs graph, int output) {
        int n = batch.size();
        int nodes = graph.nodes();
        int channels = weights.width(0);
        GcnNetwork.Pass pass = network.forward(graph, signals(batch, nodes), n, null);
        float[] scoreGradient = new float[pass.logits.length];
        for (int e = 0; e < n; e++) {
            head.addScoreGradient(pass.logits, e, output, scoreGradient);
        }
        float[] states = network.backward(pass, scoreGradient, new float[weights.values().length], true);
        float[] gradients = new float[n * nodes * channels];
        for (int node = 0; node < nodes; node++) {
            for (int e = 0; e < n; e++) {
                System.arraycopy(states, (node * n + e) * channels, gradients, (e * nodes + node) * channels, channels);
            }
        }
        return gradients;
    }

    /**
     * One backward pass per example (nodes share neighbours, so one pass from all scores would mix their
     * gradients), from a forward pass over the network's features with the example's row in place of its node's.
     */
    private float[] nodeFeatureGradients(Batch batch, NetworkInputs graph, int output) {
        int columns = weights.width(0);
        int[] rows = logitRows(batch, graph);
        float[] networkFeatures = graph.features();
        float[] gradients = new float[batch.size() * columns];
        float[] unused = new float[weights.values().length];
        GcnNetwork.Pass networkPass = null;
        for (int e = 0; e < batch.size(); e++) {
            float[] row = new float[columns];
            for (int c = 0; c < columns; c++) {
                row[c] = (batch.features()[e * columns + c] - scaling.mean()[c]) * scaling.scale()[c];
            }
            GcnNetwork.Pass pass;
            if (Arrays.equals(row, 0, columns, networkFeatures, rows[e] * columns, (rows[e] + 1) * columns)) {
                if (networkPass == null) {
                    networkPass = network.forward(graph, networkFeatures, 1, null);
                }
                pass = networkPass;
            } else {
                float[] features = networkFeatures.clone();
                System.arraycopy(row, 0, features, rows[e] * columns, columns);
                pass = network.forward(graph, features, 1, null);
            }
            float[] scoreGradient = new float[pass.logits.length];
            head.addScoreGradient(pass.logits, rows[e], output, scoreGradient);
            float[] states = network.backward(pass, scoreGradient, unused, true);
            for (int c = 0; c < columns; c++) {
                gradients[e * columns + c] = states[rows[e] * columns + c] * scaling.scale()[c]; // through the scaling
            }
        }
        return gradients;
    }

    /** The network's derived inputs, rebuilt when a batch brings a different network. */
    private NetworkInputs inputs(Batch batch) {
        Network net = batch.network().orElseThrow(() -> new IllegalArgumentException(
                "graph convolution needs the network the examples live on, and this batch has none"
                        + " (read the data with a reader that provides one, e.g. reader 'network')"));
        if (inputs != null && inputs.network() == net) {
            return inputs;
        }
        CsrMatrix propagation = net.normalisedAdjacency();
        int nodes = net.nodes().size();
        if (propagation.rows() != nodes || propagation.columns() != nodes) {
            throw new IllegalArgumentException("the network has " + nodes + " nodes but a " + propagation.rows() + " x "
                    + propagation.columns() + " propagation matrix");
        }
        float[] features = null;
        if (architecture.mode() == GcnArchitecture.Mode.NODE) {
            if (net.featureSize() != weights.width(0)) {
                throw new IllegalArgumentException("the network carries " + net.featureSize() + " features per node but the model"
                        + " was built for " + weights.width(0) + " (the dataset's feature size)");
            }
            if (scaling == null) {
                scaling = architecture.standardize() ? FeatureScaling.fit(net) : FeatureScaling.identity(weights.width(0));
            }
            features = scaling.apply(net);
        }
        int[] identityRows = null;
        if (architecture.identityFeatures()) {
            if (!weights.identityBound()) {
                weights.bindIdentity(net.nodes(), identityRandom);
                version++;
            }
            identityRows = new int[nodes];
            List<String> unknown = new ArrayList<>();
            for (int n = 0; n < nodes; n++) {
                identityRows[n] = weights.identityRow(net.nodes().get(n));
                if (identityRows[n] < 0) {
                    unknown.add(net.nodes().get(n));
                }
            }
            if (inheritedIdentity && !unknown.isEmpty()) {
                throw new IllegalArgumentException("the parent model learnt a feature row per node of its own network (identity_features), "
                        + "which cannot carry over to other nodes: " + unknown.size() + " of this network's " + nodes + " nodes are not "
                        + "among the parent's " + weights.identityNodes().size() + " (e.g. '" + unknown.get(0) + "'); fine-tune on the "
                        + "parent's network, or train from scratch");
            }
        }
        inputs = new NetworkInputs(net, new Propagation(accelerator, propagation), features, identityRows);
        return inputs;
    }

    private int examples(Batch batch) {
        return architecture.mode() == GcnArchitecture.Mode.NODE ? 1 : batch.size();
    }

    private float[] input(Batch batch, NetworkInputs graph) {
        return architecture.mode() == GcnArchitecture.Mode.NODE ? graph.features() : signals(batch, graph.nodes());
    }

    /** The batch's signals as node states {@code [node][example][channel]}. */
    private float[] signals(Batch batch, int nodes) {
        int channels = weights.width(0);
        int size = schema.featureSize();
        if (size != nodes * channels) {
            throw new IllegalArgumentException("mode graph reads each example as " + channels + " value(s) on each of the network's "
                    + nodes + " nodes (" + nodes * channels + " values), but the examples have " + size);
        }
        int examples = batch.size();
        float[] features = batch.features();
        if (features.length < examples * size) {
            throw new IllegalArgumentException("a batch of " + examples + " examples needs " + examples * size
                    + " feature values, got " + features.length);
        }
        float[] states = new float[nodes * examples * channels];
        for (int e = 0; e < examples; e++) {
            for (int n = 0; n < nodes; n++) {
                System.arraycopy(features, e * size + n * channels, states, (n * examples + e) * channels, channels);
            }
        }
        return states;
    }

    /** Which logit row belongs to each example: its node (node mode) or its position (graph mode). */
    private int[] logitRows(Batch batch, NetworkInputs graph) {
        int[] rows = new int[batch.size()];
        if (architecture.mode() == GcnArchitecture.Mode.GRAPH) {
            Arrays.setAll(rows, e -> e);
            return rows;
        }
        if (batch.ids().isEmpty()) {
            throw new IllegalArgumentException("node classification needs the examples' ids (their node names), and this batch has none");
        }
        for (int e = 0; e < rows.length; e++) {
            rows[e] = graph.network().index(batch.ids().get(e));
            if (rows[e] < 0) {
                throw new IllegalArgumentException("example '" + batch.ids().get(e) + "' is not a node of the network");
            }
        }
        return rows;
    }

    private void requireLabels(Batch batch) {
        if (batch.labels() == null) {
            throw new IllegalArgumentException("the batch has no labels");
        }
        if (batch.labels().length < batch.size() * schema.labelSize()) {
            throw new IllegalArgumentException("a batch of " + batch.size() + " examples needs " + batch.size() * schema.labelSize()
                    + " label values, got " + batch.labels().length);
        }
    }

    @Override
    public ModelState snapshot() {
        requireOpen();
        return new Snapshot(this, weights.values().clone());
    }

    @Override
    public void restore(ModelState state) {
        requireOpen();
        if (!(state instanceof Snapshot snapshot) || snapshot.model != this) {
            throw new IllegalArgumentException("the state was not taken from this model");
        }
        weights.setValues(snapshot.values);
        version++;
    }

    @Override
    public void save(Path directory) throws IOException {
        requireOpen();
        ModelFile.write(directory, new ModelFile.Contents(weights.widths(), optimisation, seed, scaling,
                weights.identityNodes(), weights.values()));
    }

    /** All learnable values; the identity table counts once the model has seen its network. */
    @Override
    public long parameterCount() {
        return weights.values().length;
    }

    @Override
    public String summary() {
        StringBuilder s = new StringBuilder("graph convolution (Kipf & Welling), ")
                .append(architecture.mode().name().toLowerCase()).append(" mode\n");
        s.append("  input: ").append(weights.width(0)).append(architecture.mode() == GcnArchitecture.Mode.NODE
                ? " node features" + (architecture.standardize() ? " (standardised over the nodes)" : "")
                : " channel(s) per node");
        if (architecture.identityFeatures()) {
            s.append(" + node identity (").append(weights.identityBound() ? weights.identityNodes().size() + " nodes" : "bound to the first network")
                    .append(" x ").append(weights.identityWidth()).append(")");
        }
        s.append('\n');
        for (int l = 0; l < architecture.convolutions(); l++) {
            boolean output = architecture.mode() == GcnArchitecture.Mode.NODE && l == architecture.convolutions() - 1;
            s.append("  ").append(layerName(l)).append(": graph convolution ").append(weights.width(l)).append(" -> ").append(weights.width(l + 1))
                    .append(", ").append(output ? outputActivation() : architecture.activation().key()).append('\n');
        }
        if (architecture.mode() == GcnArchitecture.Mode.GRAPH) {
            int last = weights.layers() - 1;
            s.append("  ").append(architecture.pooling().name().toLowerCase()).append(" pooling over nodes\n");
            s.append("  ").append(layerName(last)).append(": dense ").append(weights.width(last)).append(" -> ").append(weights.width(last + 1)).append(", ")
                    .append(outputActivation()).append('\n');
        }
        s.append("  dropout ").append(architecture.dropout()).append(", l2 ").append(architecture.l2())
                .append(", ").append(optimisation.optimizer()).append(" lr ").append(optimisation.learningRate())
                .append("; propagation on ").append(accelerator.device()).append('\n');
        s.append("  parameters: ").append(parameterCount());
        return s.toString();
    }

    private String outputActivation() {
        return schema.task() == TaskType.MULTICLASS ? "softmax" : schema.task() == TaskType.REGRESSION ? "identity" : "sigmoid";
    }

    /** Nothing native to free; later calls fail. */
    @Override
    public void close() {
        closed = true;
        inputs = null;
        cachedFor = null;
        cachedLogits = null;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the model is closed");
        }
    }

    /** A copy of the parameters; restoring copies it back, so one state can be restored repeatedly. */
    private record Snapshot(GcnModel model, float[] values) implements ModelState {
    }
}
