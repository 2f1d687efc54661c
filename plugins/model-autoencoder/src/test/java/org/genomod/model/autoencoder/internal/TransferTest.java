package org.genomod.model.autoencoder.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.model.Batch;
import org.genomod.api.model.ModelRequest;
import org.genomod.api.model.Transfer;
import org.genomod.api.param.Parameters;
import org.genomod.api.train.EarlyStopping;
import org.genomod.api.train.TrainingOptions;
import org.genomod.testing.PluginTests;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fine-tuning a saved autoencoder or VAE on new samples of the same genes: frozen layers (the encoder here) keep
 * the parent's weights, the rest trains, and the fine-tuned model reloads with equal outputs.
 */
class TransferTest {
    private static final TrainingOptions ADAM = new TrainingOptions(1, 16, "adam", 3e-3, 0, false, EarlyStopping.none());

    private final AutoencoderFamily family = new AutoencoderFamily();

    @TempDir
    Path dir;

    private Parameters parameters(boolean variational) {
        return PluginTests.valid(family.hyperParameters(),
                Map.of("variational", variational, "hidden", List.of(16), "latent", 3, "dropout", 0.2), dir);
    }

    private AutoencoderModel parent(boolean variational, Dataset data) throws IOException {
        Path saved = Files.createDirectories(dir.resolve("parent"));
        try (AutoencoderModel parent = (AutoencoderModel) family.create(new ModelRequest(data.schema(), parameters(variational), ADAM, null, 3))) {
            Expression.train(parent, data, 3, 16);
            parent.save(saved);
        }
        return (AutoencoderModel) family.load(saved, data.schema(), parameters(variational));
    }

