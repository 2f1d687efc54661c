package org.genomod.dl4j;

import java.util.function.Function;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.wrapper.BaseWrapperLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Copies of a network for input gradients: the same layers reading the same parameter array (so they follow
 * training and restored snapshots without copying), but with every dropout removed, frozen layers thawed
 * (a frozen layer passes no gradient to its input), batch normalisation fixed at its running statistics
 * ({@link InferenceBatchNormalization}) and each output layer's loss replaced by a {@link ScoreLoss}, so that
 * backpropagation from labels that select an output gives d(score)/d(input) of the network inference runs.
 *
 * <p>Deeplearning4j backpropagates through dropout in training mode whatever the forward pass did, which is
 * why the dropout must go rather than be switched off. A copy is never closed: closing it would free the
 * parameters it shares with its original.
 */
final class GradientNetworks {
    private GradientNetworks() {
    }

    /**
     * @param networkClass makes a network of the original's class from a configuration (a subclass may add
     *                     behaviour such as masks)
     */
    static MultiLayerNetwork copy(MultiLayerNetwork network, Function<MultiLayerConfiguration, MultiLayerNetwork> networkClass) {
        MultiLayerConfiguration configuration = network.getLayerWiseConfigurations().clone();
        for (NeuralNetConfiguration layer : configuration.getConfs()) {
            layer.setLayer(forGradients(layer.getLayer()));
        }
        configuration.setTrainingWorkspaceMode(WorkspaceMode.NONE);
        configuration.setInferenceWorkspaceMode(WorkspaceMode.NONE);
        MultiLayerNetwork copy = networkClass.apply(configuration);
        copy.init(network.params(), false); // shares the array: no copy of the parameters
        return copy;
    }

    static GradientGraph copy(ComputationGraph graph) {
        ComputationGraphConfiguration configuration = graph.getConfiguration().clone();
        for (GraphVertex vertex : configuration.getVertices().values()) {
            if (vertex instanceof LayerVertex layerVertex) {
                NeuralNetConfiguration layer = layerVertex.getLayerConf();
                layer.setLayer(forGradients(layer.getLayer()));
            }
        }
        configuration.setTrainingWorkspaceMode(WorkspaceMode.NONE);
        configuration.setInferenceWorkspaceMode(WorkspaceMode.NONE);
        GradientGraph copy = new GradientGraph(configuration);
        copy.init(graph.params(), false);
        return copy;
    }

    /**
     * A copy of {@code layer} (the original is left alone) without dropout, freezing or loss, and with batch
     * normalisation as inference computes it ({@link InferenceBatchNormalization}).
     */
    static Layer forGradients(Layer layer) {
        if (layer instanceof FrozenLayer frozen) {
            return forGradients(frozen.getLayer());
        }
        if (layer instanceof FrozenLayerWithBackprop frozen) {
            return forGradients(frozen.getUnderlying());
        }
        if (layer instanceof Bidirectional both) {
            // the constructor copies the layer into both directions, as the original's were
            Bidirectional copy = new Bidirectional(both.getMode(), forGradients(both.getFwd()));
            copy.setLayerName(both.getLayerName());
            return copy;
        }
        Layer copy = layer instanceof BatchNormalization normalisation ? new InferenceBatchNormalization(normalisation) : layer.clone();
        copy.setIDropout(null);
        if (copy instanceof BaseWrapperLayer wrapper) {
            wrapper.setUnderlying(forGradients(wrapper.getUnderlying()));
        }
        if (copy instanceof BaseOutputLayer output) {
            output.setLossFn(new ScoreLoss());
        }
        return copy;
    }
}
