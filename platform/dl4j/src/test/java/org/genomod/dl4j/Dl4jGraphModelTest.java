package org.genomod.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;
import org.genomod.api.model.Batch;
import org.genomod.api.model.ModelState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;

class Dl4jGraphModelTest {
    /** Examples of 3 flat values, then a [length 4, channels 2] sequence: 11 values; two binary labels. */
    private static final DatasetSchema SCHEMA = new DatasetSchema(List.of(11), "joined", TaskType.MULTILABEL, List.of("a", "b"), null);
    private static final List<Dl4jGraphModel.Input> INPUTS = List.of(
            new Dl4jGraphModel.Input(0, List.of(3), InputLayout.FLAT),
            new Dl4jGraphModel.Input(3, List.of(4, 2), InputLayout.CHANNELS_FIRST));
    private static final List<Dl4jGraphModel.Output> OUTPUTS = List.of(new Dl4jGraphModel.Output(0, 1), new Dl4jGraphModel.Output(1, 1));
    private static final int EXAMPLES = 200;

    @TempDir
    Path dir;

    /** Label a: x0 + x1 > 0 (flat input); label b: channel 0 of the sequence sums above channel 1's. */
    private static Batch data(long seed) {
        Random random = new Random(seed);
        float[] x = new float[EXAMPLES * 11];
        float[] y = new float[EXAMPLES * 2];
        for (int i = 0; i < EXAMPLES; i++) {
            for (int j = 0; j < 11; j++) {
                x[i * 11 + j] = (float) random.nextGaussian();
            }
            y[i * 2] = x[i * 11] + x[i * 11 + 1] > 0 ? 1 : 0;
            float channel0 = 0;
            float channel1 = 0;
            for (int p = 0; p < 4; p++) {
                channel0 += x[i * 11 + 3 + 2 * p];
                channel1 += x[i * 11 + 3 + 2 * p + 1];
            }
            y[i * 2 + 1] = channel0 > channel1 ? 1 : 0;
        }
        return new Batch(EXAMPLES, x, y);
    }

