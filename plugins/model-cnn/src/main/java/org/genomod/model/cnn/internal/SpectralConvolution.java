package org.genomod.model.cnn.internal;

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
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A valid or same-padded (odd width) 1-D convolution with unit stride and dilation over {@code [batch, channels,
 * length]} (NCW) input, computed in the frequency domain: a product of spectra instead of a sum over the kernel's taps. Deeplearning4j's
 * layer (oneDNN) already runs near the machine's matrix-product speed, so only fewer operations can make it faster:
 * for Basset's second convolution (300 → 200 channels, width 11, 200 positions) the spectral route needs a third of
 * the multiply-adds forward and a quarter in training; DeepSEA's second and third (valid, 320 → 480 and 480 → 960
 * channels, width 8) under half.
 *
 * <p>Every step is a dense matrix product (no FFT library): with {@code N = length + padding} (padding {@code (width −
 * 1) / 2} when same-padded, else 0: long enough that the circular convolution equals the zero-padded one on every
 * output position) and {@code F = N / 2 + 1}
 * frequencies, real and imaginary parts stacked as {@code 2F} rows,
 * <ol>
 * <li>the input's spectrum is {@code signal [2F, length] · inputᵀ [length, batch × channels]};</li>
 * <li>the filters' spectrum is {@code kernel [2F, width] · weights [width, channels × filters]} (Deeplearning4j keeps
 * the weights as {@code [width, channels, filters]}, so this is a view);</li>
 * <li>each frequency's output spectrum is a complex product {@code [batch, channels] · [channels, filters]}, four real
 * matrix products; the bias is added to the constant (zero-frequency) term;</li>
 * <li>the output is {@code spectrumᵀ · inverse [2F, outputs]}.</li>
 * </ol>
 * The backward pass runs the same products transposed; the input's and the filters' spectra are kept from the forward
 * pass. Results equal the stock layer's to float rounding (tested to 1e-5). The layer decides per input shape
 * ({@link #pays}): a wide input with few channels (Basset's first layer) keeps Deeplearning4j's convolution, whose
 * cost grows with the width, not with the length squared.
 */
final class SpectralConvolution extends FasterConvolution {
    private static final long serialVersionUID = 1L;
    /** Take the spectral route when it needs at most this share of the direct convolution's multiply-adds. */
    private static final double WORTH_IT = 0.6;
    /**
     * Frequencies per task when the threads split them: each one's four products (Basset's
     * {@code [64, 300] · [300, 200]}) are too small for OpenBLAS to split well, so the frequencies are split instead
     * ({@link Parts#forEach}).
     */
    private static final int FREQUENCIES_PER_PART = 8;

    /** Tests take the spectral route whatever it costs (small networks never pay). */
    private boolean always;
    /** For the last input length: the transforms. */
    private transient Spectra spectra;
    /** From the last forward pass, for the backward one: spectra {@code [2F, batch × channels]}, {@code [2F, channels × filters]}. */
    private transient INDArray inputSpectrum;
    private transient INDArray filterSpectrum;
    private transient INDArray preActivations;

    private SpectralConvolution(NeuralNetConfiguration conf) {
        super(conf);
    }

    /** Whether {@code layer} (an instantiated layer) computes what this class can compute. */
    static boolean replaces(Layer layer) {
        return validOrOddSame(layer);
    }

    /** The same layer (configuration, parameters, listeners) computed this way. */
    static SpectralConvolution of(Convolution1DLayer stock) {
        return LayerObjects.adopt(stock, new SpectralConvolution(stock.conf()));
    }

    /**
     * Whether the spectral route needs at most {@link #WORTH_IT} of the direct convolution's multiply-adds for this
     * input: transforms in and out ({@code 2F × length} per channel), four real products per frequency and channel
     * pair, and the filters' transform shared by the batch.
     */
    boolean pays(long batch, long channels, long length) {
        long frequencies = frequencies(length);
        long outputs = windows(length);
        double direct = (double) channels * filters() * width() * outputs;
        double spectral = 2.0 * frequencies * (length * channels + outputs * filters())
                + 4.0 * frequencies * channels * filters()
                + 2.0 * frequencies * width() * channels * filters() / batch;
        return spectral <= WORTH_IT * direct;
    }

    private long size(long length) {
        return length + padding();
    }

    private long frequencies(long length) {
        return size(length) / 2 + 1;
    }

    /** For tests: the spectral route for every input. */
    void always() {
        always = true;
    }

    private boolean spectral(INDArray x) {
        return maskArray == null && x.rank() == 3 && (always || pays(x.size(0), x.size(1), x.size(2)));
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaces) {
        clearSpectra();
        assertInputSet(false);
        if (!spectral(input)) {
            return super.activate(training, workspaces);
        }
        INDArray x = FloatRows.rowMajor(input.castTo(dataType));
        int batch = (int) x.size(0);
        int channels = (int) x.size(1);
        int length = (int) x.size(2);
        int outputs = windows(length);
        int filters = filters();
        Spectra transforms = spectra(length);
        int rows = 2 * transforms.frequencies();
        ArrayType kept = training ? ArrayType.ACTIVATIONS : ArrayType.FF_WORKING_MEM;

        INDArray xs = workspaces.createUninitialized(kept, dataType, rows, (long) batch * channels);
        Nd4j.gemm(transforms.signal(), x.reshape('c', (long) batch * channels, length), xs, false, true, 1.0, 0.0);
        INDArray hs = workspaces.createUninitialized(kept, dataType, rows, (long) channels * filters);
        Nd4j.gemm(transforms.kernel(), weights(channels), hs, false, false, 1.0, 0.0);

        INDArray ys = workspaces.createUninitialized(ArrayType.FF_WORKING_MEM, dataType, rows, (long) batch * filters);
        int frequencies = transforms.frequencies();
        Parts.forEach(frequencies, FREQUENCIES_PER_PART, f -> multiply(new Complex(xs, f, frequencies, batch, channels, false),
                new Complex(hs, f, frequencies, channels, filters, false), new Complex(ys, f, frequencies, batch, filters, false)));
        if (layerConf().hasBias()) {
            // the inverse transform spreads the zero-frequency term evenly (1 / N) over all positions
            INDArray constant = block(ys, 0, batch, filters);
            constant.addiRowVector(getParam(ConvolutionParamInitializer.BIAS_KEY).reshape(1, filters).mul(transforms.size()));
        }
        INDArray z = workspaces.createUninitialized(ArrayType.ACTIVATIONS, dataType, batch, filters, outputs);
        Nd4j.gemm(ys, transforms.inverse(), z.reshape('c', (long) batch * filters, outputs), true, false, 1.0, 0.0);

        if (training) {
            inputSpectrum = xs;
            filterSpectrum = hs;
        }
        if (layerConf().getActivationFn() instanceof ActivationIdentity) {
            return z;
        }
        if (training) {
            preActivations = z;
        }
        INDArray activations = workspaces.dup(ArrayType.ACTIVATIONS, z);
        layerConf().getActivationFn().getActivation(activations, training);
        return activations;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaces) {
        assertInputSet(true);
        if (!spectral(input)) {
            return super.backpropGradient(epsilon, workspaces);
        }
        if (inputSpectrum == null) {
            // the forward pass ran in inference mode (input gradients): run it again, keeping the spectra
            activate(true, workspaces);
        }
        int batch = (int) input.size(0);
        int channels = (int) input.size(1);
        int length = (int) input.size(2);
        int outputs = windows(length);
        int filters = filters();
        Spectra transforms = spectra(length);
        int frequencies = transforms.frequencies();
        int rows = 2 * frequencies;

        INDArray delta = preActivations == null ? epsilon
                : layerConf().getActivationFn().backprop(preActivations, epsilon).getFirst();
        delta = FloatRows.rowMajor(delta);
        INDArray dys = workspaces.createUninitialized(ArrayType.BP_WORKING_MEM, dataType, rows, (long) batch * filters);
        Nd4j.gemm(transforms.inverse(), delta.reshape('c', (long) batch * filters, outputs), dys, false, true, 1.0, 0.0);

        INDArray dhs = workspaces.createUninitialized(ArrayType.BP_WORKING_MEM, dataType, rows, (long) channels * filters);
        INDArray dxs = inputGradientWanted
                ? workspaces.createUninitialized(ArrayType.BP_WORKING_MEM, dataType, rows, (long) batch * channels) : null;
        // y = x·w per frequency (complex): dL/dw = xᴴ·dy, dL/dx = dy·wᴴ
        INDArray xSpectrum = inputSpectrum;
        INDArray wSpectrum = filterSpectrum;
        Parts.forEach(frequencies, FREQUENCIES_PER_PART, f -> {
            Complex dy = new Complex(dys, f, frequencies, batch, filters, false);
            multiply(new Complex(xSpectrum, f, frequencies, batch, channels, true), dy,
                    new Complex(dhs, f, frequencies, channels, filters, false));
            if (dxs != null) {
                multiply(dy, new Complex(wSpectrum, f, frequencies, channels, filters, true),
                        new Complex(dxs, f, frequencies, batch, channels, false));
            }
        });

        Gradient gradient = new DefaultGradient();
        INDArray weightGradient = gradientViews.get(ConvolutionParamInitializer.WEIGHT_KEY);
        INDArray weightMatrix = workspaces.createUninitialized(ArrayType.BP_WORKING_MEM, dataType, width(), (long) channels * filters);
        Nd4j.gemm(transforms.kernel(), dhs, weightMatrix, true, false, 1.0, 0.0);
        assignRowMajor(weightMatrix, weightGradient);
        if (layerConf().hasBias()) {
            INDArray biasGradient = gradientViews.get(ConvolutionParamInitializer.BIAS_KEY);
            INDArray sums = block(dys, 0, batch, filters).sum(0).muli(transforms.size());
            assignRowMajor(sums, biasGradient);
            gradient.setGradientFor(ConvolutionParamInitializer.BIAS_KEY, biasGradient);
        }
        gradient.setGradientFor(ConvolutionParamInitializer.WEIGHT_KEY, weightGradient, 'c');

        INDArray inputGradient = null;
        if (dxs != null) {
            inputGradient = workspaces.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, batch, channels, length);
            Nd4j.gemm(dxs, transforms.signal(), inputGradient.reshape('c', (long) batch * channels, length), true, false, 1.0, 0.0);
        }
        clearSpectra();
        return new Pair<>(gradient, inputGradient);
    }

    /**
     * The weights as the matrix {@code [width, channels × filters]}: Deeplearning4j 1.0.0-M2.1's Convolution1DLayer
     * keeps them in libnd4j's conv1d order {@code [width, channels, filters]}, whatever shape the array declares.
     */
    private INDArray weights(int channels) {
        INDArray weights = FloatRows.rowMajor(getParam(ConvolutionParamInitializer.WEIGHT_KEY));
        return weights.reshape('c', width(), (long) channels * filters());
    }

    /**
     * One frequency's complex matrix: its real and imaginary parts, rows {@code f} and {@code F + f} of a stacked
     * spectrum, each seen as a {@code [rows, columns]} matrix; {@code adjoint}: to be used conjugated and transposed.
     */
    private record Complex(INDArray real, INDArray imaginary, boolean adjoint) {
        Complex(INDArray spectrum, int f, int frequencies, int rows, int columns, boolean adjoint) {
            this(block(spectrum, f, rows, columns), block(spectrum, frequencies + f, rows, columns), adjoint);
        }
    }

    /** {@code c = a · b} in four real products, with {@code a} or {@code b} conjugated and transposed as they say. */
    private static void multiply(Complex a, Complex b, Complex c) {
        double sa = a.adjoint() ? -1 : 1;
        double sb = b.adjoint() ? -1 : 1;
        // (ar + i·sa·ai)(br + i·sb·bi) = ar·br − sa·sb·ai·bi + i·(sb·ar·bi + sa·ai·br)
        Nd4j.gemm(a.real(), b.real(), c.real(), a.adjoint(), b.adjoint(), 1.0, 0.0);
        Nd4j.gemm(a.imaginary(), b.imaginary(), c.real(), a.adjoint(), b.adjoint(), -sa * sb, 1.0);
        Nd4j.gemm(a.real(), b.imaginary(), c.imaginary(), a.adjoint(), b.adjoint(), sb, 0.0);
        Nd4j.gemm(a.imaginary(), b.real(), c.imaginary(), a.adjoint(), b.adjoint(), sa, 1.0);
    }

    /** Row {@code row} of {@code matrix} seen as a {@code [rows, columns]} row-major matrix (a view). */
    private static INDArray block(INDArray matrix, int row, int rows, int columns) {
        long offset = matrix.offset() + (long) row * matrix.size(1);
        return Nd4j.create(matrix.data(), new long[] {rows, columns}, new long[] {columns, 1}, offset, 'c');
    }


    /** Copies {@code values} into {@code target} element by element in row-major order (shapes may differ). */
    private static void assignRowMajor(INDArray values, INDArray target) {
        target.assign(values.reshape('c', target.shape()));
    }

    private Spectra spectra(int length) {
        if (spectra == null || spectra.length() != length) {
            spectra = Spectra.of(length, windows(length), (int) size(length), width(), padding());
        }
        return spectra;
    }

    private void clearSpectra() {
        inputSpectrum = null;
        filterSpectrum = null;
        preActivations = null;
    }

    @Override
    public void clear() {
        super.clear();
        clearSpectra();
    }

    /**
     * The three real transforms for one input length, real parts in rows {@code 0..F−1}, imaginary parts in rows
     * {@code F..2F−1}: {@code signal} (the input's DFT), {@code kernel} (the filters' DFT, a tap at offset {@code j}
     * sitting at circular position {@code padding − j}: output {@code t} reads input {@code t + j − padding}) and
     * {@code inverse} (the real inverse DFT back to the first {@code outputs} positions, each frequency but 0 and N/2 counted twice for its
     * conjugate).
     */
    private record Spectra(int length, int size, int frequencies, INDArray signal, INDArray kernel, INDArray inverse) {
        static Spectra of(int length, int outputs, int size, int width, int padding) {
            int frequencies = size / 2 + 1;
            float[] signal = new float[2 * frequencies * length];
            float[] inverse = new float[2 * frequencies * outputs];
            float[] kernel = new float[2 * frequencies * width];
            for (int f = 0; f < frequencies; f++) {
                double weight = (f == 0 || 2 * f == size ? 1.0 : 2.0) / size;
                for (int n = 0; n < length; n++) {
                    double angle = 2 * Math.PI * ((long) f * n % size) / size;
                    signal[f * length + n] = (float) Math.cos(angle);
                    signal[(frequencies + f) * length + n] = (float) -Math.sin(angle);
                    if (n < outputs) {
                        inverse[f * outputs + n] = (float) (weight * Math.cos(angle));
                        inverse[(frequencies + f) * outputs + n] = (float) (-weight * Math.sin(angle));
                    }
                }
                for (int j = 0; j < width; j++) {
                    double angle = 2 * Math.PI * Math.floorMod((long) f * (padding - j), size) / size;
                    kernel[f * width + j] = (float) Math.cos(angle);
                    kernel[(frequencies + f) * width + j] = (float) -Math.sin(angle);
                }
            }
            // kept across iterations: outside the network's workspaces
            try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                return new Spectra(length, size, frequencies,
                        Nd4j.create(signal, new long[] {2L * frequencies, length}, 'c'),
                        Nd4j.create(kernel, new long[] {2L * frequencies, width}, 'c'),
                        Nd4j.create(inverse, new long[] {2L * frequencies, outputs}, 'c'));
            }
        }
    }
}
