package org.genomod.eval.classification.internal;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A read-only map built on its first read. The platform scores the validation split after every epoch
 * with the same evaluator but reads only the scalars, so details that cost real time (bootstrap curves)
 * are deferred to whoever reads them: metrics.json on the test split.
 */
final class LazyMap extends AbstractMap<String, Object> {
    private Supplier<Map<String, Object>> builder; // dropped once used, with whatever it holds
    private Map<String, Object> built;

    LazyMap(Supplier<Map<String, Object>> builder) {
        this.builder = builder;
    }

    private synchronized Map<String, Object> built() {
        if (built == null) {
            built = Collections.unmodifiableMap(new LinkedHashMap<>(builder.get())); // keeps order and nulls
            builder = null;
        }
        return built;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return built().entrySet();
    }

    @Override
    public Object get(Object key) {
        return built().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return built().containsKey(key);
    }
}
