package org.genomod.model.cnn.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;
import org.genomod.api.model.Batch;
import org.genomod.api.model.Model;
import org.genomod.api.model.ModelRequest;
import org.genomod.api.param.ParameterException;
import org.genomod.api.train.EarlyStopping;
import org.genomod.api.train.TrainingOptions;
import org.genomod.dl4j.Dl4jModel;
import org.genomod.dl4j.FilterBankModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A valid first convolution run as one matrix product ({@link UnfoldedConvolution} in an {@link UnfoldingNetwork})
 * computes what Deeplearning4j's Convolution1DLayer computes: scores, parameter gradients, updates, outputs, input
 * gradients and filter activations, to 1e-5.
 */
class UnfoldedConvolutionTest {
    private static final TrainingOptions SGD = new TrainingOptions(1, 5, "sgd", 0.1, 0, false, EarlyStopping.none());
    private static final TrainingOptions ADAM = new TrainingOptions(1, 64, "adam", 1e-3, 0, false, EarlyStopping.none());

    private static DatasetSchema schema(int length) {
        return new DatasetSchema(List.of(length, 4), "dna-one-hot", TaskType.MULTILABEL, List.of("a", "b", "c"), null);
    }

    private static MultiLayerConfiguration configuration(int length, Map<String, ?> raw) throws ParameterException {
        return CnnNetworks.configuration(CnnHyperParameters.architecture(CnnHyperParameters.SCHEMA.validate(raw, Path.of(""))),
                schema(length), SGD, 7, "auto");
    }


    @ParameterizedTest
    @ValueSource(strings = {"relu", "tanh"})
    void deepBindComputesWhatTheStockLayerComputes(String activation) throws ParameterException {
        assertEquivalent(configuration(101, Map.of("preset", "deepbind", "activation", activation)), 101, 2_129 + 2 * 33);
    }

    @Test
    void validNetworksWithPoolingAndBatchNormComputeWhatTheStockLayersCompute() throws ParameterException {
        assertEquivalent(configuration(60, Map.of("filters", List.of(8, 6), "widths", List.of(5, 3), "pooling", List.of(3, 0),
                "padding", "valid", "dense", List.of(7), "dropout", 0.0, "batch_norm", true)), 60, -1);
    }

    /** Same padding, odd widths (Basset's first layer: width 19), with batch norm and the spectral layers after it. */
    @ParameterizedTest
    @ValueSource(ints = {5, 19})
    void samePaddedFirstLayersComputeWhatTheStockLayerComputes(int width) throws ParameterException {
        assertEquivalent(configuration(40, Map.of("filters", List.of(8, 6), "widths", List.of(width, 3), "pooling", List.of(2, 0),
                "dense", List.of(7), "dropout", 0.0, "batch_norm", true)), 40, -1);
        assertEquivalent(configuration(30, Map.of("filters", List.of(5), "widths", List.of(width), "pooling", List.of(0),
                "dense", List.of(4), "dropout", 0.0, "activation", "tanh")), 30, -1);
    }

    @Test
    void evenSamePaddedWidthsKeepTheStockLayer() throws ParameterException {
        UnfoldingNetwork network = new UnfoldingNetwork(configuration(60, Map.of("filters", List.of(8), "widths", List.of(6),
                "dropout", 0.0)));
        network.init();
        assertFalse(network.getLayer(0) instanceof UnfoldedConvolution);
        network.close();
    }

    /** @param parameters the expected parameter count (DeepBind's 2,129 with two more outputs: 2,195), or -1 */
    private static void assertEquivalent(MultiLayerConfiguration conf, int length, long parameters) {
        UnfoldingNetwork ours = new UnfoldingNetwork(conf);
        ours.init();
        assertInstanceOf(UnfoldedConvolution.class, ours.getLayer(0));
        if (parameters >= 0) {
            assertEquals(parameters, ours.numParams());
        }
        StockComparison.assertComputesAsStock(ours, length, 1);
        ours.close();
    }

    /** The family's models: the same predictions, input gradients and filter activations as the stock network, saved and loaded. */
    @Test
    void familyModelsDifferentiateAndShowFiltersAsTheStockNetwork(@TempDir Path directory) throws Exception {
        DatasetSchema schema = new DatasetSchema(List.of(101, 4), "dna-one-hot", TaskType.BINARY, List.of("bound"), null);
        CnnModelFamily family = new CnnModelFamily();
        ModelRequest request = new ModelRequest(schema, family.hyperParameters().validate(Map.of("preset", "deepbind"), Path.of(".")),
                ADAM, null, 0);
        Batch batch = randomBatch(9, new Random(4));
        try (Model model = family.create(request)) {
            for (int i = 0; i < 5; i++) {
                model.fit(batch);
            }
            FilterBankModel filters = (FilterBankModel) model;
            MultiLayerNetwork network = filters.network().multiLayerNetwork();
            assertInstanceOf(UnfoldedConvolution.class, network.getLayer(0));
            MultiLayerNetwork plain = new MultiLayerNetwork(network.getLayerWiseConfigurations().clone());
            plain.init(network.params().dup(), true);
            FilterBankModel stock = new FilterBankModel(Dl4jModel.of(plain, schema, CnnNetworks.LAYOUT, null));
            assertArrayEquals(stock.predict(batch), model.predict(batch), 1e-5f);
            assertArrayEquals(stock.inputGradients(batch, 0), filters.inputGradients(batch, 0), 1e-5f);
            assertArrayEquals(stock.filterActivations(batch), filters.filterActivations(batch), 1e-5f);

            model.save(directory);
            try (Model loaded = family.load(directory, schema, request.hyperParameters())) {
                assertInstanceOf(UnfoldedConvolution.class, ((FilterBankModel) loaded).network().multiLayerNetwork().getLayer(0));
                assertArrayEquals(model.predict(batch), loaded.predict(batch));
                assertArrayEquals(filters.inputGradients(batch, 0), ((FilterBankModel) loaded).inputGradients(batch, 0), 1e-6f);
                assertEquals(model.loss(batch), loaded.loss(batch), 1e-6);
            }
            stock.close();
        }
    }

    private static Batch randomBatch(int size, Random random) {
        float[] features = new float[size * 101 * 4];
        float[] labels = new float[size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < 101; j++) {
                features[(i * 101 + j) * 4 + random.nextInt(4)] = 1;
            }
            labels[i] = random.nextBoolean() ? 1 : 0;
        }
        return new Batch(size, features, labels);
    }
}
