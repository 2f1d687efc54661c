package org.genomod.model.cnn.internal;

import java.nio.FloatBuffer;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.Convolution1DLayer;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.genomod.dl4j.LayerObjects;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A network's first layer, a valid or same-padded (odd width) 1-D convolution with unit stride and dilation over
 * {@code [batch, channels, length]} (NCW) input, trained as one matrix product: the input's windows unfolded in Java into the columns of
 * {@code [channels × width + 1, batch × windows]} (the last row ones, for the bias) and multiplied by the filters and
 * bias {@code [filters, channels × width + 1]}. The layer's configuration, parameters and results are
 * Deeplearning4j's {@code Convolution1DLayer}'s; what differs is the work of a training step:
 * <ul>
 * <li>the unfolded columns and the pre-activations are kept from the forward pass for the backward pass, which
 * Deeplearning4j 1.0.0-M2.1 recomputes (the whole convolution again);</li>
 * <li>the weight and bias gradients are one matrix product of the output gradient with the columns;</li>
 * <li>the gradient with respect to the input ({@code col2im}, the largest single item of a DeepBind training step in
 * Deeplearning4j) is computed only when the network is asked for it ({@link UnfoldingNetwork}): in training
 * nothing reads the first layer's input gradient.</li>
 * </ul>
 * With same padding a window reaches {@code (width − 1) / 2} positions past either end, where the columns hold zeros.
 * The output is a view {@code [batch, filters, windows]} of the product's {@code [filters, batch × windows]}.
 * Inference (no backward pass to prepare) keeps Deeplearning4j's convolution (oneDNN), which is faster there; so does
 * masked input, which the cnn family never gives.
 */
final class UnfoldedConvolution extends FasterConvolution {
    private static final long serialVersionUID = 1L;
    /** Sum the weight gradient over nonzero values when fewer than one in this many are nonzero. */
    private static final int SPARSE = 8;

    /** From the last training forward pass: the unfolded columns and the pre-activations {@code [filters, batch × windows]}. */
    private transient INDArray columns;
    private transient INDArray preActivations;
    /** Java copies reused from step to step: the input, the filters with their bias, the ReLU's gradient. */
    private transient float[] inputValues;
    private transient float[] filterValues;
    private transient float[] reluValues;
    /** How many of the last ReLU gradient's values are not 0. */
    private transient int reluNonzero;

    private UnfoldedConvolution(NeuralNetConfiguration conf) {
        super(conf);
    }

    /** Whether {@code layer} (an instantiated first layer) computes exactly what this class computes faster. */
    static boolean replaces(Layer layer) {
        return validOrOddSame(layer);
    }


    /** The same layer (configuration, parameters, listeners) computed this way. */
    static UnfoldedConvolution of(Convolution1DLayer stock) {
        return LayerObjects.adopt(stock, new UnfoldedConvolution(stock.conf()));
    }

    /** Rows of the unfolded columns and columns of the filter matrix: channels × width, plus one for the bias. */
    private int rows(long channels) {
        return (int) channels * width() + (layerConf().hasBias() ? 1 : 0);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaces) {
        columns = null;
        preActivations = null;
        if (!training || maskArray != null) {
            return super.activate(training, workspaces);
        }
        assertInputSet(false);
        INDArray x = input.castTo(dataType);
        int batch = (int) x.size(0);
        int windows = windows(x.size(2));
        INDArray unfolded = unfold(x, workspaces.createUninitialized(ArrayType.ACTIVATIONS, dataType, rows(x.size(1)), (long) batch * windows));
        INDArray z = workspaces.createUninitialized(ArrayType.ACTIVATIONS, dataType, filters(), (long) batch * windows);
        Nd4j.gemm(filterMatrix(rows(x.size(1)), workspaces), unfolded, z, false, false, 1.0, 0.0);
        columns = unfolded;
        preActivations = z;
        INDArray activations = workspaces.dup(ArrayType.ACTIVATIONS, z);
        layerConf().getActivationFn().getActivation(activations, true);
        return workspaces.leverageTo(ArrayType.ACTIVATIONS, activations.reshape('c', filters(), batch, windows).permute(1, 0, 2));
    }

