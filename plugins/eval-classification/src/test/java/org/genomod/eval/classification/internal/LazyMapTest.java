package org.genomod.eval.classification.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyMapTest {

    @Test
    void buildsOnTheFirstReadOnlyAndKeepsOrderAndNulls() {
        AtomicInteger builds = new AtomicInteger();
        Map<String, Object> lazy = new LazyMap(() -> {
            builds.incrementAndGet();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("z", 1);
            m.put("a", null);
            return m;
        });
        Map<String, Object> copied = new LinkedHashMap<>(Map.of("curves", lazy)); // as Metrics copies its details

        assertEquals(0, builds.get(), "nothing is computed until read");
        assertEquals(List.of("z", "a"), new ArrayList<>(((Map<?, ?>) copied.get("curves")).keySet()));
        assertNull(lazy.get("a"));
        assertEquals(1, lazy.get("z"));
        assertEquals(1, builds.get());
        assertThrows(UnsupportedOperationException.class, () -> lazy.put("b", 2));
    }

    @Test
    void theEvaluatorDefersItsCurves() {
        AtomicInteger builds = new AtomicInteger();
        Map<String, Object> lazy = new LazyMap(() -> {
            builds.incrementAndGet();
            return Map.of();
        });
        assertEquals(0, lazy.size());
        assertEquals(0, lazy.size());
        assertEquals(1, builds.get());
    }
}
