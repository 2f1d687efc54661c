package org.genomod.model.cnn.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.preprocessor.RnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.OutputLayer;
import org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;

/**
 * DeepBind's shape of network computed as one pass: a first convolution scanned along the sequence (an
 * {@link UnfoldedConvolution}), a ReLU, each filter's best window (global max pooling), dense layers and an output
 * layer.
 * <ul>
 * <li>Training: the input's windows unfolded in Java and one matrix product by the filters; the maxima, the dense
 * and output layers, the loss and the whole backward pass in Java on a few thousand floats (the filters' gradient
 * from each example's and filter's best window alone). The gradient is summed over the batch into the network's
 * gradient view, as the layers' own backward passes write it, for Deeplearning4j's updater or {@link DirectUpdates}.</li>
 * <li>Inference: on one-hot input, each filter's best window by table lookups ({@link OneHotMaxima}); on other
 * input, the convolution as Deeplearning4j's layer (oneDNN's kernel, as fast as unfolding and one product when
 * nothing is kept for a backward pass) and ND4J's maximum over windows. The rest in Java.</li>
 * </ul>
 * Why: the network does 0.7 MFLOP per example, so its training step in Deeplearning4j's layers was their per-op
 * bookkeeping (dozens of native ops, each with shape checks, workspaces and JavaCPP's memory accounting), not
 * arithmetic. The configuration, parameters and saved files stay Deeplearning4j's. The loss is the output layer's
 * own loss function on the output layer's pre-activations, or, for its sigmoid binary cross-entropy, the same
 * formulas in Java ({@link #binaryCrossEntropy}).
 * <p>
 * Computes exactly the networks {@link #of} accepts, without masks; anything else (dropout, weight noise, other
 * activations or layers, frozen layers, preprocessors, label masks such as class weights, which the output layer
 * weighs: the platform's {@code WeightedOutputLayer}) keeps Deeplearning4j's layers. Of tied maxima the first
 * window takes the gradient, as Deeplearning4j's {@code IsMax} does.
 */
final class GlobalMaxScan {
    /**
     * Floats of unfolded columns per matrix product, at most: 2 MiB. Each product costs some 60 µs besides its
     * arithmetic, which reaches about 50 GFLOP/s from a few thousand columns on.
     */
    private static final int CHUNK_FLOATS = 1 << 19;
    /** Examples per part at least when a training batch is split over threads ({@link Parts}). */
    private static final int EXAMPLES_PER_PART = 16;
    /** Where the ND4J ops the scan calls allocate: a workspace of its own, not JavaCPP's accounted allocations. */
    private static final String WORKSPACE = "GENOMOD_GLOBAL_MAX_SCAN";
    private static final WorkspaceConfiguration WORKSPACE_CONFIG = WorkspaceConfiguration.builder()
            .initialSize(0).policyAllocation(AllocationPolicy.OVERALLOCATE).overallocationLimit(0.2)
            .policyLearning(LearningPolicy.FIRST_LOOP).build();

    private final UnfoldedConvolution convolution;
    /** Whether a ReLU follows the convolution (its own activation or an activation layer); else the identity. */
    private final boolean rectified;
    /** The dense layers, then the output layer. */
    private final Layer[] dense;
    /** Per dense layer: whether its activation is a ReLU (else the identity). The output layer's is its own. */
    private final boolean[] denseRectified;
    private final OutputLayer output;
    /** Every array the convolution layer asks for in the scan's workspace (per scan: the manager keeps helper state). */
    private final LayerWorkspaceMgr inWorkspace = LayerWorkspaceMgr.builder()
            .defaultWorkspace(WORKSPACE, WORKSPACE_CONFIG).build();

