package org.genomod.core.internal.selection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.genomod.api.job.SearchSpec;
import org.genomod.api.job.SearchSpec.Dimension;

/** The configurations a search tries, as key → value assignments in the order they run. */
public final class SearchSpace {
    private SearchSpace() {
    }

    /**
     * {@code grid}: every combination, the last key varying fastest. {@code random}: {@code trials} seeded
     * draws, each value list drawn uniformly and each range by its distribution; when every key is a value
     * list the draws are distinct combinations (all of them once the grid is no larger than {@code trials}),
     * as scikit-learn's ParameterSampler does.
     */
    public static List<Map<String, Object>> assignments(SearchSpec search) {
        List<Dimension> dims = search.dimensions();
        boolean allLists = dims.stream().noneMatch(Dimension::range);
        long size = 1;
        for (Dimension d : dims) {
            size = d.range() ? Long.MAX_VALUE : multiplyCapped(size, d.values().size());
        }
        if (search.method().equals("grid") || (allLists && size <= search.trials())) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (long index = 0; index < size; index++) {
                out.add(combination(dims, index));
            }
            return out;
        }
        Random random = new Random(search.seed());
        List<Map<String, Object>> out = new ArrayList<>();
        if (allLists) {
            Set<Long> drawn = new LinkedHashSet<>();
            while (drawn.size() < search.trials()) {
                drawn.add(random.nextLong(size));
            }
            drawn.forEach(index -> out.add(combination(dims, index)));
            return out;
        }
        for (int t = 0; t < search.trials(); t++) {
            Map<String, Object> assignment = new LinkedHashMap<>();
            for (Dimension d : dims) {
                assignment.put(d.key(), draw(d, random));
            }
            out.add(assignment);
        }
        return out;
    }

    private static Object draw(Dimension d, Random random) {
        if (!d.range()) {
            return d.values().get(random.nextInt(d.values().size()));
        }
        return switch (d.distribution()) {
            case "log_uniform" -> Math.exp(Math.log(d.low()) + random.nextDouble() * (Math.log(d.high()) - Math.log(d.low())));
            case "int_uniform" -> (int) (Math.round(d.low()) + random.nextInt((int) (Math.round(d.high()) - Math.round(d.low())) + 1));
            default -> d.low() + random.nextDouble() * (d.high() - d.low());
        };
    }

    /** The combination with this mixed-radix index (the last dimension varying fastest). */
    private static Map<String, Object> combination(List<Dimension> dims, long index) {
        Object[] values = new Object[dims.size()];
        for (int i = dims.size() - 1; i >= 0; i--) {
            List<Object> candidates = dims.get(i).values();
            values[i] = candidates.get((int) (index % candidates.size()));
            index /= candidates.size();
        }
        Map<String, Object> assignment = new LinkedHashMap<>();
        for (int i = 0; i < dims.size(); i++) {
            assignment.put(dims.get(i).key(), values[i]);
        }
        return assignment;
    }

    private static long multiplyCapped(long a, long b) {
        return a > Long.MAX_VALUE / Math.max(b, 1) ? Long.MAX_VALUE : a * b;
    }
}
