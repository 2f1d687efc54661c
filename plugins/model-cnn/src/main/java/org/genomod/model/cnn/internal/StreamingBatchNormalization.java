package org.genomod.model.cnn.internal;

import java.nio.FloatBuffer;
import java.util.Arrays;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Batch normalisation of NCHW images {@code [batch, channels, height, width]} (the family's
 * {@code [batch, channels, length, 1]} views, {@link SequenceAsImage}) per channel, in Java passes over the floats
 * ({@link FloatRows}): two forward in training (the batch's statistics, then {@code gamma (x - mean) / std + beta}),
 * one in inference, two backward (per-channel sums, then the input gradient). Deeplearning4j 1.0.0-M2.1's
 * {@code BatchNormalization} computes the same with per-channel reductions and broadcasts over strided sub-tensors
 * and two full-size temporaries: 27 % of Basset's training step and 30 % of its inference on one thread, about
 * seven and sixty times what these passes take.
 *
 * <p>What it computes is Deeplearning4j's, to float rounding: training normalises with the batch's mean and biased
 * variance plus {@code eps}, inference with the running statistics; the backward pass is Deeplearning4j's (with the
 * statistics of the last forward pass, whichever mode it ran in), and the running statistics' "gradients" are its
 * distributed-safe updates, {@code (1 - decay) (running mean - batch mean)} and, for the variance, the change of
 * {@code log10} of the standard deviation (or of the variance itself), which its no-op updater subtracts.
 */
final class StreamingBatchNormalization extends BatchNormalization {
    private static final long serialVersionUID = 1L;
    private static final double ONE_ON_2LOGE_10 = 1 / (2 * Math.log(10));

    /** Whether the last forward pass ran here (not in Deeplearning4j's code), and its per-channel mean and deviation. */
    private transient boolean streamed;
    private transient float[] mean;
    private transient float[] std;
    /** The last training forward pass's input and its batch mean and variance: the running statistics' update. */
    private transient INDArray normalised;
    private transient float[] batchMean;
    private transient float[] batchVariance;
    /** Per thread of a split pass: its chunks, reused from step to step. */
    private transient FloatRows.Slots<Chunks> chunks;

    private static final class Chunks {
        float[] values;
        float[] gradients;
    }

    StreamingBatchNormalization(NeuralNetConfiguration conf) {
        super(conf, DataType.FLOAT);
    }

    /**
     * Whether {@code layer} is Deeplearning4j's batch normalisation of NCHW float activations with learned
     * {@code gamma} and {@code beta}, without a oneDNN or cuDNN helper, dropout or weight noise.
     */
    static boolean replaces(Layer layer) {
        if (layer.getClass() != BatchNormalization.class || layer.getHelper() != null) {
            return false;
        }
        var conf = (org.deeplearning4j.nn.conf.layers.BatchNormalization) layer.conf().getLayer();
        return conf.getCnn2DFormat() == CNN2DFormat.NCHW && !conf.isLockGammaBeta() && conf.getIDropout() == null
                && conf.getWeightNoise() == null
                && layer.getParam(BatchNormalizationParamInitializer.GAMMA).dataType() == DataType.FLOAT;
    }

    private boolean streams(INDArray array) {
        return array.rank() == 4 && FloatRows.streamable(array) && array.size(1) == layerConf().getNOut();
    }

    private FloatRows.Slots<Chunks> chunks() {
        return chunks != null ? chunks : (chunks = new FloatRows.Slots<>(Chunks::new));
    }