    /**
     * Writes {@code x}'s windows into the columns of {@code dest} ({@code [channels × width + 1, batch × windows]}):
     * row {@code c × width + j}, column {@code b × windows + w} holds {@code x[b, c, w + j − padding]} (0 outside), so each row is a run of
     * contiguous input; the bias row is ones. Java copies at memory speed; Deeplearning4j's im2col into this layout
     * took fifty times as long.
     */
    private INDArray unfold(INDArray x, INDArray dest) {
        inputValues = FloatRows.read(x, inputValues);
        unfold(inputValues, 0, (int) x.size(0), (int) x.size(1), (int) x.size(2), width(), padding(), layerConf().hasBias(),
                dest.data().asNioFloat(), (int) dest.offset());
        return dest;
    }

    /**
     * Writes the windows of {@code examples} examples from {@code first} on of {@code input} ({@code [batch, channels,
     * length]}, row-major) as the columns of a row-major {@code [channels × width (+ 1 with a bias), examples × windows]}
     * matrix at {@code base} of {@code out}.
     */
    static void unfold(float[] input, int first, int examples, int channels, int length, int width, int padding,
                       boolean bias, FloatBuffer out, int base) {
        int windows = length - width + 1 + 2 * padding;
        int columns = examples * windows;
        for (int c = 0; c < channels; c++) {
            for (int j = 0; j < width; j++) {
                int row = base + (c * width + j) * columns;
                // windows [start, end) lie on the input, the others on the padding
                int start = Math.max(0, padding - j);
                int end = Math.min(windows, length + padding - j);
                for (int b = 0; b < examples; b++) {
                    int column = row + b * windows;
                    for (int w = 0; w < start; w++) {
                        out.put(column + w, 0f);
                    }
                    out.put(column + start, input, ((first + b) * channels + c) * length + start + j - padding, end - start);
                    for (int w = end; w < windows; w++) {
                        out.put(column + w, 0f);
                    }
                }
            }
        }
        if (bias) {
            int row = base + channels * width * columns;
            for (int i = 0; i < columns; i++) {
                out.put(row + i, 1f);
            }
        }
    }

    /**
     * The filters and their bias, {@code [filters, channels × width + 1]}, column {@code c × width + j} for channel
     * {@code c} at offset {@code j}. Deeplearning4j 1.0.0-M2.1's Convolution1DLayer reads its weight parameters as
     * {@code [width, channels, filters]} (libnd4j's conv1d layout), whatever shape the array declares; so does this.
     */
    private INDArray filterMatrix(int rows, LayerWorkspaceMgr workspaces) {
        filterValues = filterRows((rows - (layerConf().hasBias() ? 1 : 0)) / width(), filterValues);
        INDArray matrix = workspaces.createUninitialized(ArrayType.FF_WORKING_MEM, dataType, filters(), rows);
        matrix.data().asNioFloat().put((int) matrix.offset(), filterValues);
        return matrix;
    }

