package org.genomod.dl4j;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Batch normalisation as inference computes it, forward and backward: the fixed per-channel affine map
 * {@code y = gamma (x - mean) / sqrt(var + eps) + beta} with the running mean and variance, whose input gradient
 * is the incoming gradient times {@code gamma / sqrt(var + eps)}.
 *
 * <p>Deeplearning4j 1.0.0-M2.1 backpropagates batch normalisation as if the batch's own statistics had
 * normalised it (the terms through the batch mean and variance), and its gradient pass runs the forward pass in
 * training mode; neither is what the model computes when it predicts. {@link GradientNetworks} puts this layer in
 * place of each batch normalisation of a gradient copy. It has the same parameters in the same order, so the
 * copy still shares the original's parameter array; it computes no parameter gradients (the copy never trains).
 */
final class InferenceBatchNormalization extends BatchNormalization {
    private static final long serialVersionUID = 1L;

    /** A copy of {@code original}'s settings (every field, so nothing Deeplearning4j reads is left at a default). */
    InferenceBatchNormalization(BatchNormalization original) {
        for (Class<?> type = BatchNormalization.class; type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true);
                try {
                    field.set(this, field.get(original));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot copy batch normalisation setting " + field.getName(), e);
                }
            }
        }
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners,
                                                       int index, INDArray parameters, boolean initialize, DataType dataType) {
        Affine layer = new Affine(conf, dataType);
        layer.setListeners(listeners);
        layer.setIndex(index);
        layer.setParamsViewArray(parameters);
        layer.setParamTable(initializer().init(conf, parameters, initialize));
        layer.setConf(conf);
        return layer;
    }

    /** The layer: Deeplearning4j's forward pass in inference mode, and the affine map's backward pass. */
    private static final class Affine extends org.deeplearning4j.nn.layers.normalization.BatchNormalization {
        Affine(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        @Override
        public INDArray activate(boolean training, LayerWorkspaceMgr workspaces) {
            return super.activate(false, workspaces); // running statistics, never the batch's; they are not updated
        }

        @Override
        public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaces) {
            int channels = switch (epsilon.rank()) {
                case 2 -> 1;
                case 4 -> layerConf().getCnn2DFormat() == CNN2DFormat.NCHW ? 1 : 3;
                default -> throw new UnsupportedOperationException("input gradients through batch normalisation of rank "
                        + epsilon.rank() + " activations are not supported");
            };
            INDArray gradient = workspaces.createUninitialized(ArrayType.ACTIVATION_GRAD, epsilon.dataType(), epsilon.shape(), 'c');
            Nd4j.getExecutioner().exec(new BroadcastMulOp(epsilon, scale(epsilon.dataType()), gradient, channels));
            return new Pair<>(new DefaultGradient(), gradient);
        }

        /** {@code gamma / sqrt(var + eps)} per channel, as a vector. */
        private INDArray scale(DataType dataType) {
            BatchNormalization settings = layerConf();
            INDArray variance;
            if (settings.isUseLogStd()) {
                // the running variance is kept as log10 of its square root
                INDArray log10Std = getParam(BatchNormalizationParamInitializer.GLOBAL_LOG_STD);
                INDArray std = Transforms.pow(Nd4j.valueArrayOf(log10Std.shape(), 10.0, log10Std.dataType()), log10Std, false);
                variance = std.muli(std);
            } else {
                variance = getParam(BatchNormalizationParamInitializer.GLOBAL_VAR).dup();
            }
            INDArray scale = Transforms.pow(variance.addi(settings.getEps()), -0.5, false);
            if (settings.isLockGammaBeta()) {
                scale.muli(settings.getGamma());
            } else {
                scale.muli(getParam(BatchNormalizationParamInitializer.GAMMA));
            }
            return scale.reshape(scale.length()).castTo(dataType);
        }
    }
}
