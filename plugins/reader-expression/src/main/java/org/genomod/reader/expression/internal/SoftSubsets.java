package org.genomod.reader.expression.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.genomod.api.data.InputFormatException;

/**
 * The {@code ^SUBSET} sections of a GEO dataset (GDS) SOFT file: each names a subset type (e.g.
 * {@code disease state}, {@code individual}), a description (the value, e.g. {@code RCC}) and its
 * samples. A subset type gives each sample at most one value, so it can serve as labels or groups.
 */
final class SoftSubsets {
    /** One {@code ^SUBSET} section as read; fields are filled in as its lines arrive. */
    static final class Subset {
        private final String name;
        private final long line;
        private String description;
        private String type;
        private final List<String> samples = new ArrayList<>();

        Subset(String name, long line) {
            this.name = name;
            this.line = line;
        }
    }

    private final List<Subset> subsets = new ArrayList<>();

    Subset begin(String name, long line) {
        Subset subset = new Subset(name, line);
        subsets.add(subset);
        return subset;
    }

    /** Applies one {@code !subset_*} line to the subset it belongs to. */
    static void attribute(Subset subset, String key, String value) {
        switch (key) {
            case "!subset_description" -> subset.description = value;
            case "!subset_type" -> subset.type = value;
            case "!subset_sample_id" -> {
                for (String sample : value.split(",")) {
                    if (!sample.isBlank()) {
                        subset.samples.add(sample.strip());
                    }
                }
            }
            default -> { }
        }
    }

    /** Subset types in order of first appearance, with the number of subsets of each. */
    Map<String, Integer> types() {
        Map<String, Integer> types = new LinkedHashMap<>();
        for (Subset s : subsets) {
            if (s.type != null) {
                types.merge(s.type, 1, Integer::sum);
            }
        }
        return types;
    }

    /**
     * Each sample's subset description under {@code type}.
     *
     * @throws InputFormatException when the file has no subset of that type, or puts a sample in two of them
     */
    Map<String, String> valuesOf(String type, Path file) throws InputFormatException {
        Map<String, String> values = new HashMap<>();
        Map<String, Subset> firstSubset = new HashMap<>();
        for (Subset s : subsets) {
            if (!type.equals(s.type)) {
                continue;
            }
            if (s.description == null || s.description.isBlank()) {
                throw new InputFormatException(file, s.line, "subset " + s.name + " has no !subset_description");
            }
            for (String sample : s.samples) {
                Subset earlier = firstSubset.putIfAbsent(sample, s);
                if (earlier != null) {
                    throw new InputFormatException(file, s.line, "sample " + sample + " is in two subsets of type '"
                            + type + "': " + earlier.name + " (line " + earlier.line + ") and " + s.name);
                }
                values.put(sample, s.description.strip());
            }
        }
        if (firstSubset.isEmpty()) {
            throw new InputFormatException(file, 0, "has no subset of type '" + type + "' (types: "
                    + (types().isEmpty() ? "none" : String.join(", ", types().keySet())) + ")");
        }
        return values;
    }
}
