package org.genomod.model.cnn.internal;

import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.OptimizationAlgorithm;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.SgdUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Deeplearning4j's update step, for networks whose every parameter is updated by plain Adam or SGD (no
 * regularisation, gradient normalisation or constraints), applied in Java to the network's parameters and its
 * updater's own state: the gradient divided by the batch size, then each updater block's rule with Deeplearning4j's
 * formulas (Adam's bias correction folded into the step size, as libnd4j's {@code adam_updater} does), the learning
 * rate from the updater's schedule at the network's iteration and epoch. For a small network (DeepBind: 2,129
 * parameters) Deeplearning4j's version of this step, a dozen ops and per-variable regularisation checks, cost as
 * much as the forward and backward passes together.
 */
final class DirectUpdates {
    private final MultiLayerNetwork network;
    private float[] parameters;
    private float[] gradient;
    private float[] first;
    private float[] second;

    private DirectUpdates(MultiLayerNetwork network) {
        this.network = network;
    }

    /** The direct updates of {@code network} (initialised), or null when it needs more than this class applies. */
    static DirectUpdates of(MultiLayerNetwork network) {
        for (Layer layer : network.getLayers()) {
            NeuralNetConfiguration conf = layer.conf();
            if (!conf.isMiniBatch() || conf.getOptimizationAlgo() != OptimizationAlgorithm.STOCHASTIC_GRADIENT_DESCENT
                    || conf.getStepFunction() != null) {
                return null;
            }
            if (conf.getLayer() instanceof BaseLayer base && (base.getGradientNormalization() != null
                    && base.getGradientNormalization() != GradientNormalization.None
                    || !base.getRegularization().isEmpty() || !base.getRegularizationBias().isEmpty()
                    || base.getConstraints() != null && !base.getConstraints().isEmpty())) {
                return null;
            }
        }
        return plain(blocks(network)) ? new DirectUpdates(network) : null;
    }

    /** The blocks of the network's updater (made on first use), or null when it is not Deeplearning4j's multi-layer one. */
    private static List<UpdaterBlock> blocks(MultiLayerNetwork network) {
        return network.getUpdater() instanceof BaseMultiLayerUpdater<?> updater ? updater.getUpdaterBlocks() : null;
    }

    private static boolean plain(List<UpdaterBlock> blocks) {
        if (blocks == null) {
            return false;
        }
        for (UpdaterBlock block : blocks) {
            GradientUpdater<?> rule = block.getGradientUpdater();
            if (rule == null || rule.getClass() != AdamUpdater.class && rule.getClass() != SgdUpdater.class) {
                return false;
            }
        }
        return true;
    }

    /**
     * Updates the network's parameters from its gradient view (summed over a batch of {@code batchSize}), as its
     * updater would at the network's current iteration and epoch; the caller counts the iteration.
     */
    void apply(int batchSize) {
        // the updater's blocks of the moment: whoever replaces the updater (a restored checkpoint) replaces its state
        List<UpdaterBlock> blocks = blocks(network);
        if (!plain(blocks)) {
            throw new IllegalStateException("the network's updater is no longer plain Adam or SGD");
        }
        int iteration = network.getLayerWiseConfigurations().getIterationCount();
        int epoch = network.getLayerWiseConfigurations().getEpochCount();
        INDArray parameterView = network.params();
        parameters = FloatRows.read(parameterView, parameters);
        gradient = FloatRows.read(network.getFlattenedGradients(), gradient);
        float scale = 1f / batchSize;
        for (int i = 0; i < gradient.length; i++) {
            gradient[i] *= scale;
        }
        for (UpdaterBlock block : blocks) {
            int start = block.getParamOffsetStart();
            int end = block.getParamOffsetEnd();
            if (block.getGradientUpdater() instanceof AdamUpdater adam) {
                adam(adam, start, end, iteration, epoch);
            } else {
                float rate = (float) ((SgdUpdater) block.getGradientUpdater()).getConfig().getLearningRate(iteration, epoch);
                for (int i = start; i < end; i++) {
                    parameters[i] -= rate * gradient[i];
                }
            }
        }
        FloatRows.write(parameters, parameterView);
    }

    private void adam(AdamUpdater updater, int start, int end, int iteration, int epoch) {
        Adam config = updater.getConfig();
        float beta1 = (float) config.getBeta1();
        float beta2 = (float) config.getBeta2();
        float epsilon = (float) config.getEpsilon();
        float rate = (float) config.getLearningRate(iteration, epoch);
        float beta1T = (float) Math.pow(beta1, iteration + 1);
        float beta2T = (float) Math.pow(beta2, iteration + 1);
        float step = (float) (rate * Math.sqrt(1f - beta2T) / (1f - beta1T));
        if (Float.isNaN(step) || Float.isInfinite(step) || step == 0) {
            step = epsilon;
        }
        first = FloatRows.read(updater.getM(), first);
        second = FloatRows.read(updater.getV(), second);
        for (int i = 0; i < end - start; i++) {
            float g = gradient[start + i];
            float m = beta1 * first[i] + g * (1 - beta1);
            float v = beta2 * second[i] + g * g * (1 - beta2);
            first[i] = m;
            second[i] = v;
            parameters[start + i] -= m * step / ((float) Math.sqrt(v) + epsilon);
        }
        FloatRows.write(first, updater.getM());
        FloatRows.write(second, updater.getV());
    }
}
