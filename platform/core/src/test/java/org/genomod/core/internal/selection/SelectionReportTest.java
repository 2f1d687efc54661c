package org.genomod.core.internal.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.genomod.api.train.TrainingOptions;
import org.genomod.core.internal.selection.ModelSelection.FoldScore;
import org.genomod.core.internal.selection.ModelSelection.Outcome;
import org.genomod.core.internal.selection.ModelSelection.TrialScore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelectionReportTest {
    private static Trial trial(int number, Object hidden, double rate) {
        Map<String, Object> assignment = new LinkedHashMap<>();
        assignment.put("model.hidden", hidden);
        assignment.put("training.learning_rate", rate);
        return new Trial(number, assignment, null, TrainingOptions.defaults());
    }

    private static final TrialScore FIRST = new TrialScore(trial(1, List.of(64), 0.01),
            List.of(new FoldScore(1, 0.8, 10, 7, 1.25), new FoldScore(2, 0.9, 12, 12, 1.5)));
    private static final TrialScore SECOND = new TrialScore(trial(2, List.of(128, 64), 0.001),
            List.of(new FoldScore(1, 0.7, 20, 20, 2.0), new FoldScore(2, Double.NaN, 20, 3, 2.0)));
    private static final Outcome OUTCOME = new Outcome("auroc", true, 2, List.of(FIRST, SECOND), FIRST);

    @Test
    void theTableHasOneRowPerTrialAndFold(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(SelectionReport.TABLE);
        SelectionReport.writeTable(file, OUTCOME);
        assertEquals(List.of(
                "trial\tmodel.hidden\ttraining.learning_rate\tfold\tauroc\tbest_epoch\tepochs\tseconds",
                "1\t[64]\t0.01\t1\t0.800000\t7\t10\t1.250",
                "1\t[64]\t0.01\t2\t0.900000\t12\t12\t1.500",
                "2\t[128, 64]\t0.001\t1\t0.700000\t20\t20\t2.000",
                "2\t[128, 64]\t0.001\t2\tNaN\t3\t20\t2.000"), Files.readAllLines(file));
        assertEquals(List.of(SelectionReport.TABLE), Files.list(dir).map(p -> p.getFileName().toString()).toList(), "no temp file left");
    }

    @Test
    void valuesAreWrittenAsASpecWritesThem() {
        assertEquals("0.0001", SelectionReport.written(1e-4));
        assertEquals("100", SelectionReport.written(100.0));
        assertEquals("[0.00003, 64]", SelectionReport.written(List.of(3e-5, 64)));
        assertEquals("adam", SelectionReport.written("adam"));
    }

    @Test
    void metricsHoldAFlatMapPerTrialAndTheBest() {
        Map<String, Object> m = SelectionReport.toMetrics(OUTCOME, "grid");
        assertEquals("grid", m.get("method"));
        assertEquals("auroc", m.get("metric"));
        assertEquals("max", m.get("goal"));
        assertEquals(2, m.get("folds"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> trials = (List<Map<String, Object>>) m.get("trials");
        assertEquals(2, trials.size());
        Map<String, Object> first = trials.get(0);
        assertEquals(List.of("trial", "model.hidden", "training.learning_rate", "auroc", "auroc_sd", "epochs", "seconds"),
                List.copyOf(first.keySet()));
        assertEquals("[64]", first.get("model.hidden"));
        assertEquals(0.01, first.get("training.learning_rate"));
        assertEquals(0.85, (Double) first.get("auroc"), 1e-12);
        assertEquals(Math.sqrt(0.005), (Double) first.get("auroc_sd"), 1e-12);
        assertEquals(11.0, first.get("epochs"));
        assertEquals(2.75, first.get("seconds"));
        assertEquals(null, trials.get(1).get("auroc"), "a mean over an undefined fold is null, never NaN");
        assertEquals(first, m.get("best"));
        assertTrue(trials.stream().allMatch(t -> t.values().stream().noneMatch(v -> v instanceof List || v instanceof Map)), "flat");
    }
}
