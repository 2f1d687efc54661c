package org.genomod.model.cnn.internal;

import java.nio.FloatBuffer;
import java.util.Arrays;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.pooling.GlobalPoolingLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Global max pooling of {@code [examples, channels, positions]} over the positions, in one Java pass each way, as
 * Deeplearning4j's {@code GlobalPoolingLayer} computes it: each row's maximum forward; backward, the output gradient
 * at the row's first maximum ({@code IsMax}'s choice among ties) and 0 elsewhere. The family pools windows of a few
 * positions this way ({@link PoolingWindows}): millions of rows of 3 or 4, which Deeplearning4j's reduction and
 * {@code IsMax} ops handled one small tensor at a time. A training forward pass keeps where each maximum was, so the
 * backward pass reads only the gradient.
 */
final class StreamingMaxPooling extends GlobalPoolingLayer {
    private static final long serialVersionUID = 1L;

    /** From the last training forward pass: its input, and the position of each row's maximum in it. */
    private transient INDArray pooledInput;
    private transient byte[] keptPositions;
    /** Per thread of a split pass: its chunks, reused from step to step. */
    private transient FloatRows.Slots<Chunks> chunks;

    private static final class Chunks {
        float[] values;
        float[] results;
        /** Without kept positions, backward: each row's maximum and its position, found again. */
        float[] rowMaxima;
        byte[] positions;
    }

    StreamingMaxPooling(NeuralNetConfiguration conf) {
        super(conf, DataType.FLOAT);
    }

    /** Whether {@code layer} is Deeplearning4j's global max pooling over the last axis, collapsing it. */
    static boolean replaces(Layer layer) {
        if (layer.getClass() != GlobalPoolingLayer.class) {
            return false;
        }
        var conf = (org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer) layer.conf().getLayer();
        int[] dimensions = conf.getPoolingDimensions();
        return conf.getPoolingType() == PoolingType.MAX && conf.isCollapseDimensions()
                && (dimensions == null || Arrays.equals(dimensions, new int[] {2})) && conf.getIDropout() == null;
    }

    private FloatRows.Slots<Chunks> chunks() {
        return chunks != null ? chunks : (chunks = new FloatRows.Slots<>(Chunks::new));
    }