    /**
     * The filters and their bias as the rows of {@code [filters, channels × width (+ 1)]} (see {@link #filterMatrix}),
     * in {@code reuse} when it has the length.
     */
    float[] filterRows(int channels, float[] reuse) {
        int filters = filters();
        int width = width();
        int rows = channels * width + (layerConf().hasBias() ? 1 : 0);
        float[] weights = FloatRows.read(getParam(ConvolutionParamInitializer.WEIGHT_KEY), null);
        float[] values = reuse == null || reuse.length != filters * rows ? new float[filters * rows] : reuse;
        for (int f = 0; f < filters; f++) {
            for (int c = 0; c < channels; c++) {
                for (int j = 0; j < width; j++) {
                    values[f * rows + c * width + j] = weights[(j * channels + c) * filters + f];
                }
            }
        }
        if (layerConf().hasBias()) {
            float[] bias = FloatRows.read(getParam(ConvolutionParamInitializer.BIAS_KEY), null);
            for (int f = 0; f < filters; f++) {
                values[f * rows + rows - 1] = bias[f];
            }
        }
        return values;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaces) {
        if (maskArray != null) {
            return super.backpropGradient(epsilon, workspaces);
        }
        assertInputSet(true);
        if (columns == null) {
            // the forward pass ran in inference mode (input gradients): unfold now
            activate(true, workspaces);
        }
        int batch = (int) epsilon.size(0);
        int filters = (int) epsilon.size(1);
        int windows = (int) epsilon.size(2);
        int rows = (int) columns.size(0);
        // [batch, filters, windows] to the product's order [filters, batch × windows]
        INDArray delta = workspaces.createUninitialized(ArrayType.BP_WORKING_MEM, dataType, filters, (long) batch * windows);
        INDArray dz;
        if (plainRelu()) {
            dz = reluGradient(epsilon, delta);
        } else {
            delta.reshape('c', filters, batch, windows).assign(epsilon.permute(1, 0, 2));
            dz = layerConf().getActivationFn().backprop(preActivations, delta).getFirst();
        }

        float[] values;
        if (plainRelu() && reluNonzero < (long) filters * batch * windows / SPARSE) {
            values = sparseMatrixGradient(batch, filters, windows, rows);
        } else {
            INDArray matrixGradient = workspaces.createUninitialized(ArrayType.BP_WORKING_MEM, dataType, filters, rows);
            Nd4j.gemm(dz, columns, matrixGradient, false, true, 1.0, 0.0);
            values = FloatRows.read(matrixGradient, null);
        }
        INDArray weightGradient = gradientViews.get(ConvolutionParamInitializer.WEIGHT_KEY);
        INDArray biasGradient = gradientViews.get(ConvolutionParamInitializer.BIAS_KEY);
        writeFilterGradient(values, (int) columns.size(0) / width(), weightGradient, biasGradient);
        Gradient gradient = new DefaultGradient();
        if (layerConf().hasBias()) {
            gradient.setGradientFor(ConvolutionParamInitializer.BIAS_KEY, biasGradient);
        }
        gradient.setGradientFor(ConvolutionParamInitializer.WEIGHT_KEY, weightGradient, 'c');
        INDArray inputGradient = inputGradientWanted ? fold(dz, workspaces) : null;
        columns = null;
        preActivations = null;
        return new Pair<>(gradient, inputGradient);
    }

    /**
     * Writes the gradient of {@link #filterRows}' matrix ({@code [filters, channels × width (+ 1)]}) into the weight
     * gradient view, in the parameters' layout, and the bias gradient view (null without a bias).
     */
    void writeFilterGradient(float[] values, int channels, INDArray weightGradient, INDArray biasGradient) {
        int filters = filters();
        int width = width();
        int rows = channels * width + (layerConf().hasBias() ? 1 : 0);
        float[] weights = new float[(int) weightGradient.length()];
        for (int f = 0; f < filters; f++) {
            for (int c = 0; c < channels; c++) {
                for (int j = 0; j < width; j++) {
                    weights[(j * channels + c) * filters + f] = values[f * rows + c * width + j];
                }
            }
        }
        FloatRows.write(weights, weightGradient);
        if (layerConf().hasBias()) {
            float[] bias = new float[filters];
            for (int f = 0; f < filters; f++) {
                bias[f] = values[f * rows + rows - 1];
            }
            FloatRows.write(bias, biasGradient);
        }
    }

    private boolean plainRelu() {
        return plainRelu(layerConf().getActivationFn());
    }

    /** Whether {@code activation} is {@code max(x, 0)}: a ReLU without cap, threshold or negative slope. */
    static boolean plainRelu(IActivation activation) {
        return activation instanceof ActivationReLU relu && relu.getMax() == null
                && (relu.getThreshold() == null || relu.getThreshold() == 0)
                && (relu.getNegativeSlope() == null || relu.getNegativeSlope() == 0);
    }

