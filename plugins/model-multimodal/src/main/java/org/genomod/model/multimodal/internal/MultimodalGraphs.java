package org.genomod.model.multimodal.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.weights.WeightInitDistribution;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.train.TrainingOptions;
import org.genomod.dl4j.Dl4jGraphModel;
import org.genomod.dl4j.Optimizers;
import org.genomod.dl4j.OutputHead;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMAE;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * Builds the family's computation graph:
 * <pre>
 *   input a -> branch a --\
 *   input b -> branch b ----> merge -> shared layers -> head of task 1 -> output layer 1
 *                                                    \-> head of task 2 -> output layer 2
 * </pre>
 * A dense branch is dense layers on the flattened input; a conv branch a 1-D convolution over the
 * positions of a one-hot sequence with global max pooling, then dense layers. Every hidden layer's output
 * is dropped out. Each task's output layer carries its loss weight in its loss function, so the graph's
 * loss is the weighted sum of the task losses, in training and in validation alike.
 */
final class MultimodalGraphs {
    private MultimodalGraphs() {
    }

    static ComputationGraphConfiguration configuration(Architecture architecture, DatasetSchema schema, TrainingOptions training, long seed) {
        Activation activation = activation(architecture.activation());
        NeuralNetConfiguration.Builder network = Optimizers.network(seed,
                DataType.FLOAT, Optimizers.weightInit(activation), architecture.l2(), training);
        ComputationGraphConfiguration.GraphBuilder graph = network.graphBuilder();
        Layers layers = new Layers(graph::addLayer, activation, architecture.dropout(), architecture.l2(), false);

        List<String> ends = new ArrayList<>();
        for (Segment segment : architecture.segments()) {
            String input = "input_" + segment.name();
            graph.addInputs(input);
            ends.add(branch(layers, segment, architecture.branches().get(segment.name()), input));
        }
        graph.setInputTypes(architecture.inputs().stream().map(Dl4jGraphModel.Input::inputType).toArray(InputType[]::new));

        String trunk = ends.get(0);
        if (ends.size() > 1) {
            trunk = "merge";
            graph.addVertex(trunk, new MergeVertex(), ends.toArray(String[]::new));
        }
        for (int i = 0; i < architecture.sharedHidden().size(); i++) {
            trunk = layers.dense("shared_" + (i + 1), architecture.sharedHidden().get(i), trunk, null, false);
        }
        graph.setOutputs(heads(layers, architecture, schema, trunk, 0));
        return graph.build();
    }

    /**
     * Replaces the heads of a transfer builder's graph, made for {@code parent}, by new heads for
     * {@code architecture}'s tasks, reading what the old ones read. The new layers carry every setting
     * themselves, since a transfer builder gives added layers none of the network's.
     *
     * @param trunkWidth the width of what the heads read
     */
    static void replaceHeads(TransferLearning.GraphBuilder builder, Architecture parent, Architecture architecture, DatasetSchema schema,
                             String trunk, long trunkWidth) {
        headVertices(parent).forEach(builder::removeVertexAndConnections);
        Layers layers = new Layers(builder::addLayer, activation(architecture.activation()), architecture.dropout(), architecture.l2(), true);
        builder.setOutputs(heads(layers, architecture, schema, trunk, trunkWidth));
    }

    /** Every vertex of the task heads: their hidden layers with their dropout, and their output layers. */
    static Set<String> headVertices(Architecture architecture) {
        Set<String> names = new LinkedHashSet<>();
        for (int t = 0; t < architecture.tasks().size(); t++) {
            String name = headName(t, architecture.tasks().get(t));
            for (int i = 0; i < architecture.headHidden().size(); i++) {
                names.add(name + "_" + (i + 1));
                if (architecture.dropout() > 0) {
                    names.add(name + "_" + (i + 1) + "_dropout");
                }
            }
            names.add(name);
        }
        return names;
    }