    /** Reused from call to call. */
    private float[] input;
    private float[] filterRows;
    /** Per part: the products of its chunk. */
    private float[][] products = new float[1][];
    private float[] maxima;
    private int[] best;
    /**
     * Per dense layer and the output layer: its input, {@code [batch, nIn]}, the first being the pooled maxima after
     * the convolution's activation; and last the output layer's pre-activations.
     */
    private final float[][] inputs;
    /** Per dense layer and the output layer: its weights {@code [nIn, nOut]} and bias, read before each batch. */
    private final float[][] weights;
    private final float[][] biases;
    private final Map<Long, INDArray[]> chunks = new HashMap<>();
    private final OneHotMaxima oneHot = new OneHotMaxima();
    private INDArray filterMatrix;
    private INDArray preOutput;
    /** The gradient keyed by layer index and parameter, over the network's gradient view it was made for. */
    private Gradient gradient;
    private Map<Integer, Map<String, INDArray>> views;
    private INDArray gradientView;

    private GlobalMaxScan(UnfoldedConvolution convolution, boolean rectified, List<Layer> dense) {
        this.convolution = convolution;
        this.rectified = rectified;
        this.dense = dense.toArray(new Layer[0]);
        this.denseRectified = new boolean[this.dense.length];
        for (int k = 0; k < this.dense.length - 1; k++) {
            denseRectified[k] = UnfoldedConvolution.plainRelu(activation(this.dense[k]));
        }
        this.output = (OutputLayer) this.dense[this.dense.length - 1];
        this.inputs = new float[this.dense.length + 1][];
        this.weights = new float[this.dense.length][];
        this.biases = new float[this.dense.length][];
    }

    /**
     * The scan computing {@code layers} (an initialised network's, after {@link LayerSwaps}), or null when they are
     * not exactly: an unfolded first convolution with identity or ReLU activation, optionally an activation layer
     * (identity or ReLU), a global max pool over positions, dense layers (identity or ReLU, with bias), and
     * Deeplearning4j's output layer (any loss and activation, with bias); float parameters; no preprocessors (but the
     * one Deeplearning4j adds after the pool, which passes its input through), dropout, weight noise or layer
     * normalisation; standard backpropagation.
     */
    static GlobalMaxScan of(Layer[] layers, MultiLayerConfiguration configuration) {
        if (configuration.getDataType() != DataType.FLOAT || configuration.getBackpropType() != BackpropType.Standard
                || layers.length < 3 || !(layers[0] instanceof UnfoldedConvolution convolution)) {
            return null;
        }
        for (int i = 0; i < layers.length; i++) {
            InputPreProcessor preprocessor = configuration.getInputPreProcess(i);
            // Deeplearning4j puts one before the dense layer after the pool, which leaves the pooled [batch, filters] as is
            boolean afterPool = i > 0 && layers[i - 1].getClass() == org.deeplearning4j.nn.layers.pooling.GlobalPoolingLayer.class;
            if (preprocessor != null && !(afterPool && preprocessor.getClass() == RnnToFeedForwardPreProcessor.class)) {
                return null;
            }
        }
        IActivation convolutionActivation = convolution.layerConf().getActivationFn();
        if (!identityOrRelu(convolutionActivation)) {
            return null;
        }
        boolean rectified = UnfoldedConvolution.plainRelu(convolutionActivation);
        int i = 1;
        if (layers[i].conf().getLayer() instanceof org.deeplearning4j.nn.conf.layers.ActivationLayer activationLayer) {
            if (activationLayer.getIDropout() != null || !identityOrRelu(activationLayer.getActivationFn())) {
                return null;
            }
            rectified |= UnfoldedConvolution.plainRelu(activationLayer.getActivationFn());
            i++;
        }
        if (i >= layers.length || layers[i].getClass() != org.deeplearning4j.nn.layers.pooling.GlobalPoolingLayer.class
                || !(layers[i].conf().getLayer() instanceof GlobalPoolingLayer pooling)
                || pooling.getPoolingType() != PoolingType.MAX || !pooling.isCollapseDimensions()
                || pooling.getPoolingDimensions() != null && !(pooling.getPoolingDimensions().length == 1
                && pooling.getPoolingDimensions()[0] == 2)) {
            return null;
        }
        List<Layer> dense = new ArrayList<>();
        for (i++; i < layers.length; i++) {
            boolean last = i == layers.length - 1;
            // the output layer may be the platform's subclass that weighs label masks, which the scan leaves to
            // Deeplearning4j; it computes what OutputLayer computes without one
            boolean expected = last ? layers[i] instanceof OutputLayer : layers[i].getClass() == DenseLayer.class;
            if (!expected || !plainFeedForward(layers[i])
                    || !last && !identityOrRelu(activation(layers[i]))) {
                return null;
            }
            dense.add(layers[i]);
        }
        return dense.isEmpty() ? null : new GlobalMaxScan(convolution, rectified, dense);
    }