    private AutoencoderModel child(AutoencoderModel parent, DatasetSchema schema, boolean variational, Transfer transfer) {
        return (AutoencoderModel) family.transfer(parent, new ModelRequest(schema, parameters(variational), ADAM, null, 7), transfer);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void frozenEncoderKeepsTheParentsWeightsAndTheFineTunedModelReloads(boolean variational) throws IOException {
        Dataset original = Expression.lowRank(60, 15, 2, 0.1, 6).masked(0.1, 7);
        Dataset fresh = Expression.lowRank(60, 15, 2, 0.1, 16).masked(0.1, 17); // the same genes, other programmes
        Batch batch = Expression.all(fresh);
        Path saved = Files.createDirectories(dir.resolve("child"));
        float[] predicted;
        float[] samples = null;
        try (AutoencoderModel parent = parent(variational, original);
             AutoencoderModel child = child(parent, fresh.schema(), variational, new Transfer(2, true))) {
            float[] encoder = parent.parameters().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 15 * 16 + 16 + 16 * (variational ? 6 : 3)
                    + (variational ? 6 : 3))).toFloatVector();
            assertArrayEquals(parent.predict(batch), child.predict(batch), "the child starts as its parent");
            double before = child.loss(batch);
            Expression.train(child, fresh, 5, 16);
            float[] tuned = child.parameters().toFloatVector();
            assertArrayEquals(encoder, java.util.Arrays.copyOf(tuned, encoder.length), "the frozen encoder");
            assertFalse(java.util.Arrays.equals(parent.parameters().toFloatVector(), tuned), "the decoder trained");
            assertTrue(child.loss(batch) < before, "fine-tuning fits the new samples: " + before + " -> " + child.loss(batch));
            predicted = child.predict(batch);
            if (variational) {
                samples = child.sample(10, 3, true);
            }
            child.save(saved);
        }
        try (AutoencoderModel loaded = (AutoencoderModel) family.load(saved, fresh.schema(), parameters(variational))) {
            assertArrayEquals(predicted, loaded.predict(batch), "reloaded predictions");
            if (variational) {
                assertArrayEquals(samples, loaded.sample(10, 3, true), "reloaded samples");
            }
        }
    }

    /**
     * {@code freeze: [encoder1, decoder0]} (not leading: the encoder's first layer trains) keeps exactly those layers bit
     * for bit under L2 and Adam, AE and VAE; a grandchild of the saved child that names {@code encoder0} keeps only that
     * layer and starts from the child's predictions. Unknown names and the output layer are refused, listing the layers.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void namedLayersKeepTheirWeightsAnywhereInTheStacks(boolean variational) throws IOException {
        Dataset original = Expression.lowRank(60, 15, 2, 0.1, 6).masked(0.1, 7);
        Dataset fresh = Expression.lowRank(60, 15, 2, 0.1, 16).masked(0.1, 17);
        Batch batch = Expression.all(fresh);
        Parameters penalised = PluginTests.valid(family.hyperParameters(), Map.of("variational", variational, "hidden", List.of(16),
                "latent", 3, "dropout", 0.2, "l2", 0.01), dir);
        Path saved = Files.createDirectories(dir.resolve("named"));
        float[] predicted;
        try (AutoencoderModel parent = parent(variational, original)) {
            assertEquals(List.of("encoder0", "encoder1", "decoder0", "decoder1"), parent.layerNames());
            assertTrue(parent.summary().contains("encoder1") && parent.summary().contains("decoder1"), parent.summary());
            ModelRequest request = new ModelRequest(fresh.schema(), penalised, ADAM, null, 7);
            try (AutoencoderModel child = (AutoencoderModel) family.transfer(parent, request,
                    Transfer.named(List.of("decoder0", "encoder1"), true))) {
                List<float[]> start = layers(child);
                Expression.train(child, fresh, 3, 16);
                assertEquals(List.of(false, true, true, false), kept(start, child), "frozen layers");
                predicted = child.predict(batch);
                child.save(saved);
            }
            assertEquals("the parent model has no layer named 'layer0': its layers are [encoder0, encoder1, decoder0, decoder1]",
                    assertThrows(IllegalArgumentException.class, () -> family.transfer(parent, request,
                            Transfer.named(List.of("layer0"), true))).getMessage());
            assertEquals("cannot freeze the output head 'decoder1': the head at least must train",
                    assertThrows(IllegalArgumentException.class, () -> family.transfer(parent, request,
                            Transfer.named(List.of("decoder1"), true))).getMessage());
        }
        try (AutoencoderModel child = (AutoencoderModel) family.load(saved, fresh.schema(), penalised);
             AutoencoderModel grandchild = (AutoencoderModel) family.transfer(child, new ModelRequest(fresh.schema(), penalised, ADAM,
                     null, 9), Transfer.named(List.of("encoder0"), true))) {
            assertArrayEquals(predicted, grandchild.predict(batch), "the child's predictions to start");
            List<float[]> start = layers(grandchild);
            Expression.train(grandchild, fresh, 2, 16);
            assertEquals(List.of(true, false, false, false), kept(start, grandchild), "only encoder0 frozen");
        }
    }

    private static List<float[]> layers(AutoencoderModel model) {
        return java.util.stream.IntStream.range(0, model.layerNames().size()).mapToObj(model::layerParameters).toList();
    }

    /** Per layer: whether {@code model} keeps the values of {@code start}. */
    private static List<Boolean> kept(List<float[]> start, AutoencoderModel model) {
        return java.util.stream.IntStream.range(0, start.size())
                .mapToObj(l -> java.util.Arrays.equals(start.get(l), model.layerParameters(l))).toList();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false})
    void refusesOtherGenesAndFreezingEveryLayer(boolean variational) throws IOException {
        Dataset original = Expression.lowRank(40, 15, 2, 0.1, 6).complete();
        try (AutoencoderModel parent = parent(variational, original)) {
            DatasetSchema fewer = Expression.schema(14, false);
            assertEquals("the parent model reconstructs 15 genes, the data has 14: an autoencoder fine-tunes on the genes it was trained on, "
                    + "in their order", assertThrows(IllegalArgumentException.class,
                    () -> child(parent, fewer, variational, new Transfer(0, true))).getMessage());
            List<String> renamed = new java.util.ArrayList<>(original.schema().outputs());
            renamed.set(4, "TP53");
            DatasetSchema other = new DatasetSchema(original.schema().featureShape(), "expression", original.schema().task(), renamed,
                    original.schema().attributes());
            assertEquals("the parent model reconstructs 15 genes, the data has 15, and gene 5 is 'TP53' where the parent's is 'g4': an "
                    + "autoencoder fine-tunes on the genes it was trained on, in their order", assertThrows(IllegalArgumentException.class,
                    () -> child(parent, other, variational, new Transfer(0, true))).getMessage());
            assertEquals("cannot freeze 4 layers of an autoencoder of 4 (encoder 2, decoder 2): the last at least must train",
                    assertThrows(IllegalArgumentException.class,
                            () -> child(parent, original.schema(), variational, new Transfer(4, true))).getMessage());
            try (AutoencoderModel allButLast = child(parent, original.schema(), variational, new Transfer(Transfer.ALL_BUT_HEAD, true))) {
                float[] start = allButLast.parameters().toFloatVector();
                Expression.train(allButLast, original, 1, 16);
                float[] end = allButLast.parameters().toFloatVector();
                int last = 15 * 16 + 16 + 16 * 3 + 3 + 3 * 16 + 16; // encoder, then the decoder's first layer
                assertArrayEquals(java.util.Arrays.copyOf(start, last), java.util.Arrays.copyOf(end, last), "all but the last layer");
                assertFalse(java.util.Arrays.equals(start, end));
            }
        }
    }
}
