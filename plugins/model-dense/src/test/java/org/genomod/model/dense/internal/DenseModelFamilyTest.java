package org.genomod.model.dense.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;
import org.genomod.api.model.Model;
import org.genomod.api.model.ModelFamily;
import org.genomod.api.model.ModelRequest;
import org.genomod.api.model.Transfer;
import org.genomod.api.param.ParameterException;
import org.genomod.api.param.Parameters;
import org.genomod.api.train.EarlyStopping;
import org.genomod.api.train.TrainingOptions;
import org.genomod.dl4j.Dl4jModel;
import org.genomod.testing.PluginTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DenseModelFamilyTest {
    private static final TrainingOptions ADAM = new TrainingOptions(10, 32, "adam", 3e-3, 0, false, EarlyStopping.none());

    private final DenseModelFamily family = new DenseModelFamily();

    @TempDir
    Path dir;

    private Parameters parameters(Map<String, ?> raw) {
        return PluginTests.valid(family.hyperParameters(), raw, dir);
    }

    private Model create(DatasetSchema schema, Map<String, ?> raw, long seed) {
        return family.create(new ModelRequest(schema, parameters(raw), ADAM, null, seed));
    }

    private List<String> rejected(Map<String, ?> raw) {
        return assertThrows(ParameterException.class, () -> family.hyperParameters().validate(raw, dir)).problems();
    }

    /**
     * One-hot sequences of 30 positions with a planted base at a fixed position for class 1, so the network
     * must read every position of the flattened [length, 4] input.
     */
    private static Examples oneHot(int count, long seed) {
        DatasetSchema schema = new DatasetSchema(List.of(30, 4), "dna-one-hot", TaskType.BINARY, List.of("site"), null);
        Random random = new Random(seed);
        float[] features = new float[count * 120];
        float[] labels = new float[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % 2;
            for (int position = 0; position < 30; position++) {
                int base = position == 12 && labels[i] == 1 ? 2 : random.nextInt(4);
                if (position == 12 && labels[i] == 0 && base == 2) {
                    base = 3; // never a G at the site without it
                }
                features[i * 120 + position * 4 + base] = 1;
            }
        }
        return new Examples(schema, count, features, labels);
    }

    @Test
    void isRegisteredAsTheDenseFamily() throws IOException {
        String xml = PluginTests.descriptorOnOneLine(DenseModelFamily.class);
        assertTrue(xml.contains("interface=\"" + ModelFamily.class.getName() + "\""), xml);
        assertTrue(xml.contains("name=\"" + ModelFamily.SERVICE_PROPERTY + "\"") && xml.contains("value=\"dense\""), xml);
    }

    @Test
    void unknownAndIllTypedHyperParametersAreRejectedWithWhatIsAccepted() {
        List<String> problems = rejected(Map.of("hiden", List.of(16)));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("unknown parameter 'hiden' (known: hidden, activation, dropout, input_dropout, input_l1,"),
                problems.get(0));

        Map<String, Object> raw = new HashMap<>();
        raw.put("hidden", List.of(64, "wide"));
        raw.put("dropout", "lots");
        raw.put("input_l1", -0.1);
        raw.put("activation", "sigmoid");
        raw.put("batch_norm", "yes");
        problems = rejected(raw);
        assertEquals(List.of(
                "parameter 'hidden' must be a list of integers in [1, 65536], got 'wide'",
                "parameter 'activation' must be one of relu, leakyrelu, elu, selu, gelu, tanh, got 'sigmoid'",
                "parameter 'dropout' must be a number in [0, 0.95], got 'lots'",
                "parameter 'input_l1' must be a number in [0, 1], got -0.1",
                "parameter 'batch_norm' must be true or false, got 'yes'"), problems);
        assertEquals(List.of("parameter 'hidden' must be a list of integers in [1, 65536], got 0"), rejected(Map.of("hidden", List.of(0))));
    }

    @Test
    void checkReportsCombinationsThatCannotWork() {
        DatasetSchema binary = oneHot(2, 1).schema();
        assertEquals(List.of(), family.check(binary, parameters(Map.of())));
        assertEquals(List.of("loss mae is for regression; a binary task takes cross_entropy or mse"),
                family.check(binary, parameters(Map.of("loss", "mae"))));
        List<String> problems = family.check(binary, parameters(Map.of("input_init_scale", 0)));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("input_init_scale 0 would start every unit of the first hidden layer equal"), problems.get(0));
        assertEquals(List.of(), family.check(binary, parameters(Map.of("input_init_scale", 0, "hidden", List.of()))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> create(binary, Map.of("loss", "mae"), 1));
        assertTrue(e.getMessage().contains("loss mae is for regression"), e.getMessage());
    }

    @Test
    void learnsFromFlattenedOneHotSequences() {
        Examples train = oneHot(600, 3);
        Examples test = oneHot(200, 4);
        try (Model model = create(train.schema(), Map.of(), 5)) {
            assertEquals(120 * 16 + 16 + 16 + 1, model.parameterCount());
            Fitting.fit(model, train, null, 10, 32, 0, 6);
            double accuracy = test.accuracy(model.predict(test.all()));
            assertTrue(accuracy >= 0.95, "held-out accuracy " + accuracy);
        }
    }

    @Test
    void regressionPredictsValues() {
        // one target, the mean of the first five features
        DatasetSchema schema = new DatasetSchema(List.of(20), "expression", TaskType.REGRESSION, List.of("mean"), null);
        Random random = new Random(8);
        int n = 400;
        float[] x = new float[n * 20];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 20; j++) {
                x[i * 20 + j] = (float) random.nextGaussian();
            }
            for (int j = 0; j < 5; j++) {
                y[i] += x[i * 20 + j] / 5;
            }
        }
        Examples data = new Examples(schema, n, x, y);
        try (Model model = create(schema, Map.of("dropout", 0, "input_l1", 0), 9)) {
            double before = model.loss(data.all());
            Fitting.fit(model, data, null, 30, 32, 0, 10);
            double after = model.loss(data.all());
            assertTrue(after < before / 5 && after < 0.05, "mse " + before + " -> " + after);
        }
    }

    @Test
    void savedModelLoadsWithIdenticalPredictions() throws IOException {
        Examples data = oneHot(200, 11);
        Map<String, Object> raw = Map.of("hidden", List.of(16, 8), "batch_norm", true, "input_dropout", 0.1);
        float[] before;
        long parameters;
        try (Model model = create(data.schema(), raw, 5)) {
            Fitting.fit(model, data, null, 2, 32, 0, 1);
            before = model.predict(data.all());
            parameters = model.parameterCount();
            model.save(dir);
        }
        try (Model loaded = family.load(dir, data.schema(), parameters(raw))) {
            assertArrayEquals(before, loaded.predict(data.all()));
            assertEquals(parameters, loaded.parameterCount());
        }
    }

    @Test
    void transferKeepsTheParentAndTrainsANewHeadOnItsFeatures() {
        Examples train = oneHot(600, 3);
        Examples test = oneHot(200, 4);
        try (Model parent = create(train.schema(), Map.of(), 5)) {
            Fitting.fit(parent, train, null, 10, 32, 0, 6);
            float[] parentPredictions = parent.predict(test.all());
            ModelRequest request = new ModelRequest(train.schema(), parameters(Map.of()), ADAM, null, 21);
            try (Model child = family.transfer(parent, request, new Transfer(Transfer.ALL_BUT_HEAD, true))) {
                assertEquals(parent.parameterCount(), child.parameterCount());
                Fitting.fit(child, train.select(IntStream.range(0, 60).toArray()), null, 10, 16, 0, 7);
                double accuracy = test.accuracy(child.predict(test.all()));
                assertTrue(accuracy >= 0.9, "held-out accuracy of the new head on frozen features " + accuracy);
            }
            assertArrayEquals(parentPredictions, parent.predict(test.all()), "the parent is left as it was");
        }
    }

    /**
     * Named layers keep the parent's weights, the others train: {@code [layer3]} is the second hidden layer alone
     * (not a prefix: the first hidden layer and its batch normalisation before it train), {@code [layer0, layer1,
     * layer2]} the first hidden layer with its batch normalisation; under L2 and dropout. The fine-tuned model
     * reloads with equal predictions; a name the model does not have is refused with the names it has, and a batch
     * normalisation after a trainable layer cannot be frozen.
     */
    @Test
    void transferFreezesNamedLayers() throws IOException {
        Examples train = oneHot(300, 3);
        Map<String, Object> raw = Map.of("hidden", List.of(16, 8), "batch_norm", true, "l2", 1e-3, "dropout", 0.2);
        try (Model parent = create(train.schema(), raw, 5)) {
            Fitting.fit(parent, train, null, 3, 32, 0, 6);
            MultiLayerNetwork stack = ((Dl4jModel) parent).multiLayerNetwork();
            List<String> names = Dl4jModel.layerNames(stack);
            assertEquals(List.of("layer0", "layer1", "layer2", "layer3", "layer4", "layer5", "layer6"), names);
            assertTrue(parent.summary().contains("layer3"), parent.summary());
            ModelRequest request = new ModelRequest(train.schema(), parameters(raw), ADAM, null, 21);
            float[] predicted;
            try (Model child = family.transfer(parent, request, Transfer.named(List.of("layer3"), true))) {
                Fitting.fit(child, train, null, 3, 32, 0, 7);
                MultiLayerNetwork tuned = ((Dl4jModel) child).multiLayerNetwork();
                assertEquals(stack.getLayer(3).params(), tuned.getLayer(3).params(), "layer3 keeps the parent's weights");
                assertNotEquals(stack.getLayer(0).params(), tuned.getLayer(0).params(), "layer0 trains");
                assertNotEquals(stack.getLayer(1).params(), tuned.getLayer(1).params(), "layer1 trains");
                assertEquals(names, Dl4jModel.layerNames(tuned), "the summary's names stay");
                predicted = child.predict(train.all());
                child.save(dir);
            }
            try (Model loaded = family.load(dir, train.schema(), parameters(raw))) {
                assertArrayEquals(predicted, loaded.predict(train.all()), "reloaded predictions");
            }
            try (Model child = family.transfer(parent, request, Transfer.named(List.of("layer2", "layer0", "layer1"), true))) {
                Fitting.fit(child, train, null, 3, 32, 0, 7);
                MultiLayerNetwork tuned = ((Dl4jModel) child).multiLayerNetwork();
                assertEquals(stack.getLayer(0).params(), tuned.getLayer(0).params(), "layer0 keeps the parent's weights");
                assertEquals(stack.getLayer(1).params(), tuned.getLayer(1).params(), "layer1 keeps its running statistics");
                assertNotEquals(stack.getLayer(3).params(), tuned.getLayer(3).params(), "layer3 trains");
            }
            IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                    () -> family.transfer(parent, request, Transfer.named(List.of("dense1"), true)));
            assertEquals("the parent model has no layer named 'dense1': its layers are " + names, unknown.getMessage());
            IllegalArgumentException normalisation = assertThrows(IllegalArgumentException.class,
                    () -> family.transfer(parent, request, Transfer.named(List.of("layer3", "layer4"), true)));
            assertTrue(normalisation.getMessage().startsWith("cannot freeze the batch normalisation 'layer4' while layers before it train"),
                    normalisation.getMessage());
        }
    }

    @Test
    void sameSeedSameInitialModel() {
        Examples data = oneHot(50, 13);
        try (Model a = create(data.schema(), Map.of(), 42);
             Model b = create(data.schema(), Map.of(), 42);
             Model c = create(data.schema(), Map.of(), 43)) {
            float[] first = a.predict(data.all());
            assertArrayEquals(first, b.predict(data.all()));
            assertFalse(Arrays.equals(first, c.predict(data.all())));
        }
    }
}