    private float[] parameter(String name) {
        return FloatRows.read(getParam(name), null);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaces) {
        assertInputSet(false);
        streamed = false;
        normalised = null;
        if (!streams(input)) {
            return super.activate(training, workspaces);
        }
        INDArray x = FloatRows.rowMajor(input);
        int channels = (int) x.size(1);
        float eps = (float) layerConf().getEps();
        float[] variance;
        if (training) {
            statistics(x);
            mean = batchMean;
            variance = batchVariance;
            normalised = input;
        } else {
            mean = parameter(BatchNormalizationParamInitializer.GLOBAL_MEAN);
            variance = runningVariance();
        }
        std = new float[channels];
        for (int c = 0; c < channels; c++) {
            std[c] = (float) Math.sqrt(variance[c] + eps);
        }
        float[] gamma = parameter(BatchNormalizationParamInitializer.GAMMA);
        float[] beta = parameter(BatchNormalizationParamInitializer.BETA);
        INDArray activations = workspaces.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT, x.shape(), 'c');
        float[] means = mean;
        float[] deviations = std;
        eachRow(x, null, activations, (task, c, xs, es, from, end) -> {
            float m = means[c];
            float s = deviations[c];
            float g = gamma[c];
            float b = beta[c];
            for (int i = from; i < end; i++) {
                xs[i] = (xs[i] - m) / s * g + b;
            }
        });
        streamed = true;
        return activations;
    }

    private static int positions(INDArray image) {
        return (int) (image.size(2) * image.size(3));
    }

    /** The running variance: kept as {@code log10} of the standard deviation, or as itself. */
    private float[] runningVariance() {
        if (!layerConf().isUseLogStd()) {
            return parameter(BatchNormalizationParamInitializer.GLOBAL_VAR);
        }
        float[] variance = parameter(BatchNormalizationParamInitializer.GLOBAL_LOG_STD);
        for (int c = 0; c < variance.length; c++) {
            float deviation = (float) Math.pow(10, variance[c]);
            variance[c] = deviation * deviation;
        }
        return variance;
    }

    /**
     * {@link #batchMean} and {@link #batchVariance} (biased) of each channel of {@code x}, in one pass: sums of the
     * values and their squares, less the channel's first value (so that a large mean cancels nothing), in doubles;
     * made per task of the split pass and added in task order.
     */
    private void statistics(INDArray x) {
        int channels = (int) x.size(1);
        int positions = positions(x);
        int rows = (int) (x.length() / positions);
        double[] shift = new double[channels];
        FloatBuffer in = FloatRows.floats(x);
        int inBase = (int) x.offset();
        for (int c = 0; c < channels; c++) {
            shift[c] = in.get(inBase + c * positions);
        }
        int tasks = FloatRows.tasks(rows, positions);
        double[][] sums = new double[tasks][channels];
        double[][] squareSums = new double[tasks][channels];
        eachRow(x, null, null, (task, c, v, unused, from, end) -> {
            double d = shift[c];
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0, q0 = 0, q1 = 0, q2 = 0, q3 = 0;
            int i = from;
            // four independent sums: a single one waits on each addition's latency
            for (; i + 3 < end; i += 4) {
                double a0 = v[i] - d, a1 = v[i + 1] - d, a2 = v[i + 2] - d, a3 = v[i + 3] - d;
                s0 += a0;
                s1 += a1;
                s2 += a2;
                s3 += a3;
                q0 += a0 * a0;
                q1 += a1 * a1;
                q2 += a2 * a2;
                q3 += a3 * a3;
            }
            for (; i < end; i++) {
                double a = v[i] - d;
                s0 += a;
                q0 += a * a;
            }
            sums[task][c] += s0 + s1 + s2 + s3;
            squareSums[task][c] += q0 + q1 + q2 + q3;
        });
        double[] sum = inTaskOrder(sums);
        double[] squares = inTaskOrder(squareSums);
        double count = (double) rows / channels * positions;
        batchMean = new float[channels];
        batchVariance = new float[channels];
        for (int c = 0; c < channels; c++) {
            double centred = sum[c] / count;
            batchMean[c] = (float) (shift[c] + centred);
            batchVariance[c] = (float) Math.max(0, squares[c] / count - centred * centred);
        }
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaces) {
        assertInputSet(true);
        if (!streamed) {
            return super.backpropGradient(epsilon, workspaces);
        }
        if (!Arrays.equals(epsilon.shape(), input.shape())) {
            throw new IllegalArgumentException("gradient of shape " + Arrays.toString(epsilon.shape())
                    + " for batch normalisation of " + Arrays.toString(input.shape()) + " " + layerId());
        }
        INDArray x = FloatRows.rowMajor(input);
        INDArray e = FloatRows.rowMajor(epsilon.castTo(DataType.FLOAT));
        if (normalised != input) {
            statistics(x); // Deeplearning4j updates the running statistics from the input's, whatever normalised it
        }
        normalised = null;
        int channels = (int) x.size(1);
        int positions = positions(x);
        int rows = (int) (x.length() / positions);
        double count = (double) rows / channels * positions;
        float[] gamma = parameter(BatchNormalizationParamInitializer.GAMMA);

        // per channel and task: the sums of the gradient, of the gradient times the centred input, and of the
        // centred input
        int tasks = FloatRows.tasks(rows, positions);
        double[][] gradientSums = new double[tasks][channels];
        double[][] weightedSums = new double[tasks][channels];
        double[][] centredSums = new double[tasks][channels];
        float[] means = mean;
        eachRow(x, e, null, (task, c, xs, es, from, end) -> {
            float m = means[c];
            double g0 = 0, g1 = 0, w0 = 0, w1 = 0, x0 = 0, x1 = 0;
            int i = from;
            for (; i + 1 < end; i += 2) {
                float c0 = xs[i] - m, c1 = xs[i + 1] - m;
                g0 += es[i];
                g1 += es[i + 1];
                w0 += es[i] * (double) c0;
                w1 += es[i + 1] * (double) c1;
                x0 += c0;
                x1 += c1;
            }
            if (i < end) {
                float c0 = xs[i] - m;
                g0 += es[i];
                w0 += es[i] * (double) c0;
                x0 += c0;
            }
            gradientSums[task][c] += g0 + g1;
            weightedSums[task][c] += w0 + w1;
            centredSums[task][c] += x0 + x1;
        });
        double[] gradientSum = inTaskOrder(gradientSums);
        double[] weightedSum = inTaskOrder(weightedSums);
        double[] centredSum = inTaskOrder(centredSums);

        // Deeplearning4j's backward pass, per channel: dL/dx = gamma / std · e + b · (x - mean) + d, where
        // dL/dvar = -gamma Σ e (x - mean) / (2 std³), dL/dmean = -gamma Σ e / std - 2 dL/dvar Σ (x - mean) / N,
        // b = 2 dL/dvar / N and d = dL/dmean / N
        float[] scale = new float[channels];
        float[] slope = new float[channels];
        float[] shift = new float[channels];
        float[] gammaGradient = new float[channels];
        float[] betaGradient = new float[channels];
        for (int c = 0; c < channels; c++) {
            double s = std[c];
            double g = gamma[c];
            double varianceGradient = g * weightedSum[c] * -0.5 / (s * s * s);
            double meanGradient = -g * gradientSum[c] / s + centredSum[c] * (-2.0 / count) * varianceGradient;
            scale[c] = (float) (g / s);
            slope[c] = (float) (varianceGradient * 2.0 / count);
            shift[c] = (float) (meanGradient / count);
            gammaGradient[c] = (float) (weightedSum[c] / s);
            betaGradient[c] = (float) gradientSum[c];
        }
        INDArray inputGradient = workspaces.createUninitialized(ArrayType.ACTIVATION_GRAD, DataType.FLOAT, x.shape(), 'c');
        eachRow(x, e, inputGradient, (task, c, xs, es, from, end) -> {
            float m = means[c];
            float a = scale[c];
            float b = slope[c];
            float d = shift[c];
            for (int i = from; i < end; i++) {
                es[i] = a * es[i] + b * (xs[i] - m) + d;
            }
        });
        return new Pair<>(parameterGradients(gammaGradient, betaGradient), inputGradient);
    }

    /**
     * What a pass does to one row (one example's channel {@code channel}) of {@code xs}, and of {@code es} when it
     * reads a gradient too, at {@code [from, end)} of the chunk's arrays: task {@code task} of the split pass.
     */
    @FunctionalInterface
    private interface RowOp {
        void row(int task, int channel, float[] xs, float[] es, int from, int end);
    }

    /**
     * One pass over the rows of {@code x} ({@code [batch, channels, positions…]}, row-major), with the same rows of
     * {@code e} when it is not null, in chunks, split over threads ({@link FloatRows#split}); when {@code out} is not
     * null, the chunks (of {@code e}, else of {@code x}) are written to it after {@code op}.
     */
    private void eachRow(INDArray x, INDArray e, INDArray out, RowOp op) {
        int channels = (int) x.size(1);
        int positions = positions(x);
        int rows = (int) (x.length() / positions);
        int chunkRows = Math.max(1, FloatRows.CHUNK / positions);
        FloatBuffer in = FloatRows.floats(x);
        FloatBuffer gradient = e == null ? null : FloatRows.floats(e);
        FloatBuffer written = out == null ? null : FloatRows.floats(out);
        int inBase = (int) x.offset();
        int gradientBase = e == null ? 0 : (int) e.offset();
        int outBase = out == null ? 0 : (int) out.offset();
        FloatRows.Slots<Chunks> slots = chunks();
        FloatRows.split(rows, positions, (slot, task, first, last) -> {
            Chunks own = slots.get(slot);
            float[] xs = own.values = FloatRows.scratch(own.values, chunkRows * positions);
            float[] es = e == null ? null : (own.gradients = FloatRows.scratch(own.gradients, chunkRows * positions));
            for (int row = first; row < last; row += chunkRows) {
                int n = Math.min(chunkRows, last - row);
                in.get(inBase + row * positions, xs, 0, n * positions);
                if (es != null) {
                    gradient.get(gradientBase + row * positions, es, 0, n * positions);
                }
                for (int r = 0; r < n; r++) {
                    op.row(task, (row + r) % channels, xs, es, r * positions, (r + 1) * positions);
                }
                if (written != null) {
                    written.put(outBase + row * positions, es != null ? es : xs, 0, n * positions);
                }
            }
        });
    }

    /** The per-task sums {@code [tasks][channels]} added up per channel, in task order. */
    private static double[] inTaskOrder(double[][] perTask) {
        double[] total = perTask[0].clone();
        for (int t = 1; t < perTask.length; t++) {
            for (int c = 0; c < total.length; c++) {
                total[c] += perTask[t][c];
            }
        }
        return total;
    }

    /**
     * The gradients of {@code gamma} and {@code beta}, and the running statistics' updates from the batch's (which
     * Deeplearning4j's no-op updater for them subtracts): {@code (1 - decay) (mean - batch mean)}, and
     * {@code log10(std / new std)} with {@code new var = decay var + (1 - decay) batch var}, or
     * {@code (1 - decay) (var - batch var)}.
     */
    private Gradient parameterGradients(float[] gammaGradient, float[] betaGradient) {
        int channels = gammaGradient.length;
        float decay = (float) layerConf().getDecay();
        float keep = (float) (1 - layerConf().getDecay());
        float[] runningMean = parameter(BatchNormalizationParamInitializer.GLOBAL_MEAN);
        float[] meanUpdate = new float[channels];
        for (int c = 0; c < channels; c++) {
            meanUpdate[c] = (runningMean[c] - batchMean[c]) * keep;
        }
        String varianceKey;
        float[] varianceUpdate;
        if (layerConf().isUseLogStd()) {
            varianceKey = BatchNormalizationParamInitializer.GLOBAL_LOG_STD;
            varianceUpdate = runningVariance();
            for (int c = 0; c < channels; c++) {
                float next = varianceUpdate[c] * decay + batchVariance[c] * keep;
                varianceUpdate[c] = (float) (Math.log(varianceUpdate[c] / next) * ONE_ON_2LOGE_10);
            }
        } else {
            varianceKey = BatchNormalizationParamInitializer.GLOBAL_VAR;
            varianceUpdate = runningVariance();
            for (int c = 0; c < channels; c++) {
                varianceUpdate[c] = (varianceUpdate[c] - batchVariance[c]) * keep;
            }
        }
        Gradient gradient = new DefaultGradient();
        String[] keys = {BatchNormalizationParamInitializer.GAMMA, BatchNormalizationParamInitializer.BETA,
                BatchNormalizationParamInitializer.GLOBAL_MEAN, varianceKey};
        float[][] values = {gammaGradient, betaGradient, meanUpdate, varianceUpdate};
        for (int i = 0; i < keys.length; i++) {
            INDArray view = gradientViews.get(keys[i]);
            FloatRows.write(values[i], view);
            gradient.setGradientFor(keys[i], view);
        }
        return gradient;
    }

    @Override
    public void clear() {
        super.clear();
        normalised = null;
    }
}
