package org.genomod.model.rnn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.Subsampling1DLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.preprocessors.KerasFlattenRnnPreprocessor;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;
import org.genomod.api.param.ParameterException;
import org.genomod.api.train.EarlyStopping;
import org.genomod.api.train.TrainingOptions;
import org.genomod.testing.Sequences;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.learning.regularization.L2Regularization;

class RnnNetworksTest {

    private static MultiLayerConfiguration configuration(DatasetSchema schema, Map<String, ?> raw, TrainingOptions training)
            throws ParameterException {
        return RnnNetworks.configuration(RnnHyperParameters.architecture(RnnHyperParameters.SCHEMA.validate(raw, Path.of("."))),
                schema, training, 1, "auto");
    }

    private static Layer layer(MultiLayerConfiguration conf, int index) {
        return conf.getConf(index).getLayer();
    }

    /** Parameters counted from the configuration, without allocating them. */
    private static long parameterCount(MultiLayerConfiguration conf) {
        return IntStream.range(0, conf.getConfs().size()).mapToLong(i -> {
            NeuralNetConfiguration layer = conf.getConf(i);
            return layer.getLayer().initializer().numParams(layer);
        }).sum();
    }

    @Test
    void danqPresetIsThePublishedArchitecture() throws ParameterException {
        // DanQ: 1000 bp, 919 chromatin features; the paper's model has 46,926,479 parameters
        List<String> features = IntStream.range(0, 919).mapToObj(i -> "feature" + i).toList();
        DatasetSchema schema = new DatasetSchema(List.of(1000, 4), "dna-one-hot", TaskType.MULTILABEL, features, null);
        MultiLayerConfiguration conf = configuration(schema, Map.of("preset", "danq"), TrainingOptions.defaults());
        assertEquals(46_926_479, parameterCount(conf));

        Convolution1DLayer convolution = assertInstanceOf(Convolution1DLayer.class, layer(conf, 0));
        assertEquals(320, convolution.getNOut());
        assertEquals(26, convolution.getKernelSize()[0]);
        assertEquals(Activation.RELU.getActivationFunction(), convolution.getActivationFn());
        Subsampling1DLayer pooling = assertInstanceOf(Subsampling1DLayer.class, layer(conf, 1));
        assertEquals(13, pooling.getKernelSize()[0]);
        assertEquals(13, pooling.getStride()[0]);
        assertEquals(ConvolutionMode.Truncate, pooling.getConvolutionMode());
        assertEquals(ConvolutionMode.Truncate, convolution.getConvolutionMode()); // valid: 975 positions
        Bidirectional recurrent = assertInstanceOf(Bidirectional.class, layer(conf, 2));
        assertEquals(Bidirectional.Mode.CONCAT, recurrent.getMode());
        LSTM lstm = assertInstanceOf(LSTM.class, recurrent.getFwd());
        assertEquals(320, lstm.getNOut());
        assertEquals(new Dropout(0.8), lstm.getIDropout()); // drop 0.2 of the pooled convolution features
        KerasFlattenRnnPreprocessor flatten = assertInstanceOf(KerasFlattenRnnPreprocessor.class, conf.getInputPreProcess(3));
        assertEquals(640, flatten.getDepth());
        assertEquals(75, flatten.getTsLength()); // floor(975 / 13) positions of 640 values
        DenseLayer dense = assertInstanceOf(DenseLayer.class, layer(conf, 3));
        assertEquals(925, dense.getNOut());
        assertEquals(new Dropout(0.5), dense.getIDropout()); // drop 0.5 between the BiLSTM and the dense layer
        OutputLayer output = assertInstanceOf(OutputLayer.class, layer(conf, 4));
        assertEquals(919, output.getNOut());
        assertEquals(Activation.SIGMOID.getActivationFunction(), output.getActivationFn());
        assertEquals(5, conf.getConfs().size());
    }

    @Test
    void stackedLayersWithDropoutBetweenThemAndGlobalPooling() throws ParameterException {
        DatasetSchema schema = new DatasetSchema(List.of(50, 4), "dna-one-hot", TaskType.MULTICLASS, List.of("a", "b", "c"), null);
        MultiLayerConfiguration conf = configuration(schema, Map.of("conv_filters", 0, "units", List.of(16, 8),
                "bidirectional", false, "pooling", "average", "dropout", 0.25, "dense", List.of()), TrainingOptions.defaults());
        LSTM first = assertInstanceOf(LSTM.class, layer(conf, 0));
        assertEquals(16, first.getNOut());
        assertEquals(null, first.getIDropout());
        LSTM second = assertInstanceOf(LSTM.class, layer(conf, 1));
        assertEquals(8, second.getNOut());
        assertEquals(new Dropout(0.75), second.getIDropout()); // dropout between the stacked layers
        assertEquals(PoolingType.AVG, assertInstanceOf(GlobalPoolingLayer.class, layer(conf, 2)).getPoolingType());
        OutputLayer output = assertInstanceOf(OutputLayer.class, layer(conf, 3));
        assertEquals(new Dropout(0.75), output.getIDropout());
        assertEquals(Activation.SOFTMAX.getActivationFunction(), output.getActivationFn());
        // LSTM: 4 gates, each with input, recurrent and bias weights
        assertEquals(4 * (16 * (4 + 16) + 16) + 4 * (8 * (16 + 8) + 8) + 8 * 3 + 3, parameterCount(conf));
    }

    @Test
    void simpleCellsAndTheLastTimeStep() throws ParameterException {
        DatasetSchema schema = Sequences.schema(30);
        MultiLayerConfiguration conf = configuration(schema, Map.of("conv_filters", 0, "cell", "simple", "units", List.of(12),
                "bidirectional", false, "pooling", "last"), TrainingOptions.defaults());
        LastTimeStep last = assertInstanceOf(LastTimeStep.class, layer(conf, 0));
        assertEquals(12, assertInstanceOf(SimpleRnn.class, last.getUnderlying()).getNOut());
        assertInstanceOf(OutputLayer.class, layer(conf, 1));
        assertEquals(12 * (4 + 12) + 12 + 12 + 1, parameterCount(conf));
    }

    @Test
    void trainingOptionsAndL2ReachTheLayers() throws ParameterException {
        TrainingOptions sgd = new TrainingOptions(1, 32, "sgd", 0.05, 1.0, false, EarlyStopping.none());
        MultiLayerConfiguration conf = configuration(Sequences.schema(30), Map.of("l2", 1e-4), sgd);
        for (int i = 0; i < conf.getConfs().size(); i++) {
            Layer layer = layer(conf, i);
            if (layer instanceof Bidirectional bidirectional) {
                layer = bidirectional.getFwd();
            }
            if (layer instanceof BaseLayer base) {
                assertEquals(new Sgd(0.05), base.getIUpdater(), "layer " + i);
                assertEquals(GradientNormalization.ClipElementWiseAbsoluteValue, base.getGradientNormalization());
                assertTrue(base.getRegularization().contains(new L2Regularization(1e-4)), "layer " + i);
            }
        }
    }
}
