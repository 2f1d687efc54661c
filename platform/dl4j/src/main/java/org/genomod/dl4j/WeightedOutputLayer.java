package org.genomod.dl4j;

import java.util.Arrays;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.graph.vertex.impl.LayerVertex;
import org.deeplearning4j.nn.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Deeplearning4j's output layer with its labels mask read as loss weights ({@link ClassWeights}): each example's or
 * output's loss and its gradient are multiplied by its weight, once. Deeplearning4j 1.0.0-M2.1's own layer is made
 * for 0/1 masks: it also multiplies the pre-activations by the mask ({@code BaseOutputLayer.applyMask}), and its
 * loss functions multiply a per-output mask into the gradient twice ({@code LossBinaryXENT}: once into
 * {@code dL/da}, once into {@code dL/dz}). A positive's class weight {@code w} thus scaled its logit by {@code w} in
 * training and its gradient by {@code w²}: on one batch the stock layer scored 2.308 where the weighted loss is
 * 2.286. The score is the loss function's own with the mask (weighted once there); only the pre-activations and
 * the gradient differ. The configuration and parameters are untouched, so saved networks stay Deeplearning4j's.
 */
final class WeightedOutputLayer extends OutputLayer {
    private static final long serialVersionUID = 1L;

    private WeightedOutputLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** Puts a weighted output layer in place of {@code network}'s last layer when that is Deeplearning4j's output layer. */
    static void install(MultiLayerNetwork network) {
        Layer[] layers = network.getLayers();
        int last = layers.length - 1;
        if (last >= 0 && layers[last].getClass() == OutputLayer.class) {
            layers[last] = of(layers[last], network.getLayerWiseConfigurations().getDataType());
            network.setLayers(layers);
        }
    }

    /** The same for each of {@code graph}'s output layers. */
    static void install(ComputationGraph graph) {
        Layer[] layers = graph.getLayers();
        for (GraphVertex vertex : graph.getVertices()) {
            if (vertex instanceof LayerVertex layerVertex && layerVertex.getLayer().getClass() == OutputLayer.class) {
                Layer stock = layerVertex.getLayer();
                Layer weighted = of(stock, graph.getConfiguration().getDataType());
                layerVertex.setLayer(weighted);
                for (int i = 0; i < layers.length; i++) {
                    if (layers[i] == stock) {
                        layers[i] = weighted;
                    }
                }
            }
        }
    }

    private static WeightedOutputLayer of(Layer stock, DataType dataType) {
        return LayerObjects.adopt(stock, new WeightedOutputLayer(stock.conf(), dataType));
    }

    /** The mask weighs the loss only. */
    @Override
    protected void applyMask(INDArray to) {
    }

    /** Deeplearning4j's backward pass, with the loss's gradient unmasked and then weighted once. */
    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaces) {
        if (maskArray == null) {
            return super.backpropGradient(epsilon, workspaces);
        }
        assertInputSet(true);
        INDArray preOutput = preOutput2d(true, workspaces);
        INDArray delta = layerConf().getLossFn().computeGradient(getLabels2d(workspaces, ArrayType.BP_WORKING_MEM),
                preOutput, layerConf().getActivationFn(), null);
        INDArray weights = maskArray.castTo(delta.dataType());
        if (Arrays.equals(weights.shape(), delta.shape())) {
            delta.muli(weights);
        } else if (weights.isColumnVector() && weights.size(0) == delta.size(0)) {
            delta.muliColumnVector(weights);
        } else {
            throw new IllegalStateException("label weights of shape " + Arrays.toString(weights.shape())
                    + " do not fit outputs of shape " + Arrays.toString(delta.shape()));
        }

        Gradient gradient = new DefaultGradient();
        INDArray weightGradient = gradientViews.get(DefaultParamInitializer.WEIGHT_KEY);
        Nd4j.gemm(input.castTo(weightGradient.dataType()), delta, weightGradient, true, false, 1.0, 0.0);
        gradient.gradientForVariable().put(DefaultParamInitializer.WEIGHT_KEY, weightGradient);
        if (hasBias()) {
            INDArray biasGradient = gradientViews.get(DefaultParamInitializer.BIAS_KEY);
            delta.sum(biasGradient, 0);
            gradient.gradientForVariable().put(DefaultParamInitializer.BIAS_KEY, biasGradient);
        }
        INDArray w = getParamWithNoise(DefaultParamInitializer.WEIGHT_KEY, true, workspaces);
        INDArray epsilonNext = workspaces.createUninitialized(ArrayType.ACTIVATION_GRAD, delta.dataType(),
                new long[] {w.size(0), delta.size(0)}, 'f');
        epsilonNext = w.mmuli(delta.transpose(), epsilonNext).transpose();
        return new Pair<>(gradient, backpropDropOutIfPresent(epsilonNext));
    }
}