    /** One branch per input, merged, one sigmoid head per label. */
    private static ComputationGraph graph(long seed, double weightB) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed).updater(new Adam(0.05)).dataType(DataType.FLOAT)
                .graphBuilder()
                .addInputs("flat", "sequence")
                .setInputTypes(INPUTS.get(0).inputType(), INPUTS.get(1).inputType())
                .addLayer("flat_dense", new DenseLayer.Builder().nOut(6).activation(Activation.TANH).build(), "flat")
                .addLayer("sequence_pool", new GlobalPoolingLayer.Builder(PoolingType.SUM).build(), "sequence")
                .addVertex("merge", new MergeVertex(), "flat_dense", "sequence_pool")
                .addLayer("shared", new DenseLayer.Builder().nOut(8).activation(Activation.TANH).build(), "merge")
                .addLayer("head_a", new OutputLayer.Builder().nOut(1).activation(Activation.SIGMOID).lossFunction(new LossBinaryXENT()).build(), "shared")
                .addLayer("head_b", new OutputLayer.Builder().nOut(1).activation(Activation.SIGMOID)
                        .lossFunction(new LossBinaryXENT(org.nd4j.linalg.factory.Nd4j.create(new float[] {(float) weightB}, 1, 1))).build(), "shared")
                .setOutputs("head_a", "head_b")
                .build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        return graph;
    }

    private static Dl4jGraphModel model(long seed, float[] classWeights) {
        return Dl4jGraphModel.of(graph(seed, 1), SCHEMA, INPUTS, OUTPUTS, classWeights);
    }

    @Test
    void eachInputGetsItsSliceOfTheFeaturesInItsLayout() {
        Batch batch = data(1);
        try (GraphArrays arrays = new GraphArrays(SCHEMA, INPUTS, OUTPUTS, null)) {
            INDArray[] in = arrays.features(batch);
            assertArrayEquals(new long[] {EXAMPLES, 3}, in[0].shape());
            assertArrayEquals(new long[] {EXAMPLES, 2, 4}, in[1].shape());
            float[] x = batch.features();
            int e = 7;
            assertArrayEquals(Arrays.copyOfRange(x, e * 11, e * 11 + 3), in[0].getRow(e).toFloatVector());
            for (int position = 0; position < 4; position++) {
                for (int channel = 0; channel < 2; channel++) {
                    assertEquals(x[e * 11 + 3 + position * 2 + channel], in[1].getFloat(e, channel, position));
                }
            }
            INDArray[] labels = arrays.labels(batch);
            assertEquals(batch.labels()[e * 2], labels[0].getFloat(e, 0));
            assertEquals(batch.labels()[e * 2 + 1], labels[1].getFloat(e, 0));
            assertNull(arrays.labelWeights(batch));
        }
    }

    @Test
    void classWeightsBecomeOneLabelMaskPerOutput() {
        Batch batch = data(2);
        try (GraphArrays arrays = new GraphArrays(SCHEMA, INPUTS, OUTPUTS, ClassWeights.of(SCHEMA, new float[] {3, 5}))) {
            INDArray[] masks = arrays.labelWeights(batch);
            for (int e = 0; e < 10; e++) {
                assertEquals(batch.labels()[e * 2] == 1 ? 3f : 1f, masks[0].getFloat(e, 0));
                assertEquals(batch.labels()[e * 2 + 1] == 1 ? 5f : 1f, masks[1].getFloat(e, 0));
            }
        }
    }

    @Test
    void learnsEveryHeadFromItsInputAndPredictsColumnsInOutputOrder() {
        Batch train = data(3);
        Batch test = data(4);
        try (Dl4jGraphModel model = model(5, null)) {
            double before = model.loss(train);
            for (int i = 0; i < 80; i++) {
                model.fit(train);
            }
            assertTrue(model.loss(train) < before / 3, "loss " + before + " -> " + model.loss(train));
            float[] p = model.predict(test);
            assertEquals(EXAMPLES * 2, p.length);
            for (int label = 0; label < 2; label++) {
                int correct = 0;
                for (int i = 0; i < EXAMPLES; i++) {
                    correct += (p[i * 2 + label] >= 0.5f) == (test.labels()[i * 2 + label] == 1) ? 1 : 0;
                }
                assertTrue(correct >= 0.85 * EXAMPLES, "label " + label + ": " + correct + " of " + EXAMPLES);
            }
            try (GraphArrays arrays = new GraphArrays(SCHEMA, INPUTS, OUTPUTS, null)) {
                INDArray b = model.graph().output(false, arrays.features(test))[1];
                assertEquals(b.getFloat(9, 0), p[9 * 2 + 1], 1e-6);
            }
        }
    }

    @Test
    void aZeroTaskWeightLeavesItsHeadUntouched() {
        Batch train = data(6);
        try (Dl4jGraphModel model = Dl4jGraphModel.of(graph(7, 0), SCHEMA, INPUTS, OUTPUTS, null)) {
            INDArray headA = model.graph().getLayer("head_a").params().dup();
            INDArray headB = model.graph().getLayer("head_b").params().dup();
            for (int i = 0; i < 20; i++) {
                model.fit(train);
            }
            assertFalse(headA.equals(model.graph().getLayer("head_a").params()), "head a trains");
            assertEquals(headB, model.graph().getLayer("head_b").params(), "head b has weight 0");
        }
    }

    @Test
    void savedModelLoadsWithIdenticalPredictionsAndRestoreReturnsToASnapshot() throws IOException {
        Batch batch = data(8);
        float[] before;
        try (Dl4jGraphModel model = model(9, null)) {
            model.fit(batch);
            ModelState state = model.snapshot();
            before = model.predict(batch);
            for (int i = 0; i < 5; i++) {
                model.fit(batch);
            }
            assertFalse(Arrays.equals(before, model.predict(batch)));
            model.restore(state);
            assertArrayEquals(before, model.predict(batch));
            model.save(dir);
            assertTrue(model.summary().contains("head_b"), model.summary());
        }
        try (Dl4jGraphModel loaded = Dl4jGraphModel.load(dir, SCHEMA, INPUTS, OUTPUTS)) {
            assertArrayEquals(before, loaded.predict(batch));
            double loss = loaded.loss(batch);
            assertTrue(loss > 0 && Double.isFinite(loss), "loss " + loss);
        }
    }

    @Test
    void inputsAndOutputsMustFitTheGraphAndTheSchema() {
        ComputationGraph graph = graph(1, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Dl4jGraphModel.of(graph, SCHEMA, INPUTS.subList(0, 1), OUTPUTS, null));
        assertEquals("the graph has 2 inputs and 2 outputs, given 1 and 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Dl4jGraphModel.of(graph, SCHEMA,
                List.of(INPUTS.get(0), new Dl4jGraphModel.Input(4, List.of(4, 2), InputLayout.CHANNELS_FIRST)), OUTPUTS, null));
        assertEquals("input at 4 of shape [4, 2] ends beyond the 11 feature values of an example", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Dl4jGraphModel.of(graph, SCHEMA, INPUTS,
                List.of(new Dl4jGraphModel.Output(1, 1), new Dl4jGraphModel.Output(0, 1)), null));
        assertTrue(e.getMessage().startsWith("graph outputs must predict consecutive label columns from 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Dl4jGraphModel.Input(0, List.of(8), InputLayout.CHANNELS_FIRST));
        graph.close();
    }

    @Test
    void closedModelRefusesWork() {
        Dl4jGraphModel model = model(1, null);
        model.close();
        model.close();
        assertThrows(IllegalStateException.class, () -> model.predict(data(1)));
    }
}
