package org.genomod.core.internal.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.genomod.api.param.ParameterException;
import org.genomod.api.param.ParameterSchema;
import org.genomod.api.param.ParameterType;
import org.genomod.api.param.Parameters;
import org.genomod.core.internal.io.Json;

/**
 * {@code data.transform}: feature transforms fitted on the training split only, applied in a fixed order
 * (select, then standardize). Written as {@code none}, {@code standardize}, or a mapping
 * {@code {select: {top: 100, by: association, output: cc, input: genotypes}, standardize: true}}.
 *
 * <p>{@code PipelineSpec#transform} is a string, so the plain forms travel as they are written and a
 * mapping travels as its canonical JSON text ({@link #text()}), which {@link #of(String)} reads back.
 *
 * @param select      the supervised feature filter, or {@code null} for none
 * @param standardize per feature to mean 0 and standard deviation 1
 */
public record TransformSpec(Selection select, boolean standardize) {
    public static final String NONE = "none";
    public static final String STANDARDIZE = "standardize";
    /** How features are ranked; {@code association}: the Cochran-Armitage trend statistic n·r² with the output. */
    public static final List<String> METHODS = List.of("association");

    static final ParameterSchema SELECT = ParameterSchema.builder()
            .add(new org.genomod.api.param.Parameter("top", ParameterType.INTEGER, true, null,
                    "number of features kept: the highest-scoring on the training split", null, 1.0, (double) Integer.MAX_VALUE))
            .choice("by", "association", METHODS, "association: n·r² of the feature with the output (the Cochran-Armitage "
                    + "trend statistic for 0/1/2 genotypes), over the training records where both are observed")
            .optional("output", ParameterType.STRING, null, "the output scored against; default: the only output")
            .optional("input", ParameterType.STRING, null, "joined inputs: the one input whose features are filtered")
            .build();

    /**
     * The supervised feature filter.
     *
     * @param top    features kept
     * @param by     scoring method, one of {@link #METHODS}
     * @param output the output scored against, or {@code null} for the dataset's only output
     * @param input  the joined input filtered, or {@code null} for the whole (single-input) example
     */
    public record Selection(int top, String by, String output, String input) {
    }

    public static final TransformSpec IDENTITY = new TransformSpec(null, false);

    /** Whether the transform does anything. */
    public boolean isIdentity() {
        return select == null && !standardize;
    }

    /** The text {@code PipelineSpec#transform} holds: {@code none}, {@code standardize} or a mapping's canonical JSON. */
    public String text() {
        if (select == null) {
            return standardize ? STANDARDIZE : NONE;
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("top", select.top());
        s.put("by", select.by());
        if (select.output() != null) {
            s.put("output", select.output());
        }
        if (select.input() != null) {
            s.put("input", select.input());
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("select", s);
        map.put(STANDARDIZE, standardize);
        try {
            return Json.MAPPER.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads {@code PipelineSpec#transform} back; a text it cannot read is an {@link IllegalArgumentException}. */
    public static TransformSpec of(String text) {
        List<String> problems = new java.util.ArrayList<>();
        TransformSpec spec = parse(text, null, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return spec;
    }

    /**
     * {@code data.transform} as written; problems are added to {@code problems}.
     *
     * @param inputs the job's input names, the primary first, to check {@code select.input} against; {@code null}
     *               to skip that check
     */
    static TransformSpec parse(Object value, List<String> inputs, List<String> problems) {
        if (value == null) {
            return IDENTITY;
        }
        if (value instanceof Map<?, ?> map) {
            return parseMap(map, inputs, problems);
        }
        String text = value instanceof List ? "" : value.toString().trim();
        if (text.equals(NONE)) {
            return IDENTITY;
        }
        if (text.equals(STANDARDIZE)) {
            return new TransformSpec(null, true);
        }
        if (text.startsWith("{")) {
            try {
                return parseMap(Json.MAPPER.readValue(text, new TypeReference<Map<String, Object>>() { }), inputs, problems);
            } catch (JsonProcessingException e) {
                // reported below as any other unreadable value
            }
        }
        problems.add("data.transform must be none, standardize or a mapping {select: {top: N, by: association, output: NAME}, "
                + "standardize: true|false}, got '" + value + "'");
        return IDENTITY;
    }

    private static TransformSpec parseMap(Map<?, ?> map, List<String> inputs, List<String> problems) {
        Selection select = null;
        boolean standardize = false;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (key.equals(STANDARDIZE)) {
                String flag = String.valueOf(e.getValue()).trim();
                if (!flag.equals("true") && !flag.equals("false")) {
                    problems.add("data.transform.standardize must be true or false, got '" + e.getValue() + "'");
                }
                standardize = flag.equals("true");
            } else if (key.equals("select")) {
                select = selection(e.getValue(), inputs, problems);
            } else {
                problems.add("data.transform: unknown transform '" + key + "' (known: select, standardize)");
            }
        }
        return new TransformSpec(select, standardize);
    }

    private static Selection selection(Object value, List<String> inputs, List<String> problems) {
        if (!(value instanceof Map<?, ?> map)) {
            problems.add("data.transform.select must be a mapping {top: N, by: association, output: NAME}, got '" + value + "'");
            return null;
        }
        Map<String, Object> raw = new LinkedHashMap<>();
        map.forEach((k, v) -> raw.put(String.valueOf(k), v));
        Parameters p;
        try {
            p = SELECT.validate(raw, Path.of(""));
        } catch (ParameterException e) {
            e.problems().forEach(problem -> problems.add("data.transform.select: " + problem));
            return null;
        }
        String input = p.has("input") ? p.string("input") : null;
        if (inputs != null && inputs.size() > 1 && input == null) {
            problems.add("data.transform.select: the job joins inputs " + inputs + "; name the one to filter with input");
        } else if (inputs != null && input != null && !inputs.contains(input)) {
            problems.add("data.transform.select.input: no input is named '" + input + "' (inputs: " + inputs + ")");
        }
        return new Selection(p.integer("top"), p.string("by"), p.has("output") ? p.string("output") : null, input);
    }
}
