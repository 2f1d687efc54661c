package org.genomod.core.internal.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.genomod.api.job.PluginRef;

/**
 * The inputs of a job's data section. The data section's reader reads the primary input, which gives
 * the records, their labels and groups; {@code data.inputs} lists further inputs (other modalities of
 * the same records), each read by its own reader and joined onto the primary input by record id:
 *
 * <pre>
 * data:
 *   reader: plink            # the primary input
 *   name: genotypes          # optional, default: the reader's name
 *   path: ...
 *   inputs:
 *     - {name: covariates, reader: expression, path: ..., ...its reader's parameters}
 * </pre>
 *
 * <p>A {@code PipelineSpec} has one reader reference, so {@value #NAME} and {@value #INPUTS} travel among
 * its raw parameters, as written, and so they do in a model card's reader reference; this class takes
 * them out again. Entries are checked here for both spec files and specs made in code.
 */
public final class DataInputs {
    /** The primary input's name, among the data section's keys. */
    public static final String NAME = "name";
    /** The further inputs, among the data section's keys. */
    public static final String INPUTS = "inputs";
    private static final String READER = "reader";
    /** Keys that belong to the data section as a whole, never to one input. */
    private static final List<String> DATA_ONLY = List.of("split", "transform", "test", INPUTS);
    /** Input names become layer names and hyper-parameter keys: keep them plain. */
    private static final Pattern VALID_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.+-]*");

    /**
     * One input.
     *
     * @param name   unique among the job's inputs
     * @param reader the reader with its own parameters only
     */
    public record Input(String name, PluginRef reader) {
    }

    private DataInputs() {
    }

    /** Whether the data section joins several inputs. */
    public static boolean joined(PluginRef data) {
        return data.parameters().containsKey(INPUTS);
    }

    /**
     * The primary input, then the further ones in spec order; problems (each naming where it is) are added
     * to {@code problems}, and the inputs that could be understood are returned.
     */
    public static List<Input> parse(PluginRef data, List<String> problems) {
        Map<String, Object> own = new LinkedHashMap<>(data.parameters());
        Object primaryName = own.remove(NAME);
        Object further = own.remove(INPUTS);
        List<Input> inputs = new ArrayList<>();
        inputs.add(new Input(name(primaryName, data.name(), "data.name", problems), new PluginRef(data.name(), data.versionRange(), own)));
        if (further == null) {
            return inputs;
        }
        if (!(further instanceof List<?> entries) || entries.isEmpty()) {
            problems.add("data.inputs must be a list of further inputs, each a mapping with a reader and a name, "
                    + "e.g. [{name: covariates, reader: expression, path: covariates.tsv}]");
            return inputs;
        }
        for (int i = 0; i < entries.size(); i++) {
            String where = "data.inputs[" + (i + 1) + "]";
            if (!(entries.get(i) instanceof Map<?, ?> entry)) {
                problems.add(where + " must be a mapping with a reader and a name, got '" + entries.get(i) + "'");
                continue;
            }
            Input input = input(entry, where, problems);
            if (input != null) {
                inputs.add(input);
            }
        }
        List<String> names = new ArrayList<>();
        for (Input input : inputs) {
            if (names.contains(input.name())) {
                problems.add("data.inputs: two inputs are named '" + input.name() + "'; give each a distinct name "
                        + "(data.name names the primary input, whose default name is its reader's)");
            }
            names.add(input.name());
        }
        return inputs;
    }

    private static Input input(Map<?, ?> entry, String where, List<String> problems) {
        Map<String, Object> section = new LinkedHashMap<>();
        entry.forEach((k, v) -> section.put(String.valueOf(k), v));
        for (String key : DATA_ONLY) {
            if (section.containsKey(key)) {
                problems.add(where + ": " + key + " belongs to the data section as a whole, not to one input");
            }
        }
        Set<String> reserved = new java.util.HashSet<>(DATA_ONLY);
        reserved.add(NAME);
        int before = problems.size();
        PluginRef reader = SpecParser.plugin(section, where, READER, reserved, problems);
        if (reader.name().equals("?") && problems.size() > before) {
            return null; // no reader named
        }
        return new Input(name(section.get(NAME), reader.name(), where + ".name", problems), reader);
    }

    private static String name(Object given, String fallback, String where, List<String> problems) {
        if (given == null) {
            return fallback;
        }
        String name = given instanceof Map || given instanceof List ? "" : given.toString();
        if (!VALID_NAME.matcher(name).matches()) {
            problems.add(where + " must be a plain name (letters, digits, _ . + -), got '" + given + "'");
            return fallback;
        }
        return name;
    }

    /**
     * {@code data.test}: the parameters that differ for an independent test set, merged over the data
     * section's. Its {@code inputs} entry maps further inputs by name to their own overrides (e.g.
     * {@code {covariates: {path: test-covariates.tsv}}}); inputs not named there are read as for training.
     */
    static PluginRef withTestOverrides(PluginRef data, Map<?, ?> overrides, List<String> problems) {
        Map<String, Object> merged = new LinkedHashMap<>(data.parameters());
        Object inputOverrides = null;
        for (Map.Entry<?, ?> e : overrides.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (key.equals(INPUTS)) {
                inputOverrides = e.getValue();
            } else {
                merged.put(key, e.getValue());
            }
        }
        if (inputOverrides == null) {
            return new PluginRef(data.name(), data.versionRange(), merged);
        }
        if (!(merged.get(INPUTS) instanceof List<?> entries)) {
            problems.add("data.test.inputs overrides further inputs, but data.inputs lists none");
            return new PluginRef(data.name(), data.versionRange(), merged);
        }
        if (!(inputOverrides instanceof Map<?, ?> byName)) {
            problems.add("data.test.inputs must map input names to the parameters that differ for the test set, "
                    + "e.g. {covariates: {path: test-covariates.tsv}}");
            return new PluginRef(data.name(), data.versionRange(), merged);
        }
        Map<String, Map<?, ?>> wanted = new LinkedHashMap<>();
        byName.forEach((k, v) -> {
            if (v instanceof Map<?, ?> m) {
                wanted.put(String.valueOf(k), m);
            } else {
                problems.add("data.test.inputs." + k + " must be a mapping of reader parameters, got '" + v + "'");
            }
        });
        List<Object> testEntries = new ArrayList<>();
        Set<String> known = new java.util.LinkedHashSet<>();
        for (Object entry : entries) {
            if (!(entry instanceof Map<?, ?> m)) {
                testEntries.add(entry); // reported by parse
                continue;
            }
            String name = String.valueOf(m.get(NAME) != null ? m.get(NAME) : m.get(READER));
            known.add(name);
            Map<String, Object> merge = new LinkedHashMap<>();
            m.forEach((k, v) -> merge.put(String.valueOf(k), v));
            if (wanted.containsKey(name)) {
                wanted.get(name).forEach((k, v) -> merge.put(String.valueOf(k), v));
            }
            testEntries.add(merge);
        }
        for (String name : wanted.keySet()) {
            if (!known.contains(name)) {
                problems.add("data.test.inputs names '" + name + "', which is not one of data.inputs (" + String.join(", ", known) + ")");
            }
        }
        merged.put(INPUTS, testEntries);
        return new PluginRef(data.name(), data.versionRange(), merged);
    }

    /**
     * The reader reference a model card keeps for a joined job: the primary reader's parameters for
     * prediction, its name, and each further input with its reader's validated parameters (path included:
     * prediction reads further inputs from there).
     */
    public static Map<String, Object> forCard(String primaryName, Map<String, Object> primaryParameters, List<Input> further) {
        Map<String, Object> card = new LinkedHashMap<>(primaryParameters);
        card.put(NAME, primaryName);
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Input input : further) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put(NAME, input.name());
            entry.put(READER, input.reader().name());
            entry.putAll(input.reader().parameters());
            entries.add(entry);
        }
        card.put(INPUTS, entries);
        return card;
    }
}