    private boolean streams(INDArray array) {
        return maskArray == null && array.rank() == 3 && FloatRows.streamable(array);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaces) {
        assertInputSet(false);
        pooledInput = null;
        if (!streams(input)) {
            return super.activate(training, workspaces);
        }
        INDArray x = FloatRows.rowMajor(input);
        int rows = (int) (x.size(0) * x.size(1));
        int width = (int) x.size(2);
        long[] shape = {x.size(0), x.size(1)};
        INDArray pooled = workspaces.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT, shape, 'c');
        boolean keep = training && width <= 256;
        byte[] at = null;
        if (keep) {
            at = keptPositions = keptPositions != null && keptPositions.length >= rows ? keptPositions : new byte[rows];
        }
        FloatBuffer in = FloatRows.floats(x);
        FloatBuffer out = FloatRows.floats(pooled);
        int inBase = (int) x.offset();
        int outBase = (int) pooled.offset();
        int chunkRows = Math.max(1, FloatRows.CHUNK / width);
        byte[] kept = at;
        FloatRows.Slots<Chunks> slots = chunks();
        FloatRows.split(rows, width, (slot, task, first, last) -> {
            Chunks own = slots.get(slot);
            float[] v = own.values = FloatRows.scratch(own.values, chunkRows * width);
            float[] m = own.results = FloatRows.scratch(own.results, chunkRows);
            for (int row = first; row < last; row += chunkRows) {
                int n = Math.min(chunkRows, last - row);
                in.get(inBase + row * width, v, 0, n * width);
                maxima(v, 0, n, width, m, kept, row);
                out.put(outBase + row, m, 0, n);
            }
        });
        if (keep) {
            pooledInput = input;
        }
        return pooled;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaces) {
        assertInputSet(true);
        if (!streams(input) || !FloatRows.streamable(epsilon) || epsilon.length() != input.size(0) * input.size(1)) {
            pooledInput = null;
            return super.backpropGradient(epsilon, workspaces);
        }
        int rows = (int) (input.size(0) * input.size(1));
        int width = (int) input.size(2);
        byte[] at = pooledInput == input ? keptPositions : null;
        pooledInput = null;
        INDArray x = at == null ? FloatRows.rowMajor(input) : null;
        INDArray e = FloatRows.rowMajor(epsilon);
        INDArray delta = workspaces.createUninitialized(ArrayType.ACTIVATION_GRAD, DataType.FLOAT, input.shape(), 'c');
        FloatBuffer gradient = FloatRows.floats(e);
        FloatBuffer out = FloatRows.floats(delta);
        FloatBuffer in = x == null ? null : FloatRows.floats(x);
        int gradientBase = (int) e.offset();
        int outBase = (int) delta.offset();
        int inBase = x == null ? 0 : (int) x.offset();
        int chunkRows = Math.max(1, FloatRows.CHUNK / width);
        int spread = chunkRows * width; // v holds the spread gradients, then (without kept maxima) the input
        FloatRows.Slots<Chunks> slots = chunks();
        FloatRows.split(rows, width, (slot, task, first, last) -> {
            Chunks own = slots.get(slot);
            float[] v = own.values = FloatRows.scratch(own.values, 2 * chunkRows * width);
            float[] g = own.results = FloatRows.scratch(own.results, chunkRows);
            byte[] recomputed = null;
            float[] top = null;
            if (at == null) {
                recomputed = own.positions = own.positions != null && own.positions.length >= chunkRows ? own.positions
                        : new byte[chunkRows];
                top = own.rowMaxima = FloatRows.scratch(own.rowMaxima, chunkRows);
            }
            for (int row = first; row < last; row += chunkRows) {
                int n = Math.min(chunkRows, last - row);
                gradient.get(gradientBase + row, g, 0, n);
                if (recomputed != null) {
                    in.get(inBase + row * width, v, spread, n * width);
                    maxima(v, spread, n, width, top, recomputed, 0);
                }
                Arrays.fill(v, 0, n * width, 0f);
                for (int r = 0; r < n; r++) {
                    int position = (at != null ? at[row + r] : recomputed[r]) & 0xff;
                    v[r * width + position] = g[r];
                }
                out.put(outBase + row * width, v, 0, n * width);
            }
        });
        return new Pair<>(new DefaultGradient(), delta);
    }

    /**
     * The maxima of {@code rows} rows of {@code width} values from {@code v[from]} into {@code max[0, rows)}, and the
     * position in its row of each first maximum into {@code at[atFrom, atFrom + rows)} unless {@code at} is null. No
     * branches on the data, which a branch predictor would miss half the time: {@code Math.max}es (the usual widths
     * unrolled) and arithmetic selects.
     */
    private static void maxima(float[] v, int from, int rows, int width, float[] max, byte[] at, int atFrom) {
        // a method per width: each compiles with its own profile
        switch (width) {
            case 2 -> maxima2(v, from, rows, max);
            case 3 -> maxima3(v, from, rows, max);
            case 4 -> maxima4(v, from, rows, max);
            default -> maximaOf(v, from, rows, width, max);
        }
        if (at != null) {
            positions(v, from, rows, width, max, at, atFrom);
        }
    }

    private static void maxima2(float[] v, int from, int rows, float[] max) {
        for (int r = 0, i = from; r < rows; r++, i += 2) {
            max[r] = Math.max(v[i], v[i + 1]);
        }
    }

    private static void maxima3(float[] v, int from, int rows, float[] max) {
        for (int r = 0, i = from; r < rows; r++, i += 3) {
            max[r] = Math.max(Math.max(v[i], v[i + 1]), v[i + 2]);
        }
    }

    private static void maxima4(float[] v, int from, int rows, float[] max) {
        for (int r = 0, i = from; r < rows; r++, i += 4) {
            max[r] = Math.max(Math.max(v[i], v[i + 1]), Math.max(v[i + 2], v[i + 3]));
        }
    }

    private static void maximaOf(float[] v, int from, int rows, int width, float[] max) {
        for (int r = 0, i = from; r < rows; r++, i += width) {
            float best = v[i];
            for (int j = 1; j < width; j++) {
                best = Math.max(best, v[i + j]);
            }
            max[r] = best;
        }
    }

    /** The position of each row's first maximum, the usual widths unrolled. */
    private static void positions(float[] v, int from, int rows, int width, float[] max, byte[] at, int atFrom) {
        switch (width) {
            case 2 -> {
                for (int r = 0, i = from; r < rows; r++, i += 2) {
                    at[atFrom + r] = (byte) (1 - isMaximum(v[i], max[r]));
                }
            }
            case 3 -> {
                for (int r = 0, i = from; r < rows; r++, i += 3) {
                    at[atFrom + r] = (byte) ((1 - isMaximum(v[i], max[r])) * (2 - isMaximum(v[i + 1], max[r])));
                }
            }
            case 4 -> {
                for (int r = 0, i = from; r < rows; r++, i += 4) {
                    int fromSecond = 1 + (1 - isMaximum(v[i + 1], max[r])) * (2 - isMaximum(v[i + 2], max[r]));
                    at[atFrom + r] = (byte) ((1 - isMaximum(v[i], max[r])) * fromSecond);
                }
            }
            default -> {
                for (int r = 0, i = from; r < rows; r++, i += width) {
                    int position = width - 1;
                    for (int j = width - 2; j >= 0; j--) {
                        position += isMaximum(v[i + j], max[r]) * (j - position);
                    }
                    at[atFrom + r] = (byte) position;
                }
            }
        }
    }

    /**
     * 1 if {@code value} is {@code max} (which is at least {@code value}), else 0, without a branch: any positive
     * difference times 2²⁵⁴ is at least 1.
     */
    private static int isMaximum(float value, float max) {
        return 1 - (int) Math.min((max - value) * 0x1p127f * 0x1p127f, 1f);
    }

    @Override
    public void clear() {
        super.clear();
        pooledInput = null;
    }
}
