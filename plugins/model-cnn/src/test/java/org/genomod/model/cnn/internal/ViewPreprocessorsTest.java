package org.genomod.model.cnn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.Subsampling1DLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToRnnPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.RnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.preprocessors.KerasFlattenRnnPreprocessor;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;
import org.genomod.api.param.ParameterException;
import org.genomod.api.train.EarlyStopping;
import org.genomod.api.train.TrainingOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The family's preprocessors (batch norm on an image view, max pooling as windows) compute what Deeplearning4j's
 * stock way computed: permuted copies around batch norm, Subsampling1DLayer, KerasFlattenRnnPreprocessor.
 */
class ViewPreprocessorsTest {
    /** Plain gradient steps: Adam would turn rounding noise in near-zero gradients into whole steps. */
    private static final TrainingOptions SGD = new TrainingOptions(1, 5, "sgd", 0.1, 0, false, EarlyStopping.none());

    private static MultiLayerConfiguration configuration(int length, Map<String, ?> raw) throws ParameterException {
        DatasetSchema schema = new DatasetSchema(List.of(length, 4), "dna-one-hot", TaskType.MULTILABEL, List.of("a", "b", "c"), null);
        return CnnNetworks.configuration(CnnHyperParameters.architecture(CnnHyperParameters.SCHEMA.validate(raw, Path.of(""))),
                schema, SGD, 7, "auto");
    }

    /** The same network built the stock way. */
    private static MultiLayerConfiguration stock(MultiLayerConfiguration conf) {
        MultiLayerConfiguration copy = conf.clone();
        Map<Integer, InputPreProcessor> preprocessors = copy.getInputPreProcessors();
        for (Map.Entry<Integer, InputPreProcessor> e : Map.copyOf(preprocessors).entrySet()) {
            int layer = e.getKey();
            if (e.getValue() instanceof SequenceAsImage) {
                preprocessors.put(layer, new RnnToFeedForwardPreProcessor(RNNFormat.NCW));
            } else if (e.getValue() instanceof ImageAsSequence) {
                preprocessors.put(layer, new FeedForwardToRnnPreProcessor(RNNFormat.NCW));
            } else if (e.getValue() instanceof PoolingWindows windows) {
                preprocessors.remove(layer);
                copy.getConf(layer).setLayer(new Subsampling1DLayer.Builder(SubsamplingLayer.PoolingType.MAX, windows.getPool(),
                        windows.getPool()).convolutionMode(ConvolutionMode.Truncate).build());
            } else if (e.getValue() instanceof PooledWindows pooled) {
                if (pooled.isFlatten()) {
                    preprocessors.put(layer, new KerasFlattenRnnPreprocessor(pooled.getChannels(), pooled.getWindows()));
                } else {
                    preprocessors.remove(layer);
                }
            }
        }
        return copy;
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        assertEquals(List.of(expected.shape().length, expected.length()), List.of(actual.shape().length, actual.length()), what);
        double difference = Transforms.abs(expected.sub(actual)).maxNumber().doubleValue();
        double scale = Math.max(1, Transforms.abs(expected).maxNumber().doubleValue());
        assertTrue(difference <= 1e-5 * scale, what + " differ by " + difference);
    }

    /** 60 positions pool evenly (60 / 3 / 2 / 2); 62 and 71 leave remainders that pooling drops. */
    @ParameterizedTest
    @ValueSource(ints = {60, 62, 71})
    void bassetLikeNetworksComputeWhatTheStockLayersComputed(int length) throws ParameterException {
        assertEquivalent(configuration(length, Map.of("preset", "basset", "filters", List.of(8, 6, 5), "widths", List.of(5, 3, 3),
                "pooling", List.of(3, 2, 2), "dense", List.of(7, 6), "dropout", 0.0)), length);
    }

    @ParameterizedTest
    @ValueSource(ints = {41, 60})
    void customNetworksComputeWhatTheStockLayersComputed(int length) throws ParameterException {
        assertEquivalent(configuration(length, Map.of("dropout", 0.0)), length); // pooling [0, 4], no batch norm
        assertEquivalent(configuration(length, Map.of("dropout", 0.0, "dense", List.of(), "padding", "valid")), length);
    }

    private static void assertEquivalent(MultiLayerConfiguration conf, int length) {
        assertTrue(conf.getInputPreProcessors().values().stream().anyMatch(PoolingWindows.class::isInstance));
        MultiLayerNetwork ours = new MultiLayerNetwork(conf);
        MultiLayerNetwork stock = new MultiLayerNetwork(stock(conf));
        ours.init();
        stock.init(ours.params().dup(), true);
        INDArray input = Nd4j.rand(DataType.FLOAT, 5, 4, length).subi(0.5);
        INDArray labels = Nd4j.rand(DataType.FLOAT, 5, 3).gt(0.5).castTo(DataType.FLOAT);
        for (MultiLayerNetwork network : List.of(ours, stock)) {
            network.setInput(input);
            network.setLabels(labels);
            network.computeGradientAndScore();
        }
        assertEquals(stock.score(), ours.score(), 1e-6);
        assertClose(stock.gradient().gradient(), ours.gradient().gradient(), "gradients");
        ours.fit(input, labels);
        stock.fit(input, labels);
        assertClose(stock.params(), ours.params(), "parameters after an update (batch norm's running statistics included)");
        assertClose(stock.output(input, false), ours.output(input, false), "inference outputs");
        assertClose(stock.output(input.get(NDArrayIndex.interval(0, 1)), false),
                ours.output(input.get(NDArrayIndex.interval(0, 1)), false), "a batch of one");
        ours.close();
        stock.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"basset", "custom"})
    void savedConfigurationsRecreateThePreprocessors(String preset) throws ParameterException {
        MultiLayerConfiguration conf = configuration(600, Map.of("preset", preset));
        MultiLayerConfiguration restored = MultiLayerConfiguration.fromJson(conf.toJson());
        assertEquals(conf.getInputPreProcessors(), restored.getInputPreProcessors());
        assertEquals(conf, restored);
    }
}