    /**
     * The pre-activation gradient of a ReLU, {@code epsilon} where the pre-activation is positive and 0 elsewhere,
     * rearranged into {@code dest} in one Java pass: Deeplearning4j's ReLU derivative calls a function per element
     * and took a tenth of a DeepBind training step, the rearranging copy another op.
     */
    private INDArray reluGradient(INDArray epsilon, INDArray dest) {
        int batch = (int) epsilon.size(0);
        int filters = (int) epsilon.size(1);
        int windows = (int) epsilon.size(2);
        float[] gradient = FloatRows.read(epsilon, null);
        float[] values = FloatRows.read(preActivations, reluValues);
        reluValues = values;
        int nonzero = 0;
        for (int f = 0; f < filters; f++) {
            for (int b = 0; b < batch; b++) {
                int to = (f * batch + b) * windows;
                int from = (b * filters + f) * windows;
                for (int w = 0; w < windows; w++) {
                    float value = values[to + w] > 0 ? gradient[from + w] : 0;
                    values[to + w] = value;
                    nonzero += value != 0 ? 1 : 0;
                }
            }
        }
        reluNonzero = nonzero;
        dest.data().asNioFloat().put((int) dest.offset(), values);
        return dest;
    }

    /**
     * The filters' and bias's gradient {@code [filters, channels × width + 1]} summed over the ReLU gradient's nonzero
     * values only, from the input itself. After a global max pool (DeepBind) one window per filter and example is
     * nonzero, so this is a hundredth of the matrix product {@code dz · columnsᵀ}.
     */
    private float[] sparseMatrixGradient(int batch, int filters, int windows, int rows) {
        int channels = (int) input.size(1);
        int length = (int) input.size(2);
        int width = width();
        int padding = padding();
        float[] gradient = new float[filters * rows];
        for (int f = 0; f < filters; f++) {
            int to = f * rows;
            for (int b = 0; b < batch; b++) {
                for (int w = 0; w < windows; w++) {
                    float delta = reluValues[(f * batch + b) * windows + w];
                    if (delta == 0) {
                        continue;
                    }
                    addWindow(gradient, to, delta, inputValues, b, w, channels, length, width, padding, layerConf().hasBias());
                }
            }
        }
        return gradient;
    }

    /**
     * Adds {@code delta} times example {@code b}'s window {@code w} of {@code input} ({@code [batch, channels, length]})
     * to the filter-matrix gradient row at {@code to} ({@code channels × width} taps, then the bias when there is one):
     * one output value's share of the filters' gradient.
     */
    static void addWindow(float[] gradient, int to, float delta, float[] input, int b, int w, int channels, int length,
                          int width, int padding, boolean bias) {
        // taps j with w + j − padding on the input
        int first = Math.max(0, padding - w);
        int last = Math.min(width, length + padding - w);
        for (int c = 0; c < channels; c++) {
            int from = (b * channels + c) * length + w - padding;
            for (int j = first; j < last; j++) {
                gradient[to + c * width + j] += delta * input[from + j];
            }
        }
        if (bias) {
            gradient[to + channels * width] += delta;
        }
    }

    /**
     * The gradient with respect to the input: the columns' gradient ({@code weightsᵀ · dz}, without the bias row)
     * summed back onto the input positions each column was copied from.
     */
    private INDArray fold(INDArray dz, LayerWorkspaceMgr workspaces) {
        int batch = (int) input.size(0);
        int channels = (int) input.size(1);
        int length = (int) input.size(2);
        int width = width();
        int windows = windows(length);
        int padding = padding();
        int examples = batch * windows;
        // the bias row's gradient is computed too, and not read
        float[] columnGradient = FloatRows.read(Nd4j.gemm(filterMatrix(channels * width + (layerConf().hasBias() ? 1 : 0), workspaces), dz,
                true, false), null);
        float[] values = new float[batch * channels * length];
        for (int c = 0; c < channels; c++) {
            for (int j = 0; j < width; j++) {
                int row = (c * width + j) * examples;
                int start = Math.max(0, padding - j);
                int end = Math.min(windows, length + padding - j);
                for (int b = 0; b < batch; b++) {
                    int to = (b * channels + c) * length + j - padding;
                    int from = row + b * windows;
                    for (int w = start; w < end; w++) {
                        values[to + w] += columnGradient[from + w];
                    }
                }
            }
        }
        INDArray gradient = workspaces.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, batch, channels, length);
        gradient.data().asNioFloat().put((int) gradient.offset(), values);
        return gradient;
    }

    @Override
    public void clear() {
        super.clear();
        columns = null;
        preActivations = null;
    }
}
