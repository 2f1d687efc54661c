package org.genomod.model.rnn.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.model.Batch;
import org.genomod.api.model.Model;
import org.genomod.api.model.ModelRequest;
import org.genomod.api.model.SequenceFilterModel;
import org.genomod.api.model.Transfer;
import org.genomod.api.param.Parameters;
import org.genomod.api.train.EarlyStopping;
import org.genomod.api.train.TrainingOptions;
import org.genomod.dl4j.Dl4jModel;
import org.genomod.dl4j.FilterBankModel;
import org.genomod.testing.PluginTests;
import org.genomod.testing.Sequences;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fine-tuning from a saved RNN keeps the padding masks (the parent's network class comes along), saves and
 * reloads like any model, and a convolution front-end (DanQ) still shows its filters.
 */
class TransferTest {
    private static final TrainingOptions ADAM = new TrainingOptions(1, 32, "adam", 3e-3, 0, false, EarlyStopping.none());
    private final RnnModelFamily family = new RnnModelFamily();

    @TempDir
    Path dir;

    private Parameters parameters(Map<String, ?> raw) {
        return PluginTests.valid(family.hyperParameters(), raw, dir);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bilstm_average", "conv_bilstm_max"})
    void fineTunedModelMasksPaddingAndReloads(String variant) throws IOException {
        Map<String, Object> raw = RnnModelFamilyTest.VARIANTS.get(variant);
        DatasetSchema narrow = Sequences.schema(46);
        Path parentDir = Files.createDirectories(dir.resolve("parent"));
        Path childDir = Files.createDirectories(dir.resolve("child"));
        try (Model parent = family.create(new ModelRequest(narrow, parameters(raw), ADAM, null, 5))) {
            Sequences.plantedMotif(64, 20, 46, 46, "TGACTCA", 3).train(parent, 1, 32, 1);
            parent.save(parentDir);
        }
        String[] sequences = new String[12];
        Random random = new Random(9);
        for (int i = 0; i < sequences.length; i++) {
            sequences[i] = new String(Sequences.random(40, random));
        }
        Batch inNarrow = new Batch(sequences.length, RnnModelFamilyTest.centred(sequences, 46), null);
        float[] before;
        try (Model parent = family.load(parentDir, narrow, parameters(raw));
             Model child = family.transfer(parent, new ModelRequest(narrow, parameters(raw), ADAM, null, 7), new Transfer(1, true))) {
            float[] parentFirstLayer = first(parent);
            // another motif, padded sequences of 14 to 46 bases: training runs through the masks
            Sequences.plantedMotif(64, 14, 46, 46, "CACGTG", 4).train(child, 1, 32, 1);
            assertArrayEquals(parentFirstLayer, first(child), "the frozen first layer kept the parent's weights");
            assertFalse(Arrays.equals(parent.predict(inNarrow), child.predict(inNarrow)), "fine-tuning changed the model");
            assertEquals(variant.startsWith("conv"), child instanceof SequenceFilterModel, "a convolution front-end shows its filters");
            if (child instanceof SequenceFilterModel filters) {
                assertEquals(8, filters.filterCount());
                assertEquals(5, filters.filterWidth());
                float[] activations = filters.filterActivations(inNarrow);
                assertEquals(sequences.length * (46 - 5 + 1) * 8, activations.length);
                for (float a : activations) {
                    assertTrue(a >= 0, "ReLU activations: " + a);
                }
            }
            before = child.predict(inNarrow);
            child.save(childDir);
        }
        try (Model loaded = family.load(childDir, narrow, parameters(raw))) {
            assertArrayEquals(before, loaded.predict(inNarrow), "reloaded predictions");
        }
        // the same sequences with 12 more positions of padding, 6 on each side (a multiple of the front-end's pool size)
        try (Model wide = family.load(childDir, Sequences.schema(58), parameters(raw))) {
            float[] padded = wide.predict(new Batch(sequences.length, RnnModelFamilyTest.centred(sequences, 58), null));
            assertArrayEquals(before, padded, 1e-5f, "padding left out of the fine-tuned model's predictions");
        }
    }

    /**
     * {@code freeze: [<the BiLSTM>]} of a DanQ-style model keeps the recurrent layer's weights while the convolution
     * before it and the head train (not a prefix); the model reloads with equal predictions and still masks padding.
     */
    @org.junit.jupiter.api.Test
    void namedRecurrentLayerStaysFrozenBehindATrainingConvolution() throws IOException {
        Map<String, Object> raw = RnnModelFamilyTest.VARIANTS.get("conv_bilstm_max");
        DatasetSchema narrow = Sequences.schema(46);
        Path childDir = Files.createDirectories(dir.resolve("named"));
        String[] sequences = new String[12];
        Random random = new Random(9);
        for (int i = 0; i < sequences.length; i++) {
            sequences[i] = new String(Sequences.random(40, random));
        }
        Batch inNarrow = new Batch(sequences.length, RnnModelFamilyTest.centred(sequences, 46), null);
        float[] before;
        try (Model parent = family.create(new ModelRequest(narrow, parameters(raw), ADAM, null, 5))) {
            Sequences.plantedMotif(64, 20, 46, 46, "TGACTCA", 3).train(parent, 1, 32, 1);
            org.deeplearning4j.nn.multilayer.MultiLayerNetwork stack = network(parent).multiLayerNetwork();
            java.util.List<String> names = Dl4jModel.layerNames(stack);
            int recurrent = java.util.stream.IntStream.range(0, names.size()).filter(i -> stack.getLayerWiseConfigurations().getConf(i)
                    .getLayer() instanceof org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional).findFirst().orElseThrow();
            assertTrue(recurrent > 0, "the convolution comes first: " + names);
            try (Model child = family.transfer(parent, new ModelRequest(narrow, parameters(raw), ADAM, null, 7),
                    Transfer.named(java.util.List.of(names.get(recurrent)), true))) {
                Sequences.plantedMotif(64, 14, 46, 46, "CACGTG", 4).train(child, 1, 32, 1);
                org.deeplearning4j.nn.multilayer.MultiLayerNetwork tuned = network(child).multiLayerNetwork();
                assertEquals(stack.getLayer(recurrent).params(), tuned.getLayer(recurrent).params(), "the BiLSTM keeps its weights");
                assertFalse(stack.getLayer(0).params().equals(tuned.getLayer(0).params()), "the convolution trains");
                before = child.predict(inNarrow);
                child.save(childDir);
            }
        }
        try (Model loaded = family.load(childDir, narrow, parameters(raw))) {
            assertArrayEquals(before, loaded.predict(inNarrow), "reloaded predictions");
        }
        try (Model wide = family.load(childDir, Sequences.schema(58), parameters(raw))) {
            float[] padded = wide.predict(new Batch(sequences.length, RnnModelFamilyTest.centred(sequences, 58), null));
            assertArrayEquals(before, padded, 1e-5f, "padding left out of the fine-tuned model's predictions");
        }
    }

    private static Dl4jModel network(Model model) {
        return model instanceof FilterBankModel filters ? filters.network() : assertInstanceOf(Dl4jModel.class, model);
    }

    /** The first layer's parameters. */
    private static float[] first(Model model) {
        Dl4jModel network = model instanceof FilterBankModel filters ? filters.network() : assertInstanceOf(Dl4jModel.class, model);
        float[] values = network.multiLayerNetwork().getLayer(0).params().dup().toFloatVector();
        assertTrue(values.length > 0);
        return values;
    }
}
