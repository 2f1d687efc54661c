package org.genomod.model.multimodal.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.genomod.api.data.DatasetSchema;

/**
 * One input of the examples: a slice of the flattened features. The platform joins several inputs by
 * record id and records them in the schema's {@value #ATTRIBUTE} attribute
 * ({@code [{name, shape, encoding, offset, size, ...}, ...]}); a dataset without it is one input named
 * {@value #SINGLE}.
 */
record Segment(String name, List<Integer> shape, String encoding, int offset) {
    static final String ATTRIBUTE = "inputs";
    static final String SINGLE = "input";

    Segment {
        shape = List.copyOf(shape);
    }

    int size() {
        return shape.stream().reduce(1, (a, b) -> a * b);
    }

    /** A {@code [length, channels]} one-hot sequence, which a convolution reads best. */
    boolean oneHotSequence() {
        return shape.size() == 2 && encoding.contains("one-hot");
    }

    /**
     * The inputs of {@code schema}, in feature order.
     *
     * @throws IllegalArgumentException when the attribute does not describe the features exactly
     */
    static List<Segment> of(DatasetSchema schema) {
        Object attribute = schema.attributes().get(ATTRIBUTE);
        if (attribute == null) {
            return List.of(new Segment(SINGLE, schema.featureShape(), schema.encoding(), 0));
        }
        if (!(attribute instanceof List<?> entries) || entries.isEmpty()) {
            throw new IllegalArgumentException("the schema attribute '" + ATTRIBUTE + "' must list the inputs, got " + attribute);
        }
        List<Segment> segments = new ArrayList<>();
        int next = 0;
        for (Object entry : entries) {
            if (!(entry instanceof Map<?, ?> m) || !(m.get("name") instanceof String name) || !(m.get("shape") instanceof List<?> dims)
                    || !(m.get("offset") instanceof Number offset) || m.get("encoding") == null) {
                throw new IllegalArgumentException("an entry of the schema attribute '" + ATTRIBUTE + "' needs name, shape, encoding and "
                        + "offset, got " + entry);
            }
            List<Integer> shape = dims.stream().map(d -> ((Number) d).intValue()).toList();
            Segment segment = new Segment(name, shape, m.get("encoding").toString(), offset.intValue());
            if (segment.offset() != next) {
                throw new IllegalArgumentException("input '" + name + "' starts at feature " + segment.offset() + ", expected " + next);
            }
            next += segment.size();
            segments.add(segment);
        }
        if (next != schema.featureSize()) {
            throw new IllegalArgumentException("the inputs hold " + next + " feature values, the examples " + schema.featureSize());
        }
        return List.copyOf(segments);
    }
}
