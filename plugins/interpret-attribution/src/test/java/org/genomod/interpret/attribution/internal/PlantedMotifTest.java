package org.genomod.interpret.attribution.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.genomod.api.model.DifferentiableModel;
import org.genomod.api.model.Model;
import org.genomod.api.model.ModelRequest;
import org.genomod.api.train.EarlyStopping;
import org.genomod.api.train.TrainingOptions;
import org.genomod.model.cnn.internal.CnnModelFamily;
import org.genomod.testing.PluginTests;
import org.genomod.testing.Sequences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attribution on a CNN trained to find a planted motif puts its strongest window on the motif. */
class PlantedMotifTest {
    private static final String MOTIF = "TGACTCA";
    private static final int LENGTH = 60;

    @TempDir
    Path dir;

    @Test
    void theTopAttributionWindowCoversThePlantedMotifInMostPositives() throws IOException {
        Sequences data = Sequences.plantedMotif(2400, LENGTH, MOTIF, 21);
        Sequences train = data.slice(0, 2000);
        Sequences test = data.slice(2000, 2400);
        CnnModelFamily family = new CnnModelFamily();
        TrainingOptions adam = new TrainingOptions(5, 64, "adam", 3e-3, 0, false, EarlyStopping.none());
        try (Model model = family.create(new ModelRequest(data.schema(), PluginTests.valid(family.hyperParameters(),
                Map.of("strands", "both"), dir), adam, null, 4))) {
            train.train(model, 5, 64, 1);
            double auroc = Sequences.auroc(model.predict(test.all()), test.labels());
            assertTrue(auroc > 0.95, "the CNN did not learn the motif: held-out AUROC " + auroc);
            assertTrue(model instanceof DifferentiableModel);
            ArrayDataset held = new ArrayDataset(test.schema(), test.size(), test.features(), test.labels());
            AttributionInterpreter interpreter = new AttributionInterpreter();
            for (String method : List.of("gradient_x_input", "integrated_gradients")) {
                Path out = dir.resolve(method);
                Map<String, Object> summary = interpreter.interpret(new org.genomod.api.interpret.InterpretationRequest(model, held,
                        PluginTests.valid(interpreter.parameters(), Map.of("method", method), dir), out, null));
                double fraction = fractionOnMotif(held, out.resolve(AttributionTable.FILE));
                System.out.printf("%s: top %d-base attribution window on the planted motif in %.3f of %d positives (AUROC %.3f)%s%n",
                        method, MOTIF.length(), fraction, test.size() / 2, auroc,
                        summary.containsKey("completeness_error") ? ", completeness error " + summary.get("completeness_error") : "");
                assertTrue(fraction >= 0.8, method + ": top window on the motif in only " + fraction + " of positives");
                assertEquals(3, ((List<?>) summary.get("logos")).size());
                if (summary.containsKey("completeness_error")) {
                    assertTrue((Double) summary.get("completeness_error") < 0.05, "completeness error " + summary.get("completeness_error"));
                }
            }
        }
    }

    /** Of the positives, those whose highest-scoring window of the motif's width overlaps the planted motif. */
    private static double fractionOnMotif(ArrayDataset data, Path table) throws IOException {
        Map<String, double[]> byId = new HashMap<>();
        for (String line : Files.readAllLines(table).subList(1, 1 + data.size() * LENGTH)) {
            String[] fields = line.split("\t");
            double sum = 0;
            for (int c = 2; c < 6; c++) {
                sum += Double.parseDouble(fields[c]);
            }
            byId.computeIfAbsent(fields[0], id -> new double[LENGTH])[Integer.parseInt(fields[1]) - 1] = sum;
        }
        int positives = 0;
        int hits = 0;
        for (int e = 0; e < data.size(); e++) {
            if (data.labels()[e] != 1) {
                continue;
            }
            positives++;
            int planted = sequence(data, e).indexOf(MOTIF);
            double[] attribution = byId.get(data.id(e));
            int best = 0;
            double bestSum = Double.NEGATIVE_INFINITY;
            for (int start = 0; start + MOTIF.length() <= LENGTH; start++) {
                double sum = 0;
                for (int p = start; p < start + MOTIF.length(); p++) {
                    sum += attribution[p];
                }
                if (sum > bestSum) {
                    bestSum = sum;
                    best = start;
                }
            }
            if (Math.abs(best - planted) < MOTIF.length()) {
                hits++;
            }
        }
        return (double) hits / positives;
    }

    private static String sequence(ArrayDataset data, int e) {
        StringBuilder s = new StringBuilder();
        for (int p = 0; p < LENGTH; p++) {
            for (int c = 0; c < 4; c++) {
                if (data.features()[(e * LENGTH + p) * 4 + c] == 1) {
                    s.append(Sequences.ALPHABET.charAt(c));
                }
            }
        }
        return s.toString();
    }
}
