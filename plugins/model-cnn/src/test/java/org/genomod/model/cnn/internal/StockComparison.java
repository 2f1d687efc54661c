package org.genomod.model.cnn.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The family's network against Deeplearning4j's stock one with the same configuration and parameters: score,
 * parameter and input gradients, parameters after three updates, inference outputs and one layer's training-mode
 * activations, to 1e-5 of the largest value.
 */
final class StockComparison {
    private StockComparison() {
    }

    /** @param layer the layer whose training-mode activations are compared (0 is the input) */
    static void assertComputesAsStock(UnfoldingNetwork ours, int length, int layer) {
        MultiLayerNetwork stock = new MultiLayerNetwork(ours.getLayerWiseConfigurations().clone());
        stock.init(ours.params().dup(), true);
        assertEquals(stock.numParams(), ours.numParams());
        Nd4j.getRandom().setSeed(3);
        INDArray input = Nd4j.rand(DataType.FLOAT, 5, 4, length).subi(0.5);
        INDArray labels = Nd4j.rand(DataType.FLOAT, 5, ours.layerSize(ours.getnLayers() - 1)).gt(0.5).castTo(DataType.FLOAT);
        for (MultiLayerNetwork network : List.of(ours, stock)) {
            network.setInput(input);
            network.setLabels(labels);
            network.computeGradientAndScore();
        }
        assertEquals(stock.score(), ours.score(), 1e-5);
        assertClose(stock.gradient().gradient(), ours.gradient().gradient(), "parameter gradients");
        assertClose(stock.calculateGradients(input, labels, null, null).getSecond(),
                ours.calculateGradients(input, labels, null, null).getSecond(), "input gradients");
        for (int step = 0; step < 3; step++) {
            ours.fit(input, labels);
            stock.fit(input, labels);
        }
        assertClose(stock.params(), ours.params(), "parameters after three updates");
        assertClose(stock.output(input, false), ours.output(input, false), "inference outputs");
        assertClose(stock.feedForward(input, true).get(layer), ours.feedForward(input, true).get(layer), "training-mode activations");
        stock.close();
    }

    static void assertClose(INDArray expected, INDArray actual, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what);
        double difference = Transforms.abs(expected.sub(actual)).maxNumber().doubleValue();
        double scale = Math.max(1e-3, Transforms.abs(expected).maxNumber().doubleValue());
        assertTrue(difference <= 1e-5 * scale, what + " differ by " + difference + " (largest value " + scale + ")");
    }
}