    private static boolean plainFeedForward(Layer layer) {
        BaseLayer conf = (BaseLayer) layer.conf().getLayer();
        boolean bias = conf instanceof org.deeplearning4j.nn.conf.layers.DenseLayer d ? d.hasBias() && !d.hasLayerNorm()
                : ((org.deeplearning4j.nn.conf.layers.BaseOutputLayer) conf).hasBias();
        return bias && conf.getIDropout() == null && conf.getWeightNoise() == null
                && layer.getParam(DefaultParamInitializer.WEIGHT_KEY).dataType() == DataType.FLOAT;
    }

    private static boolean identityOrRelu(IActivation activation) {
        return activation.getClass() == ActivationIdentity.class || UnfoldedConvolution.plainRelu(activation);
    }

    private static IActivation activation(Layer layer) {
        return ((BaseLayer) layer.conf().getLayer()).getActivationFn();
    }

    /** Whether this scan computes a batch of {@code features}, with {@code labels} for training (or null). */
    boolean takes(INDArray features, INDArray labels) {
        return features != null && features.rank() == 3 && features.size(1) == convolution.layerConf().getNIn()
                && features.size(2) >= convolution.width() - 2L * convolution.padding()
                && features.length() <= Integer.MAX_VALUE
                && (labels == null || labels.rank() == 2 && labels.size(0) == features.size(0)
                && labels.size(1) == outputs());
    }

    private int outputs() {
        return (int) ((FeedForwardLayer) output.conf().getLayer()).getNOut();
    }

    /**
     * Writes the gradient of the loss on {@code labels}, summed over the batch, into {@code gradientView} (the
     * network's) and returns the loss, averaged over the batch when the network trains in mini-batches, without
     * regularisation: what Deeplearning4j's layers compute for the updater.
     */
    double lossAndGradient(INDArray features, INDArray labels, INDArray gradientView) {
        int batch = (int) features.size(0);
        INDArray preOutputs = trainingPreOutput(features);
        ILossFunction loss = ((org.deeplearning4j.nn.conf.layers.BaseOutputLayer) output.conf().getLayer()).getLossFn();
        IActivation outputActivation = activation(output);
        double score;
        float[] delta;
        if (loss instanceof LossBinaryXENT xent && xent.getWeights() == null
                && outputActivation.getClass() == ActivationSigmoid.class) {
            float[] logits = FloatRows.read(preOutputs, null);
            delta = new float[logits.length];
            score = binaryCrossEntropy(logits, FloatRows.read(labels, null), (float) xent.getClipEps(), delta);
        } else {
            try (MemoryWorkspace workspace = Nd4j.getWorkspaceManager().getAndActivateWorkspace(WORKSPACE_CONFIG, WORKSPACE)) {
                Pair<Double, INDArray> lossAndDelta = loss.computeGradientAndScore(labels.castTo(DataType.FLOAT), preOutputs,
                        outputActivation, null, false);
                score = lossAndDelta.getFirst();
                delta = FloatRows.read(lossAndDelta.getSecond(), null);
            }
        }
        if (output.conf().isMiniBatch()) {
            score /= batch;
        }
        backward(batch, delta, gradientView);
        return score;
    }

