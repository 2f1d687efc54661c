package org.genomod.model.dense.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.dropout.AlphaDropout;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.weights.WeightInitRelu;
import org.deeplearning4j.nn.weights.WeightInitXavier;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;
import org.genomod.api.param.ParameterException;
import org.genomod.api.train.EarlyStopping;
import org.genomod.api.train.TrainingOptions;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.regularization.L1Regularization;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

class DenseNetworksTest {
    private static final TrainingOptions DEFAULTS = TrainingOptions.defaults();
    private static final DatasetSchema EXPRESSION = new DatasetSchema(List.of(2000), "expression", TaskType.BINARY, List.of("AML"), null);

    private static MultiLayerConfiguration configuration(DatasetSchema schema, Map<String, ?> raw, TrainingOptions training)
            throws ParameterException {
        return DenseNetworks.configuration(DenseHyperParameters.architecture(DenseHyperParameters.SCHEMA.validate(raw, Path.of("."))),
                schema, training, 17, DenseHyperParameters.SCHEMA.validate(raw, Path.of(".")).string(DenseHyperParameters.LOSS));
    }

    private static Layer layer(MultiLayerConfiguration conf, int index) {
        return conf.getConf(index).getLayer();
    }

    private static List<Class<?>> regularisation(Layer layer) {
        return ((BaseLayer) layer).getRegularization().stream().<Class<?>>map(Regularization::getClass).toList();
    }

    private static MultiLayerNetwork network(MultiLayerConfiguration conf) {
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        return network;
    }

    @Test
    void defaultsAreANarrowRegularisedNetworkOverTheFlattenedInput() throws ParameterException {
        MultiLayerConfiguration conf = configuration(EXPRESSION, Map.of(), DEFAULTS);
        assertEquals(2, conf.getConfs().size());
        DenseLayer hidden = assertInstanceOf(DenseLayer.class, layer(conf, 0));
        assertEquals(2000, hidden.getNIn());
        assertEquals(16, hidden.getNOut());
        assertEquals(Activation.RELU.getActivationFunction(), hidden.getActivationFn());
        assertNull(hidden.getIDropout()); // input_dropout 0
        // the input layer carries the feature-selecting L1 and the L2 all layers have
        assertEquals(List.of(L1Regularization.class, L2Regularization.class), regularisation(hidden));
        assertEquals(0.01, ((L1Regularization) hidden.getRegularization().get(0)).getL1().valueAt(0, 0), 1e-12);
        OutputLayer output = assertInstanceOf(OutputLayer.class, layer(conf, 1));
        assertEquals(List.of(L2Regularization.class), regularisation(output));
        assertEquals(0.5, ((Dropout) output.getIDropout()).getP(), 1e-12); // dropout 0.5 on the hidden layer's output
        assertEquals(Activation.SIGMOID.getActivationFunction(), output.getActivationFn());
        assertInstanceOf(LossBinaryXENT.class, output.getLossFn());
        assertEquals(17, conf.getConf(0).getSeed());
        MultiLayerNetwork network = network(conf);
        try {
            assertEquals(2000 * 16 + 16 + 16 + 1, network.numParams());
        } finally {
            network.close();
        }
    }

    @Test
    void inputLayerStartsAtAScaleOfItsScheme() throws ParameterException {
        MultiLayerNetwork network = network(configuration(EXPRESSION, Map.of("hidden", List.of(64, 32)), DEFAULTS));
        try {
            double he = Math.sqrt(2.0 / 2000);
            assertEquals(0.1 * he, network.getLayer(0).getParam("W").stdNumber().doubleValue(), 0.1 * he * 0.05);
            // later layers keep the plain scheme: He for 64 inputs
            assertEquals(Math.sqrt(2.0 / 64), network.getLayer(1).getParam("W").stdNumber().doubleValue(), Math.sqrt(2.0 / 64) * 0.15);
        } finally {
            network.close();
        }
        MultiLayerNetwork unscaled = network(configuration(EXPRESSION, Map.of("input_init_scale", 1), DEFAULTS));
        try {
            assertInstanceOf(WeightInitRelu.class, ((BaseLayer) unscaled.getLayer(0).conf().getLayer()).getWeightInitFn());
        } finally {
            unscaled.close();
        }
    }

