package org.genomod.dl4j;

import java.util.ArrayList;
import java.util.Set;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.wrapper.BaseWrapperLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * The layers transfer learning freezes, in Deeplearning4j's wrappers: {@link FrozenLayer} (what the transfer builders'
 * feature extractors make: a layer that takes no updates and passes no gradient back) and {@link FrozenLayerWithBackprop}
 * (a layer after trainable ones: no updates of its own, gradients still pass back through it). Both run the layer in
 * inference mode.
 *
 * <p>A saved network keeps each wrapped layer's own configuration, updater and L1/L2 included, so that a later transfer
 * can {@link #thawed thaw} it to train exactly as it did before it was frozen. Training needs the inner layer of a
 * {@code FrozenLayerWithBackprop} without them: the network's updater reads a wrapped layer's updater and L1/L2 through
 * the wrapper and would apply the penalty (weight decay) to the zero gradient the wrapper reports, moving the weights.
 * {@link #detachUpdates} strips them from the live layer only.
 */
final class FrozenLayers {
    private FrozenLayers() {
    }

    /**
     * A copy of {@code network} whose layers at {@code indices}, which follow a trainable layer, keep their weights,
     * each wrapped in {@link FrozenLayerWithBackprop} and {@linkplain #detachUpdates detached from the updater}. (The
     * transfer builder's feature extractor freezes only a prefix of the stack.) The wrapper keeps the layer's name
     * and its parameters in their order, so the summary and the values carry over. {@code network} is closed.
     */
    static MultiLayerNetwork freeze(MultiLayerNetwork network, Set<Integer> indices) {
        MultiLayerConfiguration configuration = copy(network.getLayerWiseConfigurations());
        for (int i : indices) {
            NeuralNetConfiguration layer = configuration.getConf(i);
            if (!frozen(layer.getLayer())) {
                FrozenLayerWithBackprop wrapper = new FrozenLayerWithBackprop(layer.getLayer());
                wrapper.setLayerName(layer.getLayer().getLayerName()); // the summary keeps the name the user wrote
                layer.setLayer(wrapper);
            }
        }
        MultiLayerNetwork frozen = new MultiLayerNetwork(configuration);
        frozen.init();
        // set after init: init(params, ...) lets the wrapper's parameter initializer draw the wrapped layer's weights anew
        frozen.setParams(network.params());
        network.close();
        detachUpdates(frozen);
        return frozen;
    }

    /**
     * Gives the live inner layer of each {@link FrozenLayerWithBackprop} of {@code network} a configuration without
     * updater, L1/L2 or weight noise, leaving the network's configuration (what {@code save} writes) as it is. Must run
     * before the network's first update; every network is rebuilt from its configuration when it is copied or loaded,
     * so each new one needs it.
     */
    static void detachUpdates(MultiLayerNetwork network) {
        for (org.deeplearning4j.nn.api.Layer layer : network.getLayers()) {
            if (layer instanceof org.deeplearning4j.nn.layers.FrozenLayerWithBackprop wrapper) {
                NeuralNetConfiguration inner = wrapper.getUnderlying().conf();
                // a deep copy: the inner configuration is shared with the network's, and a wrapper's clone() shares its layers
                Layer detached = NeuralNetConfiguration.fromJson(inner.toJson()).getLayer();
                withoutUpdates(detached);
                inner.setLayer(detached);
            }
        }
    }

    /** No updater and no regularisation for {@code layer}'s parameters. */
    private static void withoutUpdates(Layer layer) {
        if (layer instanceof BaseLayer base) {
            base.setIUpdater(new NoOp());
            base.setBiasUpdater(new NoOp());
            base.setRegularization(new ArrayList<>());
            base.setRegularizationBias(new ArrayList<>());
            base.setWeightNoise(null);
        } else if (layer instanceof Bidirectional both) {
            withoutUpdates(both.getFwd());
            withoutUpdates(both.getBwd());
        } else if (layer instanceof BaseWrapperLayer wrapper) {
            withoutUpdates(wrapper.getUnderlying());
        }
    }

    /**
     * A copy of {@code network} with every frozen layer unwrapped, as it was configured before it was frozen (a
     * transfer from a fine-tuned model decides afresh what is frozen); the same parameters. {@code network} stays open.
     */
    static MultiLayerNetwork thawed(MultiLayerNetwork network) {
        MultiLayerConfiguration configuration = copy(network.getLayerWiseConfigurations());
        boolean any = false;
        for (NeuralNetConfiguration layer : configuration.getConfs()) {
            if (frozen(layer.getLayer())) {
                layer.setLayer(unwrapped(layer.getLayer()));
                any = true;
            }
        }
        if (!any) {
            return network.clone();
        }
        MultiLayerNetwork thawed = new MultiLayerNetwork(configuration);
        thawed.init();
        thawed.setParams(network.params());
        return thawed;
    }

    /** {@link #thawed(MultiLayerNetwork)} for a graph: every frozen layer vertex unwrapped. */
    static ComputationGraph thawed(ComputationGraph graph) {
        ComputationGraphConfiguration configuration = ComputationGraphConfiguration.fromJson(graph.getConfiguration().toJson());
        boolean any = false;
        for (GraphVertex vertex : configuration.getVertices().values()) {
            if (vertex instanceof LayerVertex layer && frozen(layer.getLayerConf().getLayer())) {
                layer.getLayerConf().setLayer(unwrapped(layer.getLayerConf().getLayer()));
                any = true;
            }
        }
        if (!any) {
            return graph.clone();
        }
        ComputationGraph thawed = new ComputationGraph(configuration);
        thawed.init();
        thawed.setParams(graph.params());
        return thawed;
    }

    private static boolean frozen(Layer layer) {
        return layer instanceof FrozenLayer || layer instanceof FrozenLayerWithBackprop;
    }

    /** The layer inside the frozen wrappers around {@code layer}, with the wrapper's name. */
    private static Layer unwrapped(Layer layer) {
        Layer inner = layer;
        while (frozen(inner)) {
            inner = inner instanceof FrozenLayer frozen ? frozen.getLayer() : ((FrozenLayerWithBackprop) inner).getUnderlying();
        }
        inner.setLayerName(layer.getLayerName());
        return inner;
    }

    /** A deep copy: a configuration's {@code clone()} shares the layers inside wrappers. */
    private static MultiLayerConfiguration copy(MultiLayerConfiguration configuration) {
        return MultiLayerConfiguration.fromJson(configuration.toJson());
    }
}
