package org.genomod.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.impl.LayerVertex;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Class weights, given as label masks, weigh each example's or output's loss and gradient once: the score and the
 * output layer's gradient equal a weighted cross-entropy computed here by hand (PyTorch's {@code pos_weight} for
 * sigmoid outputs, per-example weights for softmax), and a network without weights computes what the stock one does.
 */
class WeightedOutputLayerTest {
    private static final int EXAMPLES = 6;
    private static final int INPUTS = 3;

    private static MultiLayerNetwork network(Activation activation, LossFunctions.LossFunction loss, int outputs) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.FLOAT)
                .updater(new Sgd(0.1)).list()
                .layer(new DenseLayer.Builder().nIn(INPUTS).nOut(4).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(loss).activation(activation).nIn(4).nOut(outputs).build())
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        return network;
    }

    @Test
    void sigmoidOutputsWeighEachOutputsLossAndGradientOnce() {
        MultiLayerNetwork network = network(Activation.SIGMOID, LossFunctions.LossFunction.XENT, 2);
        new SequentialNetwork(network);
        assertInstanceOf(WeightedOutputLayer.class, network.getOutputLayer());
        Nd4j.getRandom().setSeed(4);
        INDArray features = Nd4j.rand(DataType.FLOAT, EXAMPLES, INPUTS);
        INDArray labels = Nd4j.rand(DataType.FLOAT, EXAMPLES, 2).gt(0.5).castTo(DataType.FLOAT);
        INDArray weights = labels.mul(4).addi(labels.rsub(1)); // positives 5, negatives 1
        assertWeighted(network, features, labels, weights, false);
    }

    @Test
    void softmaxOutputsWeighEachExampleOnce() {
        MultiLayerNetwork network = network(Activation.SOFTMAX, LossFunctions.LossFunction.MCXENT, 3);
        new SequentialNetwork(network);
        Nd4j.getRandom().setSeed(5);
        INDArray features = Nd4j.rand(DataType.FLOAT, EXAMPLES, INPUTS);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, EXAMPLES, 3);
        for (int i = 0; i < EXAMPLES; i++) {
            labels.putScalar(i, i % 3, 1);
        }
        INDArray weights = Nd4j.createFromArray(new float[] {1, 5, 2, 1, 5, 2}).reshape(EXAMPLES, 1);
        assertWeighted(network, features, labels, weights, true);
    }

    @Test
    void withoutWeightsTheLayerIsDeeplearning4js() {
        MultiLayerNetwork stock = network(Activation.SIGMOID, LossFunctions.LossFunction.XENT, 2);
        MultiLayerNetwork weighted = network(Activation.SIGMOID, LossFunctions.LossFunction.XENT, 2);
        new SequentialNetwork(weighted);
        Nd4j.getRandom().setSeed(6);
        INDArray features = Nd4j.rand(DataType.FLOAT, EXAMPLES, INPUTS);
        INDArray labels = Nd4j.rand(DataType.FLOAT, EXAMPLES, 2).gt(0.5).castTo(DataType.FLOAT);
        for (MultiLayerNetwork network : new MultiLayerNetwork[] {stock, weighted}) {
            network.setInput(features);
            network.setLabels(labels);
            network.computeGradientAndScore();
        }
        assertEquals(stock.score(), weighted.score(), 1e-6);
        assertEquals(0, stock.gradient().gradient().sub(weighted.gradient().gradient()).norm2Number().doubleValue(), 1e-6);
    }

    @Test
    void graphOutputLayersAreWeightedToo() {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.FLOAT)
                .updater(new Sgd(0.1)).graphBuilder().addInputs("in")
                .addLayer("hidden", new DenseLayer.Builder().nIn(INPUTS).nOut(4).activation(Activation.TANH).build(), "in")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.XENT).activation(Activation.SIGMOID)
                        .nIn(4).nOut(1).build(), "hidden")
                .setOutputs("out").build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        WeightedOutputLayer.install(graph);
        assertInstanceOf(WeightedOutputLayer.class, ((LayerVertex) graph.getVertex("out")).getLayer());
        assertInstanceOf(WeightedOutputLayer.class, graph.getLayer("out"));
        Nd4j.getRandom().setSeed(7);
        INDArray features = Nd4j.rand(DataType.FLOAT, EXAMPLES, INPUTS);
        INDArray labels = Nd4j.createFromArray(new float[] {1, 0, 0, 1, 0, 0}).reshape(EXAMPLES, 1);
        INDArray weights = labels.mul(3).addi(labels.rsub(1));
        INDArray logits = graph.feedForward(features, false).get("hidden").mmul(graph.getLayer("out").getParam("W"))
                .addiRowVector(graph.getLayer("out").getParam("b"));
        graph.setInputs(features);
        graph.setLabels(labels);
        graph.setLayerMaskArrays(null, new INDArray[] {weights});
        graph.computeGradientAndScore();
        float[] expected = expectedBiasGradient(logits, labels, weights, false);
        assertEquals(expected[0], graph.getLayer("out").getGradientsViewArray().getFloat(4), 1e-5);
        assertEquals(expectedScore(logits, labels, weights, false), graph.score(), 1e-5);
    }

    /** Score and the output layer's bias gradient against the weighted loss, and no scaling of the outputs' logits. */
    private static void assertWeighted(MultiLayerNetwork network, INDArray features, INDArray labels, INDArray weights,
                                       boolean softmax) {
        INDArray logits = network.feedForwardToLayer(0, features, false).get(1).mmul(network.getOutputLayer().getParam("W"))
                .addiRowVector(network.getOutputLayer().getParam("b"));
        network.setInput(features);
        network.setLabels(labels);
        network.setLayerMaskArrays(null, weights);
        network.computeGradientAndScore();
        assertEquals(expectedScore(logits, labels, weights, softmax), network.score(), 1e-5);
        float[] expected = expectedBiasGradient(logits, labels, weights, softmax);
        INDArray bias = network.gradient().getGradientFor("1_b");
        for (int o = 0; o < expected.length; o++) {
            assertEquals(expected[o], bias.getFloat(o), 1e-5, "bias gradient " + o);
        }
    }

    /** The weighted cross-entropy, averaged over the examples. */
    private static double expectedScore(INDArray logits, INDArray labels, INDArray weights, boolean softmax) {
        double sum = 0;
        for (int i = 0; i < logits.rows(); i++) {
            double[] p = probabilities(logits, i, softmax);
            for (int o = 0; o < p.length; o++) {
                double y = labels.getDouble(i, o);
                double w = weights.columns() == 1 ? weights.getDouble(i, 0) : weights.getDouble(i, o);
                sum -= w * (softmax ? y * Math.log(p[o]) : y * Math.log(p[o]) + (1 - y) * Math.log(1 - p[o]));
            }
        }
        return sum / logits.rows();
    }

    /** Its gradient with respect to the output bias, summed over the examples (Deeplearning4j divides later). */
    private static float[] expectedBiasGradient(INDArray logits, INDArray labels, INDArray weights, boolean softmax) {
        float[] gradient = new float[logits.columns()];
        for (int i = 0; i < logits.rows(); i++) {
            double[] p = probabilities(logits, i, softmax);
            for (int o = 0; o < p.length; o++) {
                double w = weights.columns() == 1 ? weights.getDouble(i, 0) : weights.getDouble(i, o);
                gradient[o] += (float) (w * (p[o] - labels.getDouble(i, o)));
            }
        }
        return gradient;
    }

    private static double[] probabilities(INDArray logits, int row, boolean softmax) {
        double[] p = new double[logits.columns()];
        double total = 0;
        for (int o = 0; o < p.length; o++) {
            double z = logits.getDouble(row, o);
            p[o] = softmax ? Math.exp(z) : 1 / (1 + Math.exp(-z));
            total += p[o];
        }
        if (softmax) {
            for (int o = 0; o < p.length; o++) {
                p[o] /= total;
            }
        }
        return p;
    }
}
