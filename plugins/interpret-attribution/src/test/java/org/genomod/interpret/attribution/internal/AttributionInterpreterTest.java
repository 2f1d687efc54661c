package org.genomod.interpret.attribution.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;
import org.genomod.api.interpret.InterpretationRequest;
import org.genomod.api.interpret.Interpreter;
import org.genomod.api.model.Model;
import org.genomod.testing.PluginTests;
import org.genomod.testing.Sequences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttributionInterpreterTest {
    private static final DatasetSchema FLAT = new DatasetSchema(List.of(3), "test", TaskType.BINARY, List.of("case"), null);

    private final AttributionInterpreter interpreter = new AttributionInterpreter();

    @TempDir
    Path dir;

    private Map<String, Object> run(Model model, ArrayDataset data, Map<String, ?> raw) throws IOException {
        return interpreter.interpret(new InterpretationRequest(model, data,
                PluginTests.valid(interpreter.parameters(), raw, dir), dir.resolve("out"), null));
    }

    private static ArrayDataset gaussian(DatasetSchema schema, int size, long seed) {
        Random random = new Random(seed);
        float[] x = new float[size * schema.featureSize()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        float[] y = new float[size];
        for (int e = 0; e < size; e++) {
            y[e] = e % 2;
        }
        return new ArrayDataset(schema, size, x, y);
    }

    @Test
    void isRegisteredAsTheAttributionInterpreter() throws IOException {
        String xml = Files.readString(Path.of("target/classes/OSGI-INF", AttributionInterpreter.class.getName() + ".xml"));
        assertTrue(xml.contains("interface=\"" + Interpreter.class.getName() + "\""), xml);
        assertTrue(xml.contains("name=\"" + Interpreter.SERVICE_PROPERTY + "\"") && xml.contains("value=\"attribution\""), xml);
    }

    @Test
    void gradientTimesInputOfALinearModelIsWeightTimesInput() throws IOException {
        QuadraticModel model = new QuadraticModel(FLAT, new float[] {2, -1, 0.5f}, new float[3]);
        ArrayDataset data = gaussian(FLAT, 5, 1);
        Map<String, Object> summary = run(model, data, Map.of());
        assertEquals("gradient_x_input", summary.get("method"));
        assertEquals("case", summary.get("output"));
        assertEquals(5, summary.get("sequences"));
        assertFalse(summary.containsKey("logos"), "no logos for inputs that are not one-hot sequences");
        List<String> lines = Files.readAllLines(dir.resolve("out/attributions.tsv"));
        assertEquals("id\tf1\tf2\tf3", lines.get(0));
        assertEquals(6, lines.size());
        String[] second = lines.get(2).split("\t");
        assertEquals("s2", second[0]);
        for (int j = 0; j < 3; j++) {
            assertEquals(new float[] {2, -1, 0.5f}[j] * data.features()[3 + j], Float.parseFloat(second[j + 1]), 1e-6);
        }
        try (var files = Files.list(dir.resolve("out"))) {
            assertEquals(List.of("attributions.tsv"), files.map(p -> p.getFileName().toString()).toList(), "no partial file left");
        }
    }

    @Test
    void integratedGradientsAccountForTheWholeChangeOfScore() throws IOException {
        // quadratic log-odds: the gradient is linear along the path, so the trapezoidal rule integrates it exactly
        QuadraticModel model = new QuadraticModel(FLAT, new float[] {0.3f, -0.7f, 0.2f}, new float[] {0.5f, -0.4f, 0.3f});
        ArrayDataset data = gaussian(FLAT, 20, 2);
        Map<String, Object> summary = run(model, data, Map.of("method", "integrated_gradients", "steps", 4));
        double error = (Double) summary.get("completeness_error");
        System.out.println("integrated gradients completeness error (quadratic model, 4 steps): " + error);
        assertTrue(error < 1e-4, "completeness error " + error);
        // gradient × input is not complete for a non-linear model: the same check must see the difference
        List<String> ig = Files.readAllLines(dir.resolve("out/attributions.tsv"));
        double sum = 0;
        for (String field : ig.get(1).split("\t")) {
            sum += field.startsWith("s") ? 0 : Double.parseDouble(field);
        }
        assertEquals(model.logOdds(data.features(), 0) - model.logOdds(new float[3], 0), sum, 1e-4);
    }

    @Test
    void theOutputIsChosenByNameOrIndexAndUnknownOnesAreNamed() {
        DatasetSchema labels = new DatasetSchema(List.of(3), "test", TaskType.MULTILABEL, List.of("a", "b"), null);
        assertEquals(1, AttributionOptions.output("b", labels));
        assertEquals(1, AttributionOptions.output("1", labels));
        assertEquals(0, AttributionOptions.output(null, labels));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AttributionOptions.output("c", labels));
        assertTrue(e.getMessage().contains("'c'") && e.getMessage().contains("[a, b]"), e.getMessage());
    }

    @Test
    void aModelWithoutGradientsIsRefused() {
        Model plain = new NonDifferentiable(FLAT);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run(plain, gaussian(FLAT, 2, 3), Map.of()));
        assertTrue(e.getMessage().contains("input gradients"), e.getMessage());
    }

    @Test
    void uniformBaselineNeedsSequences() {
        QuadraticModel model = new QuadraticModel(FLAT, new float[3], new float[3]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run(model, gaussian(FLAT, 2, 4), Map.of("baseline", "uniform")));
        assertTrue(e.getMessage().contains("[length, channels]"), e.getMessage());
    }

    @Test
    void sequencesGetOneRowPerPositionAndLogosOfTheTopPositives() throws IOException {
        Sequences sequences = Sequences.plantedMotif(10, 12, "ACGT", 5);
        DatasetSchema schema = sequences.schema();
        float[] w = new float[schema.featureSize()];
        for (int i = 0; i < w.length; i++) {
            w[i] = (i % 4) - 1.5f;
        }
        QuadraticModel model = new QuadraticModel(schema, w, new float[w.length]);
        ArrayDataset data = new ArrayDataset(schema, 10, sequences.features(), sequences.labels());
        Map<String, Object> summary = run(model, data, Map.of("logo_sequences", 2, "baseline", "uniform"));
        List<String> lines = Files.readAllLines(dir.resolve("out/attributions.tsv"));
        assertEquals("id\tposition\tA\tC\tG\tT", lines.get(0));
        assertEquals(1 + 10 * 12, lines.size());
        assertTrue(lines.get(12).startsWith("s1\t12\t"), lines.get(12));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> logos = (List<Map<String, Object>>) summary.get("logos");
        assertEquals(2, logos.size());
        float[] p = model.predict(sequences.all());
        for (Map<String, Object> logo : logos) {
            assertEquals("ACGT", logo.get("alphabet"));
            assertEquals(12, ((List<?>) logo.get("scores")).size());
            int index = Integer.parseInt(((String) logo.get("id")).substring(1)) - 1;
            assertEquals(1f, data.labels()[index], "logos are of positives");
        }
        int first = Integer.parseInt(((String) logos.get(0).get("id")).substring(1)) - 1;
        int second = Integer.parseInt(((String) logos.get(1).get("id")).substring(1)) - 1;
        assertTrue(p[first] >= p[second], "highest score first");
        for (int e = 0; e < 10; e += 2) {
            assertTrue(p[e] <= p[second] || e == first || e == second, "no better positive was left out");
        }
    }
}