    /** The name of task {@code t}'s output layer (from 0); its hidden layers add {@code _1}, {@code _2} ... */
    static String headName(int t, Task task) {
        return "task_" + (t + 1) + "_" + plain(task.name());
    }

    /**
     * One head per task reading {@code trunk}: its own hidden layers, then its output layer with the task's
     * weighted loss; returns the output layers' names.
     *
     * @param trunkWidth the width of {@code trunk}, or 0 for the graph to infer it
     */
    private static String[] heads(Layers layers, Architecture architecture, DatasetSchema schema, String trunk, long trunkWidth) {
        List<String> heads = new ArrayList<>();
        for (int t = 0; t < architecture.tasks().size(); t++) {
            Task task = architecture.tasks().get(t);
            String name = headName(t, task);
            String from = trunk;
            long width = trunkWidth;
            for (int i = 0; i < architecture.headHidden().size(); i++) {
                from = layers.dense(name + "_" + (i + 1), architecture.headHidden().get(i), from, null, false, width);
                width = width == 0 ? 0 : architecture.headHidden().get(i);
            }
            OutputLayer.Builder output = OutputHead.builder(schema, architecture.loss())
                    .nOut(task.count())
                    .lossFunction(weighted(OutputHead.loss(schema.task(), architecture.loss()), architecture.weights()[t], task.count()));
            layers.add(name, layers.standalone(output, width), from);
            heads.add(name);
        }
        return heads.toArray(String[]::new);
    }

    /** The layers that read one input; returns the name of the last. */
    private static String branch(Layers layers, Segment segment, Branch branch, String input) {
        String from = input;
        String prefix = plain(segment.name()) + "_";
        if (branch.conv()) {
            layers.add(prefix + "conv", new Convolution1DLayer.Builder(branch.kernel())
                    .nOut(branch.filters()).convolutionMode(ConvolutionMode.Same).activation(layers.activation).build(), from);
            layers.add(prefix + "pool", new GlobalPoolingLayer.Builder(PoolingType.MAX).build(), prefix + "conv");
            if (branch.hidden().isEmpty()) {
                return layers.dropout(prefix + "pool");
            }
            // Deeplearning4j 1.0.0-M2.1 fails in backprop (a dropout mask of the wrong shape) with a dropout layer
            // between global pooling and a dense layer, so the dense layer drops out its input itself
            from = layers.dense(prefix + "dense_1", branch.hidden().get(0), prefix + "pool", null, true);
            for (int i = 1; i < branch.hidden().size(); i++) {
                from = layers.dense(prefix + "dense_" + (i + 1), branch.hidden().get(i), from, null, false);
            }
            return from;
        }
        for (int i = 0; i < branch.hidden().size(); i++) {
            from = layers.dense(prefix + "dense_" + (i + 1), branch.hidden().get(i), from, i == 0 ? new InputLayer(segment.size(), branch) : null,
                    false);
        }
        return from;
    }

    /**
     * The task's loss scaled by its weight. Deeplearning4j's losses take a weight per output column, which
     * multiplies that column's loss and gradient; a weight of 1 keeps the plain loss.
     */
    static ILossFunction weighted(ILossFunction loss, double weight, int columns) {
        if (weight == 1) {
            return loss;
        }
        float[] values = new float[columns];
        java.util.Arrays.fill(values, (float) weight);
        var w = Nd4j.create(values, new long[] {1, columns}, DataType.FLOAT);
        if (loss instanceof LossBinaryXENT) {
            return new LossBinaryXENT(w);
        }
        if (loss instanceof LossMCXENT) {
            return new LossMCXENT(w);
        }
        if (loss instanceof LossMAE) {
            return new LossMAE(w);
        }
        if (loss instanceof LossMSE) {
            return new LossMSE(w);
        }
        throw new IllegalArgumentException("no weighted form of loss " + loss);
    }

    /** Names of inputs and tasks as layer names: letters, digits and _ . + - only. */
    private static String plain(String name) {
        return name.replaceAll("[^A-Za-z0-9_.+-]", "_");
    }

