package org.genomod.core.internal.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.genomod.api.job.SearchSpec;
import org.genomod.api.job.SearchSpec.Dimension;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {
    private static final Dimension HIDDEN = Dimension.of("model.hidden", List.of(List.of(64), List.of(128)));
    private static final Dimension RATE = Dimension.of("training.learning_rate", List.of(0.001, 0.01, 0.1));

    @Test
    void gridEnumeratesTheProductLastKeyFastest() {
        List<Map<String, Object>> trials = SearchSpace.assignments(new SearchSpec("grid", 6, 1, "loss", List.of(HIDDEN, RATE)));
        assertEquals(6, trials.size());
        assertEquals(Map.of("model.hidden", List.of(64), "training.learning_rate", 0.001), trials.get(0));
        assertEquals(Map.of("model.hidden", List.of(64), "training.learning_rate", 0.01), trials.get(1));
        assertEquals(Map.of("model.hidden", List.of(128), "training.learning_rate", 0.1), trials.get(5));
        assertEquals(6, new HashSet<>(trials).size());
        assertEquals(List.of("model.hidden", "training.learning_rate"), List.copyOf(trials.get(3).keySet()));
    }

    @Test
    void randomDrawsAreReproducibleBySeedAndDistinctOverValueLists() {
        Dimension many = Dimension.of("model.dropout", List.of(0.0, 0.1, 0.2, 0.3, 0.4, 0.5));
        SearchSpec search = new SearchSpec("random", 5, 7, "auroc", List.of(many, RATE));
        List<Map<String, Object>> a = SearchSpace.assignments(search);
        assertEquals(a, SearchSpace.assignments(search));
        assertEquals(5, new HashSet<>(a).size(), "value lists are drawn without replacement: " + a);
        assertNotEquals(a, SearchSpace.assignments(new SearchSpec("random", 5, 8, "auroc", List.of(many, RATE))));
        // no more trials than combinations: the whole grid, once each
        assertEquals(6, SearchSpace.assignments(new SearchSpec("random", 50, 7, "auroc", List.of(HIDDEN, RATE))).size());
    }

    @Test
    void rangesAreDrawnWithinTheirBounds() {
        SearchSpec search = new SearchSpec("random", 200, 3, "loss", List.of(
                new Dimension("training.learning_rate", null, "log_uniform", 1e-4, 1e-2),
                new Dimension("training.batch_size", null, "int_uniform", 8, 10),
                new Dimension("model.dropout", null, "uniform", 0.1, 0.2)));
        List<Map<String, Object>> trials = SearchSpace.assignments(search);
        assertEquals(200, trials.size());
        int belowGeometricMidpoint = 0;
        for (Map<String, Object> t : trials) {
            double rate = (Double) t.get("training.learning_rate");
            assertTrue(rate >= 1e-4 && rate <= 1e-2, "rate " + rate);
            belowGeometricMidpoint += rate < 1e-3 ? 1 : 0;
            int batch = (Integer) t.get("training.batch_size");
            assertTrue(batch >= 8 && batch <= 10, "batch " + batch);
            double dropout = (Double) t.get("model.dropout");
            assertTrue(dropout >= 0.1 && dropout <= 0.2, "dropout " + dropout);
        }
        // log-uniform: about half the draws lie below the geometric midpoint 1e-3 (uniform would put 9 %)
        assertEquals(100, belowGeometricMidpoint, 25);
        assertEquals(3, trials.stream().map(t -> t.get("training.batch_size")).distinct().count());
    }
}
