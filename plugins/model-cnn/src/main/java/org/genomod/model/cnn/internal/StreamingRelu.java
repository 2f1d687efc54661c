package org.genomod.model.cnn.internal;

import java.nio.FloatBuffer;
import java.util.Arrays;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.ActivationLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A plain ReLU activation layer in one Java pass each way, as Deeplearning4j's {@code ActivationLayer} with
 * {@code ActivationReLU} computes it: {@code max(x, 0)} forward, and backward the output gradient where the input is
 * positive and 0 elsewhere. Training writes a new array (Deeplearning4j's copies the input first); inference works in
 * place, as Deeplearning4j's does, when the input is in this layer's workspace, and else writes a new array there
 * rather than leave the network to copy the output over. Deeplearning4j's ReLU ops took 4 % of a Basset training step.
 */
final class StreamingRelu extends ActivationLayer {
    private static final long serialVersionUID = 1L;

    /** Per thread of a split pass: its chunks, reused from step to step. */
    private transient FloatRows.Slots<Chunks> chunks;

    private static final class Chunks {
        float[] values;
        float[] gradients;
    }

    StreamingRelu(NeuralNetConfiguration conf) {
        super(conf, DataType.FLOAT);
    }

    /** Whether {@code layer} is Deeplearning4j's activation layer with a ReLU that has no cap, threshold or slope. */
    static boolean replaces(Layer layer) {
        if (layer.getClass() != ActivationLayer.class) {
            return false;
        }
        var conf = (org.deeplearning4j.nn.conf.layers.ActivationLayer) layer.conf().getLayer();
        return conf.getActivationFn() instanceof ActivationReLU relu && relu.getClass() == ActivationReLU.class
                && relu.getMax() == null && relu.getThreshold() == null && relu.getNegativeSlope() == null
                && conf.getIDropout() == null;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaces) {
        assertInputSet(false);
        if (!FloatRows.streamable(input)) {
            return super.activate(training, workspaces);
        }
        if (!training && inActivationsWorkspace(input, workspaces)) {
            // in place, as Deeplearning4j applies an activation in inference
            if (!FloatRows.plain(input)) {
                return super.activate(false, workspaces);
            }
            relu(input, input);
            return input;
        }
        // a new array in the layer's workspace: in inference, where layers' activations take turns between two
        // workspaces, the network copies an output left in the previous layer's workspace over to this one
        INDArray activations = workspaces.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT, input.shape(), 'c');
        relu(FloatRows.rowMajor(input), activations);
        return activations;
    }

    /** Whether {@code array} is detached or in the workspace of {@code workspaces}' activations. */
    private static boolean inActivationsWorkspace(INDArray array, LayerWorkspaceMgr workspaces) {
        if (!array.isAttached()) {
            return true;
        }
        return !workspaces.isScopedOut(ArrayType.ACTIVATIONS)
                && array.data().getParentWorkspace().getId().equals(workspaces.getWorkspaceName(ArrayType.ACTIVATIONS));
    }

    private FloatRows.Slots<Chunks> chunks() {
        return chunks != null ? chunks : (chunks = new FloatRows.Slots<>(Chunks::new));
    }

    /** {@code to = max(from, 0)}, both row-major; they may be one array. */
    private void relu(INDArray from, INDArray to) {
        FloatBuffer in = FloatRows.floats(from);
        FloatBuffer out = FloatRows.floats(to);
        int inBase = (int) from.offset();
        int outBase = (int) to.offset();
        FloatRows.Slots<Chunks> slots = chunks();
        FloatRows.split((int) from.length(), 1, (slot, task, first, end) -> {
            Chunks own = slots.get(slot);
            float[] x = own.values = FloatRows.scratch(own.values, FloatRows.CHUNK);
            for (int start = first; start < end; start += FloatRows.CHUNK) {
                int n = Math.min(FloatRows.CHUNK, end - start);
                in.get(inBase + start, x, 0, n);
                for (int i = 0; i < n; i++) {
                    x[i] = Math.max(x[i], 0f); // vector instructions; a conditional here compiles to branches
                }
                out.put(outBase + start, x, 0, n);
            }
        });
    }

    /**
     * 1 where {@code x > 0}, else 0 (libnd4j's ReLU derivative), in arithmetic the JIT vectorises, where a
     * conditional compiles to a branch per element that the signs of activations mispredict half the time: a
     * positive {@code x}, however small, times 2²⁵⁴ is at least 1. (A NaN input gives NaN, not 0.)
     */
    private static float step(float x) {
        return Math.min(Math.max(x, 0f) * 0x1p127f * 0x1p127f, 1f);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaces) {
        assertInputSet(true);
        if (!FloatRows.streamable(input) || !FloatRows.streamable(epsilon)
                || !Arrays.equals(input.shape(), epsilon.shape())) {
            return super.backpropGradient(epsilon, workspaces);
        }
        INDArray x = FloatRows.rowMajor(input);
        INDArray e = FloatRows.rowMajor(epsilon);
        INDArray delta = workspaces.createUninitialized(ArrayType.ACTIVATION_GRAD, DataType.FLOAT, input.shape(), 'c');
        FloatBuffer in = FloatRows.floats(x);
        FloatBuffer gradient = FloatRows.floats(e);
        FloatBuffer out = FloatRows.floats(delta);
        int inBase = (int) x.offset();
        int gradientBase = (int) e.offset();
        int outBase = (int) delta.offset();
        FloatRows.Slots<Chunks> slots = chunks();
        FloatRows.split((int) x.length(), 1, (slot, task, first, end) -> {
            Chunks own = slots.get(slot);
            float[] xs = own.values = FloatRows.scratch(own.values, FloatRows.CHUNK);
            float[] es = own.gradients = FloatRows.scratch(own.gradients, FloatRows.CHUNK);
            for (int start = first; start < end; start += FloatRows.CHUNK) {
                int n = Math.min(FloatRows.CHUNK, end - start);
                in.get(inBase + start, xs, 0, n);
                gradient.get(gradientBase + start, es, 0, n);
                for (int i = 0; i < n; i++) {
                    es[i] *= step(xs[i]);
                }
                out.put(outBase + start, es, 0, n);
            }
        });
        return new Pair<>(new DefaultGradient(), delta);
    }
}