    @Test
    void withoutHiddenLayersItIsALinearModelOnTheInputs() throws ParameterException {
        DatasetSchema classes = new DatasetSchema(List.of(50, 4), "dna-one-hot", TaskType.MULTICLASS, List.of("EI", "IE", "N"), null);
        MultiLayerConfiguration conf = configuration(classes, Map.of("hidden", List.of(), "input_init_scale", 0, "input_dropout", 0.2),
                DEFAULTS);
        assertEquals(1, conf.getConfs().size());
        OutputLayer output = assertInstanceOf(OutputLayer.class, layer(conf, 0));
        assertEquals(200, output.getNIn()); // [50, 4] flattened
        assertInstanceOf(LossMCXENT.class, output.getLossFn());
        assertEquals(0.8, ((Dropout) output.getIDropout()).getP(), 1e-12); // the input dropout
        assertEquals(List.of(L1Regularization.class, L2Regularization.class), regularisation(output));
        MultiLayerNetwork network = network(conf);
        try {
            assertEquals(200 * 3 + 3, network.numParams());
            assertEquals(0, network.getLayer(0).getParam("W").amaxNumber().doubleValue()); // started at zero
        } finally {
            network.close();
        }
    }

    @Test
    void batchNormSitsBetweenEachHiddenLayerAndItsActivation() throws ParameterException {
        MultiLayerConfiguration conf = configuration(EXPRESSION, Map.of("hidden", List.of(32, 8), "batch_norm", true,
                "activation", "tanh", "input_dropout", 0.1), DEFAULTS);
        assertEquals(7, conf.getConfs().size());
        for (int block = 0; block < 2; block++) {
            DenseLayer dense = assertInstanceOf(DenseLayer.class, layer(conf, 3 * block));
            assertEquals(Activation.IDENTITY.getActivationFunction(), dense.getActivationFn());
            assertFalse(dense.hasBias()); // batch norm's shift is the bias
            assertInstanceOf(BatchNormalization.class, layer(conf, 3 * block + 1));
            assertEquals(Activation.TANH.getActivationFunction(),
                    assertInstanceOf(ActivationLayer.class, layer(conf, 3 * block + 2)).getActivationFn());
        }
        assertEquals(0.9, ((Dropout) layer(conf, 0).getIDropout()).getP(), 1e-12);
        assertEquals(0.5, ((Dropout) layer(conf, 3).getIDropout()).getP(), 1e-12);
        assertInstanceOf(WeightInitXavier.class, ((BaseLayer) layer(conf, 3)).getWeightInitFn()); // auto for tanh
        MultiLayerNetwork network = network(conf);
        try {
            INDArray normalised = network.feedForwardToLayer(1, org.nd4j.linalg.factory.Nd4j.rand(64, 2000).muli(5), true).get(2);
            for (int unit = 0; unit < 32; unit++) {
                assertEquals(0, normalised.getColumn(unit).meanNumber().doubleValue(), 1e-3);
            }
        } finally {
            network.close();
        }
    }

    @Test
    void seluTakesAlphaDropoutAndLecunInitialisation() throws ParameterException {
        MultiLayerConfiguration conf = configuration(EXPRESSION, Map.of("hidden", List.of(32, 8), "activation", "selu",
                "input_init_scale", 1), DEFAULTS);
        assertEquals(WeightInit.LECUN_NORMAL.getWeightInitFunction(), ((BaseLayer) layer(conf, 0)).getWeightInitFn());
        assertInstanceOf(AlphaDropout.class, layer(conf, 1).getIDropout());
        assertInstanceOf(AlphaDropout.class, layer(conf, 2).getIDropout());
    }

    @Test
    void trainingOptionsAndLossReachTheNetwork() throws ParameterException {
        TrainingOptions nesterovs = new TrainingOptions(10, 8, "nesterovs", 1e-4, 0, false, EarlyStopping.none());
        MultiLayerConfiguration conf = configuration(EXPRESSION, Map.of("loss", "mse", "l2", 0), nesterovs);
        BaseLayer hidden = (BaseLayer) layer(conf, 0);
        assertEquals(1e-4, assertInstanceOf(Nesterovs.class, hidden.getIUpdater()).getLearningRate(), 1e-12);
        assertEquals(List.of(L1Regularization.class), regularisation(hidden));
        assertTrue(((BaseLayer) layer(conf, 1)).getRegularization().isEmpty());
        assertInstanceOf(LossMSE.class, ((OutputLayer) layer(conf, 1)).getLossFn());
    }
}