    /**
     * Deeplearning4j's {@code LossBinaryXENT} (no weights, no mask) after a sigmoid, summed: the probabilities clipped to
     * {@code [clip, 1 − clip]} in the loss, and the gradient with respect to the logits as it computes it, the clipped
     * probabilities' {@code (p − y) / (p (1 − p))} times the unclipped sigmoid's derivative. Writes the gradient into
     * {@code delta}.
     */
    static double binaryCrossEntropy(float[] logits, float[] labels, float clip, float[] delta) {
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            float sigmoid = (float) (1 / (1 + Math.exp(-logits[i])));
            float p = clip > 0 ? Math.min(Math.max(sigmoid, clip), 1 - clip) : sigmoid;
            float y = labels[i];
            sum += Math.log(p) * y + Math.log(1 - p) * (1 - y);
            delta[i] = (p - y) / (p * (1 - p)) * (sigmoid * (1 - sigmoid));
        }
        return -sum;
    }

    /** The gradient {@link #lossAndGradient} last wrote, keyed as the network's layers key theirs. */
    Gradient gradient() {
        return gradient;
    }

    /**
     * The network's outputs for {@code features} (the output layer's activation applied), as an array this scan
     * reuses: read it before the next call. The pooled maxima come from {@link OneHotMaxima} when the input is
     * one-hot, else from Deeplearning4j's convolution layer; the dense and output layers run here.
     */
    INDArray output(INDArray features) {
        int batch = (int) features.size(0);
        int channels = (int) features.size(1);
        input = FloatRows.read(features, input);
        filterRows = convolution.filterRows(channels, filterRows);
        maxima = FloatRows.scratch(maxima, batch * convolution.filters());
        prepareHead(batch);
        // the head runs on each part's examples as soon as their maxima are in, on the part's thread
        if (!oneHot.maxima(input, batch, channels, (int) features.size(2), convolution.padding(), filterRows,
                convolution.filters(), convolution.width(), convolution.layerConf().hasBias(), maxima, this::head)) {
            poolByConvolution(features);
            head(0, batch);
        }
        INDArray outputs = preOutput(batch);
        return ((BaseLayer) output.conf().getLayer()).getActivationFn().getActivation(outputs, false);
    }

    /** The {@link #maxima} of the convolution's activations, by Deeplearning4j's layer (input that is not one-hot). */
    private void poolByConvolution(INDArray features) {
        // the convolution's arrays in a workspace of the scan's, reused from batch to batch; one ND4J reduction takes
        // the maxima (training, which needs each maximum's window too, finds both faster in Java)
        try (MemoryWorkspace workspace = Nd4j.getWorkspaceManager().getAndActivateWorkspace(WORKSPACE_CONFIG, WORKSPACE)) {
            convolution.setInput(features, inWorkspace);
            maxima = FloatRows.read(convolution.activate(false, inWorkspace).max(2), maxima);
        } finally {
            convolution.clear();
        }
    }

    /**
     * The training forward pass to the output layer's pre-activations {@code [batch, outputs]}, keeping what the
     * backward pass reads: each example's and filter's maximum and its window.
     */
    private INDArray trainingPreOutput(INDArray features) {
        int batch = (int) features.size(0);
        int channels = (int) features.size(1);
        int length = (int) features.size(2);
        int filters = convolution.filters();
        int width = convolution.width();
        int padding = convolution.padding();
        int windows = length - width + 1 + 2 * padding;
        boolean bias = convolution.layerConf().hasBias();
        int rows = channels * width + (bias ? 1 : 0);

        input = FloatRows.read(features, input);
        filterRows = convolution.filterRows(channels, filterRows);
        if (filterMatrix == null || filterMatrix.size(1) != rows) {
            filterMatrix = Nd4j.createUninitializedDetached(DataType.FLOAT, filters, rows);
        }
        FloatRows.write(filterRows, filterMatrix);

        maxima = FloatRows.scratch(maxima, batch * filters);
        best = best == null || best.length < batch * filters ? new int[batch * filters] : best;
        // chunks of at most CHUNK_FLOATS unfolded floats, and at least one per part when the batch is split over threads
        int parts = Parts.of(batch / EXAMPLES_PER_PART);
        int chunks = Math.max(parts, (int) Math.ceil(batch / (double) Math.max(1, CHUNK_FLOATS / (rows * windows))));
        int perChunk = (int) Math.ceil(batch / (double) chunks);
        chunks = (int) Math.ceil(batch / (double) perChunk);
        INDArray[][] buffers = new INDArray[chunks][];
        for (int p = 0; p < parts; p++) {
            // the chunk map is not thread-safe: each part's buffers are fetched here, before the parts run
            for (int c = Parts.start(chunks, parts, p); c < Parts.start(chunks, parts, p + 1); c++) {
                buffers[c] = chunk(rows, Math.min(perChunk, batch - c * perChunk) * windows, p);
            }
        }
        if (products.length < parts) {
            products = java.util.Arrays.copyOf(products, parts);
        }
        int chunkCount = chunks;
        prepareHead(batch);
        Parts.run(parts, p -> {
            int firstChunk = Parts.start(chunkCount, parts, p);
            int endChunk = Parts.start(chunkCount, parts, p + 1);
            for (int c = firstChunk; c < endChunk; c++) {
                int first = c * perChunk;
                int examples = Math.min(perChunk, batch - first);
                maximaOfChunk(first, examples, channels, length, windows, bias, buffers[c], p);
            }
            head(firstChunk * perChunk, Math.min(endChunk * perChunk, batch));
        });
        return preOutput(batch);
    }

    /** The {@link #maxima} and {@link #best} windows of examples {@code first ..} by unfolding and one product, in {@code chunk}. */
    private void maximaOfChunk(int first, int examples, int channels, int length, int windows, boolean bias,
                               INDArray[] chunk, int part) {
        int filters = convolution.filters();
        int columns = examples * windows;
        UnfoldedConvolution.unfold(input, first, examples, channels, length, convolution.width(), convolution.padding(),
                bias, FloatRows.floats(chunk[0]), (int) chunk[0].offset());
        Nd4j.gemm(filterMatrix, chunk[0], chunk[1], false, false, 1.0, 0.0);
        float[] values = products[part] = FloatRows.scratch(products[part], filters * columns);
        FloatRows.floats(chunk[1]).get((int) chunk[1].offset(), values, 0, filters * columns);
        for (int f = 0; f < filters; f++) {
            for (int b = 0; b < examples; b++) {
                int from = f * columns + b * windows;
                float max = values[from];
                for (int w = 1; w < windows; w++) {
                    max = Math.max(max, values[from + w]);
                }
                maxima[(first + b) * filters + f] = max;
                // the first window at the maximum, found apart so that the maximum's loop vectorises
                int at = 0;
                while (at < windows - 1 && values[from + at] != max) {
                    at++;
                }
                best[(first + b) * filters + f] = at;
            }
        }
    }

    /** Before {@link #head(int, int)} runs on the parts of a batch: the layers' parameters read, their arrays sized. */
    private void prepareHead(int batch) {
        inputs[0] = FloatRows.scratch(inputs[0], batch * convolution.filters());
        for (int k = 0; k < dense.length; k++) {
            INDArray weightParameter = dense[k].getParam(DefaultParamInitializer.WEIGHT_KEY);
            weights[k] = FloatRows.read(weightParameter, weights[k]);
            biases[k] = FloatRows.read(dense[k].getParam(DefaultParamInitializer.BIAS_KEY), biases[k]);
            inputs[k + 1] = FloatRows.scratch(inputs[k + 1], batch * (int) weightParameter.size(1));
        }
    }

    /**
     * Examples {@code first .. end − 1} from the pooled {@link #maxima} through the dense layers to the output
     * layer's pre-activations, in {@link #inputs}; after {@link #prepareHead}, and safe to run on disjoint ranges at
     * once.
     */
    private void head(int first, int end) {
        int filters = convolution.filters();
        float[] activations = inputs[0];
        for (int i = first * filters; i < end * filters; i++) {
            activations[i] = rectified ? Math.max(maxima[i], 0f) : maxima[i];
        }
        for (int k = 0; k < dense.length; k++) {
            int out = biases[k].length;
            int in = weights[k].length / out;
            float[] result = inputs[k + 1];
            affine(inputs[k], weights[k], biases[k], in, out, first, end, result);
            if (k + 1 < dense.length && denseRectified[k]) {
                for (int i = first * out; i < end * out; i++) {
                    result[i] = Math.max(result[i], 0f);
                }
            }
        }
    }

    /**
     * {@code result[b, ·] = bias + x[b, ·] · weights} for rows {@code first .. end − 1}, with {@code x} {@code [·, in]}
     * and {@code weights} {@code [in, out]} row-major; eight outputs at a time, their sums in registers (a loop over a
     * row of 32 outputs is too short for the JIT's vectorised loop, which left it scalar with a load and store per
     * multiply-add).
     */
    static void affine(float[] x, float[] weights, float[] bias, int in, int out, int first, int end, float[] result) {
        for (int b = first; b < end; b++) {
            int row = b * in;
            int o = 0;
            for (; o + 8 <= out; o += 8) {
                float s0 = bias[o], s1 = bias[o + 1], s2 = bias[o + 2], s3 = bias[o + 3];
                float s4 = bias[o + 4], s5 = bias[o + 5], s6 = bias[o + 6], s7 = bias[o + 7];
                for (int i = 0; i < in; i++) {
                    float value = x[row + i];
                    int at = i * out + o;
                    s0 += value * weights[at];
                    s1 += value * weights[at + 1];
                    s2 += value * weights[at + 2];
                    s3 += value * weights[at + 3];
                    s4 += value * weights[at + 4];
                    s5 += value * weights[at + 5];
                    s6 += value * weights[at + 6];
                    s7 += value * weights[at + 7];
                }
                int to = b * out + o;
                result[to] = s0;
                result[to + 1] = s1;
                result[to + 2] = s2;
                result[to + 3] = s3;
                result[to + 4] = s4;
                result[to + 5] = s5;
                result[to + 6] = s6;
                result[to + 7] = s7;
            }
            for (; o < out; o++) {
                float sum = bias[o];
                for (int i = 0; i < in; i++) {
                    sum += x[row + i] * weights[i * out + o];
                }
                result[b * out + o] = sum;
            }
        }
    }

    /** The output layer's pre-activations of the last {@link #head} as {@code [batch, outputs]}, an array reused. */
    private INDArray preOutput(int batch) {
        if (preOutput == null || preOutput.size(0) != batch) {
            preOutput = Nd4j.createUninitializedDetached(DataType.FLOAT, batch, outputs());
        }
        // the scratch array may be longer than this batch's
        FloatRows.floats(preOutput).put(0, inputs[dense.length], 0, batch * outputs());
        return preOutput;
    }

    /** The unfolded columns {@code [rows, columns]} and products {@code [filters, columns]} of a chunk of {@code part}. */
    private INDArray[] chunk(int rows, int columns, int part) {
        long key = ((long) rows << 32 | columns) * 31 + part;
        INDArray[] chunk = chunks.get(key);
        if (chunk == null) {
            if (chunks.size() >= 8) {
                chunks.clear();
            }
            chunk = new INDArray[] {Nd4j.createUninitializedDetached(DataType.FLOAT, rows, columns),
                    Nd4j.createUninitializedDetached(DataType.FLOAT, convolution.filters(), columns)};
            chunks.put(key, chunk);
        }
        return chunk;
    }

    /** Back from the output layer's {@code delta} ({@code [batch, outputs]}), writing each layer's gradient. */
    private void backward(int batch, float[] delta, INDArray gradientView) {
        Map<Integer, Map<String, INDArray>> views = gradientViews(gradientView);
        for (int k = dense.length - 1; k >= 0; k--) {
            INDArray weightParameter = dense[k].getParam(DefaultParamInitializer.WEIGHT_KEY);
            int in = (int) weightParameter.size(0);
            int out = (int) weightParameter.size(1);
            float[] weights = FloatRows.read(weightParameter, null);
            float[] x = inputs[k];
            float[] weightGradient = new float[in * out];
            float[] biasGradient = new float[out];
            float[] previous = new float[batch * in];
            // the activation that produced x: the previous dense layer's, or the pooled ReLU
            boolean gated = k > 0 ? denseRectified[k - 1] : rectified;
            for (int b = 0; b < batch; b++) {
                for (int o = 0; o < out; o++) {
                    biasGradient[o] += delta[b * out + o];
                }
                for (int i = 0; i < in; i++) {
                    float value = x[b * in + i];
                    float sum = 0;
                    for (int o = 0; o < out; o++) {
                        float d = delta[b * out + o];
                        weightGradient[i * out + o] += value * d;
                        sum += d * weights[i * out + o];
                    }
                    previous[b * in + i] = gated && value <= 0 ? 0 : sum;
                }
            }
            Map<String, INDArray> layerViews = views.get(dense[k].getIndex());
            FloatRows.write(weightGradient, layerViews.get(DefaultParamInitializer.WEIGHT_KEY));
            FloatRows.write(biasGradient, layerViews.get(DefaultParamInitializer.BIAS_KEY));
            delta = previous;
        }
        convolutionGradient(batch, delta, views.get(convolution.getIndex()));
    }

    /**
     * The convolution's gradient from the pooled maxima's {@code delta} ({@code [batch, filters]}): each example's
     * and filter's gradient reaches only its best window, so the filters' gradient is summed from those windows of
     * the input itself.
     */
    private void convolutionGradient(int batch, float[] delta, Map<String, INDArray> views) {
        int filters = convolution.filters();
        int width = convolution.width();
        int padding = convolution.padding();
        int channels = (int) convolution.layerConf().getNIn();
        int length = input.length / (batch * channels);
        boolean bias = convolution.layerConf().hasBias();
        int rows = channels * width + (bias ? 1 : 0);
        float[] gradient = new float[filters * rows];
        for (int b = 0; b < batch; b++) {
            for (int f = 0; f < filters; f++) {
                float d = delta[b * filters + f];
                if (d == 0) {
                    continue;
                }
                UnfoldedConvolution.addWindow(gradient, f * rows, d, input, b, best[b * filters + f], channels, length,
                        width, padding, bias);
            }
        }
        convolution.writeFilterGradient(gradient, channels, views.get(ConvolutionParamInitializer.WEIGHT_KEY),
                views.get(ConvolutionParamInitializer.BIAS_KEY));
    }

    /**
     * Each parameterised layer's gradient views within {@code gradientView}, by layer index; and {@link #gradient},
     * keyed {@code index_parameter} as Deeplearning4j's network keys it for the updater. Made once per view.
     */
    private Map<Integer, Map<String, INDArray>> gradientViews(INDArray gradientView) {
        if (gradientView != this.gradientView) {
            DefaultGradient keyed = new DefaultGradient(gradientView);
            Map<Integer, Map<String, INDArray>> views = new HashMap<>();
            List<Layer> layers = new ArrayList<>(List.of(dense));
            layers.add(0, convolution);
            for (Layer layer : layers) {
                Map<String, INDArray> layerViews = layer.conf().getLayer().initializer()
                        .getGradientsFromFlattened(layer.conf(), layer.getGradientsViewArray());
                for (Map.Entry<String, INDArray> view : layerViews.entrySet()) {
                    keyed.setGradientFor(layer.getIndex() + "_" + view.getKey(), view.getValue());
                }
                views.put(layer.getIndex(), layerViews);
            }
            this.gradient = keyed;
            this.views = views;
            this.gradientView = gradientView;
        }
        return views;
    }
}
