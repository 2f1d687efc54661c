package org.genomod.model.cnn.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Arrays;
import java.util.Map;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;
import org.genomod.api.model.Model;
import org.genomod.api.model.ModelFamily;
import org.genomod.api.model.ModelRequest;
import org.genomod.api.param.Parameters;
import org.genomod.api.train.EarlyStopping;
import org.genomod.api.train.TrainingOptions;
import org.genomod.testing.Sequences;
import org.genomod.testing.PluginTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CnnModelFamilyTest {
    private static final TrainingOptions ADAM = new TrainingOptions(6, 64, "adam", 3e-3, 0, false, EarlyStopping.none());

    private final CnnModelFamily family = new CnnModelFamily();

    @TempDir
    Path dir;

    private Parameters parameters(Map<String, ?> raw) {
        return PluginTests.valid(family.hyperParameters(), raw, dir);
    }

    private Model create(DatasetSchema schema, Map<String, ?> raw, long seed) {
        return family.create(new ModelRequest(schema, parameters(raw), ADAM, null, seed));
    }

    @Test
    void isRegisteredAsTheCnnFamily() throws IOException {
        // bnd writes the component descriptor from the @Component annotation before the tests run
        Path descriptor = Path.of("target/classes/OSGI-INF", CnnModelFamily.class.getName() + ".xml");
        String xml = Files.readString(descriptor);
        assertTrue(xml.contains("interface=\"" + ModelFamily.class.getName() + "\""), xml);
        assertTrue(xml.contains("name=\"" + ModelFamily.SERVICE_PROPERTY + "\"") && xml.contains("value=\"cnn\""), xml);
    }

    @Test
    void defaultArchitectureFindsAPlantedMotif() {
        Sequences data = Sequences.plantedMotif(2500, 80, "TGACTCA", 11);
        Sequences train = data.slice(0, 2000);
        Sequences test = data.slice(2000, 2500);
        try (Model model = create(data.schema(), Map.of(), 5)) {
            double firstLoss = train.train(model, 1, 64, 1);
            double lastLoss = train.train(model, 5, 64, 2);
            double auroc = Sequences.auroc(model.predict(test.all()), test.labels());
            assertTrue(lastLoss < firstLoss / 2, "training loss " + firstLoss + " -> " + lastLoss);
            assertTrue(auroc >= 0.9, "held-out AUROC " + auroc);
        }
    }

    @Test
    void denseLayersReadEveryPositionWhenTheLastConvolutionIsNotPooled() {
        // position-specific models (splice sites) keep the positions: no pooling before the dense layers
        Sequences data = Sequences.plantedMotif(200, 60, "TGACTCA", 13);
        try (Model model = create(data.schema(), Map.of("filters", java.util.List.of(8), "widths", java.util.List.of(7),
                "pooling", java.util.List.of(0), "dense", java.util.List.of(16)), 5)) {
            data.train(model, 1, 64, 1);
            assertEquals(200, model.predict(data.all()).length);
            assertEquals(4 * 7 * 8 + 8 + 60 * 8 * 16 + 16 + 16 + 1, model.parameterCount());
        }
    }

    @Test
    void bothStrandsLearnsFromOneStrandAndFindsTheMotifOnTheOther() throws IOException {
        // a non-palindromic motif planted only as given; the test plants its reverse complement
        Sequences data = Sequences.plantedMotif(2400, 60, "GGATTAC", 21);
        Map<String, Object> raw = Map.of("strands", "both", "filters", List.of(16), "widths", List.of(9), "pooling", List.of(-1),
                "dense", List.of(16));
        Sequences sample = Sequences.plantedMotif(64, 60, "GGATTAC", 23);
        float[] before;
        try (Model model = create(data.schema(), raw, 3)) {
            data.train(model, 4, 64, 4);
            Sequences test = Sequences.plantedMotif(400, 60, "GTAATCC", 24);
            double auroc = Sequences.auroc(model.predict(test.all()), test.labels());
            assertTrue(auroc >= 0.9, "held-out AUROC with the motif on the other strand " + auroc);
            before = model.predict(sample.all());
            assertArrayEquals(before, model.predict(BothStrands.reverseComplement(sample.all(), 240)),
                    "a sequence and its reverse complement score the same");
            model.save(dir);
        }
        try (Model loaded = family.load(dir, data.schema(), parameters(raw))) {
            assertArrayEquals(before, loaded.predict(sample.all()));
        }
        DatasetSchema protein = new DatasetSchema(List.of(60, 21), "protein-one-hot", TaskType.BINARY, List.of("motif"), null);
        List<String> problems = family.check(protein, parameters(Map.of("strands", "both", "pooling", List.of(0, -1))));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("strands: both needs DNA or RNA one-hot sequences")), problems.toString());
    }

    @Test
    void savedModelLoadsWithIdenticalPredictions() throws IOException {
        Sequences data = Sequences.plantedMotif(300, 60, "TGACTCA", 12);
        Map<String, Object> raw = Map.of("dropout", 0.5, "batch_norm", true);
        float[] before;
        long parameters;
        try (Model model = create(data.schema(), raw, 5)) {
            data.train(model, 1, 64, 1);
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
    void sameSeedSameInitialModel() {
        Sequences data = Sequences.plantedMotif(100, 60, "TGACTCA", 13);
        try (Model a = create(data.schema(), Map.of(), 42);
             Model b = create(data.schema(), Map.of(), 42);
             Model c = create(data.schema(), Map.of(), 43)) {
            float[] first = a.predict(data.all());
            assertArrayEquals(first, b.predict(data.all()));
            assertFalse(Arrays.equals(first, c.predict(data.all())));
        }
    }

    @Test
    void createRefusesArchitecturesThatDoNotFit() {
        Sequences data = Sequences.plantedMotif(10, 20, "TGACTCA", 14);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> create(data.schema(), Map.of("preset", "deepbind"), 1));
        assertTrue(e.getMessage().contains("wider than the 20 positions"), e.getMessage());
    }
}