    static Activation activation(String name) {
        return switch (name) {
            case "relu" -> Activation.RELU;
            case "leakyrelu" -> Activation.LEAKYRELU;
            case "elu" -> Activation.ELU;
            case "tanh" -> Activation.TANH;
            default -> throw new IllegalArgumentException("unknown activation '" + name + "' (known: "
                    + String.join(", ", MultimodalHyperParameters.ACTIVATIONS) + ")");
        };
    }

    /** A dense branch's first layer: it reads {@code fanIn} raw features. */
    private record InputLayer(int fanIn, Branch branch) {
    }

    /** How layers are added: a graph builder's or a transfer builder's {@code addLayer}. */
    @FunctionalInterface
    private interface LayerSink {
        void add(String name, Layer layer, String... inputs);
    }

    /** Adds hidden layers, each followed by dropout. */
    private static final class Layers {
        final LayerSink graph;
        final Activation activation;
        final double dropout;
        final double l2;
        /** Whether each layer names the network's weight initialisation and L2 itself (layers added to a transfer builder). */
        final boolean standalone;

        Layers(LayerSink graph, Activation activation, double dropout, double l2, boolean standalone) {
            this.graph = graph;
            this.activation = activation;
            this.dropout = dropout;
            this.l2 = l2;
            this.standalone = standalone;
        }

        void add(String name, Layer layer, String... inputs) {
            graph.add(name, layer, inputs);
        }

        String dense(String name, int units, String from, InputLayer reads, boolean dropInput) {
            return dense(name, units, from, reads, dropInput, 0);
        }

        /**
         * A dense layer and its dropout; returns the name of the last.
         *
         * @param dropInput whether the layer drops out its input, which its source did not
         * @param fanIn     the layer's inputs, or 0 for the graph to infer them
         */
        String dense(String name, int units, String from, InputLayer reads, boolean dropInput, long fanIn) {
            DenseLayer.Builder layer = new DenseLayer.Builder().nOut(units).activation(activation);
            if (dropInput && dropout > 0) {
                layer.dropOut(new Dropout(1 - dropout)); // retain probability
            }
            if (reads != null) {
                // as in the dense family: small initial weights and an L1 feature selection on the layer that reads raw features;
                // a layer with its own regularisation no longer inherits the network's, so the L2 is repeated
                if (reads.branch().inputInitScale() != 1) {
                    layer.weightInit(scaled(reads.branch().inputInitScale(), reads.fanIn(), units));
                }
                if (reads.branch().inputL1() > 0) {
                    layer.l1(reads.branch().inputL1());
                    if (l2 > 0) {
                        layer.l2(l2);
                    }
                }
            }
            graph.add(name, standalone(layer, fanIn), from);
            return dropout(name);
        }

        /** The layer, given the network's weight initialisation, L2 and its fan-in when it is {@linkplain #standalone}. */
        Layer standalone(FeedForwardLayer.Builder<?> layer, long fanIn) {
            if (standalone) {
                layer.weightInit(Optimizers.weightInit(activation)).nIn(fanIn);
                if (l2 > 0) {
                    layer.l2(l2);
                }
            }
            return layer.build();
        }

        /** Dropout on the output of {@code from}, when there is any. */
        String dropout(String from) {
            if (dropout == 0) {
                return from;
            }
            graph.add(from + "_dropout", new DropoutLayer.Builder(1 - dropout).build(), from); // retain probability
            return from + "_dropout";
        }

        /**
         * The network's scheme (He, or Xavier for tanh) times {@code scale}, as a plain normal distribution, so that
         * a saved configuration names only Deeplearning4j's classes.
         */
        WeightInitDistribution scaled(double scale, int fanIn, int fanOut) {
            double deviation = activation == Activation.TANH ? Math.sqrt(2.0 / (fanIn + fanOut)) : Math.sqrt(2.0 / fanIn);
            return new WeightInitDistribution(new NormalDistribution(0, scale * deviation));
        }
    }
}
