package org.genomod.core.internal.spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.genomod.api.job.PipelineSpec;
import org.genomod.api.job.PluginRef;
import org.genomod.api.job.SearchSpec;
import org.genomod.api.job.SpecException;
import org.genomod.api.job.SplitSpec;
import org.genomod.api.job.TransferSpec;
import org.genomod.api.model.Transfer;
import org.genomod.api.param.ParameterException;
import org.genomod.api.param.ParameterSchema;
import org.genomod.api.param.ParameterType;
import org.genomod.api.param.Parameters;
import org.genomod.api.train.EarlyStopping;
import org.genomod.api.train.LearningRateSchedule;
import org.genomod.api.train.TrainingOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Turns pipeline YAML into a {@link PipelineSpec}. Structure and platform sections (split, training)
 * are checked here; plugin parameters are checked later against the plugins' own schemas.
 *
 * <p>String values may reference environment variables as {@code ${NAME}} or {@code ${NAME:-default}},
 * so a spec can point at data that lives in different places on different machines.
 */
public final class SpecParser {
    private static final Set<String> SECTIONS = Set.of("name", "seed", "data", "model", "training", "search", "evaluate", "interpret", "output");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    static final ParameterSchema SPLIT = ParameterSchema.builder()
            .choice("method", "random", List.of("random", "groups"), "random: seeded, stratified by class; groups: hold out named groups (e.g. chromosomes)")
            .add(new org.genomod.api.param.Parameter("fractions", ParameterType.NUMBER_LIST, false, List.of(0.8, 0.1, 0.1),
                    "train, validation and test fractions (random)", null, 0.0, 1.0))
            .optional("validation", ParameterType.STRING_LIST, null, "groups held out for validation (groups)")
            .optional("test", ParameterType.STRING_LIST, null, "groups held out for test (groups)")
            .integer("folds", 0, 0, 1000, "k-fold cross-validation over the non-test examples during model selection; 0 for none")
            .build();

    static final ParameterSchema LR_SCHEDULE = ParameterSchema.builder()
            .choice("type", "constant", LearningRateSchedule.TYPES,
                    "step: x factor every `every` epochs; exponential: x factor each epoch; cosine: down to rate x factor")
            .number("factor", 0.5, 1e-6, 1, "multiplier (step, exponential) or final fraction of the rate (cosine)")
            .integer("every", 10, 1, 100_000, "epochs between steps (step)")
            .build();

    /** The platform's training options; public so a search can validate the values it tries. */
    public static final ParameterSchema TRAINING = ParameterSchema.builder()
            .integer("epochs", 20, 1, 100_000, "maximum passes over the training split")
            .integer("batch_size", 64, 1, 1 << 20, "examples per optimisation step")
            .choice("optimizer", "adam", TrainingOptions.OPTIMIZERS, "optimiser")
            .number("learning_rate", 1e-3, 1e-12, 10, "initial learning rate")
            .number("gradient_clip", 0, 0, 1e6, "clip gradient elements to this absolute value; 0 for none")
            .optional("lr_schedule", ParameterType.MAP, null,
                    "learning-rate schedule: {type: constant|step|exponential|cosine, factor: (0,1], every: epochs}")
            .flag("class_weights", false, "weight the loss by inverse class frequency")
            .optional("early_stopping", ParameterType.MAP, null, "metric, patience, min_delta, restore_best; or omit patience to disable")
            .build();

    static final ParameterSchema EARLY_STOPPING = ParameterSchema.builder()
            .optional("metric", ParameterType.STRING, "loss", "validation metric: loss, or a scalar an evaluator reports (e.g. auroc)")
            .integer("patience", 5, 0, 100_000, "epochs without improvement before stopping; 0 disables")
            .number("min_delta", 0, 0, 1e9, "smallest change that counts as improvement")
            .flag("restore_best", true, "end in the best validation state")
            .build();

    private final Function<String, String> environment;

    public SpecParser(Function<String, String> environment) {
        this.environment = environment;
    }

    public PipelineSpec parse(String yaml, Path baseDirectory, String origin, Path source) throws SpecException {
        Object document;
        try {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (MarkedYAMLException e) {
            throw new SpecException(origin, List.of("invalid YAML at line " + (e.getProblemMark().getLine() + 1)
                    + ", column " + (e.getProblemMark().getColumn() + 1) + ": " + e.getProblem()));
        } catch (YAMLException e) {
            throw new SpecException(origin, List.of("invalid YAML: " + e.getMessage()));
        }
        if (!(document instanceof Map<?, ?> top)) {
            throw new SpecException(origin, List.of("a spec is a YAML mapping with sections " + String.join(", ", sorted(SECTIONS))));
        }
        List<String> problems = new ArrayList<>();
        Map<String, Object> raw = stringKeys(top);
        Map<String, Object> spec = interpolate(raw, "", problems);
        for (String key : spec.keySet()) {
            if (!SECTIONS.contains(key)) {
                problems.add("unknown section '" + key + "' (known: " + String.join(", ", sorted(SECTIONS)) + ")");
            }
        }
        String fallbackName = source == null ? "job" : source.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        String name = spec.getOrDefault("name", fallbackName).toString();
        long seed = 42;
        if (spec.get("seed") != null) {
            try {
                seed = Long.parseLong(spec.get("seed").toString().trim());
            } catch (NumberFormatException e) {
                problems.add("seed must be an integer, got '" + spec.get("seed") + "'");
            }
        }

        Map<String, Object> data = section(spec, "data", true, problems);
        PluginRef reader = plugin(data, "data", "reader", Set.of("split", "transform", "test"), problems);
        List<String> inputNames = DataInputs.parse(reader, problems).stream().map(DataInputs.Input::name).toList(); // the reader reference keeps them as written
        PluginRef testData = independentTest(data.get("test"), reader, problems);
        SplitSpec split = split(data.get("split"), baseDirectory, testData != null, problems);
        String transform = TransformSpec.parse(data.get("transform"), inputNames, problems).text();

        Map<String, Object> model = section(spec, "model", true, problems);
        PluginRef family = plugin(model, "model", "family", Set.of("from", "freeze", "new_head"), problems);
        TransferSpec transfer = transfer(model, family, baseDirectory, problems);

        TrainingOptions training = training(section(spec, "training", false, problems), baseDirectory, problems);
        SearchSpec search = spec.containsKey("search")
                ? SearchParser.parse(section(spec, "search", false, problems), seed, training, transfer != null, problems)
                : null;
        if (search != null && !split.crossValidated() && !hasValidation(split)) {
            problems.add("search scores each trial on validation data, but data.split leaves none: give it a validation "
                    + (split.method().equals("groups") ? "group list" : "fraction") + " or folds");
        }
        List<PluginRef> evaluators = pluginList(spec.get("evaluate"), "evaluate", "evaluator", problems);
        List<PluginRef> interpreters = pluginList(spec.get("interpret"), "interpret", "interpreter", problems);

        Path output = null;
        Object out = spec.get("output");
        if (out instanceof Map || out instanceof List) {
            problems.add("output must be a directory path, got a " + (out instanceof Map ? "mapping" : "list"));
        } else {
            output = baseDirectory.resolve(out == null ? "runs/" + name : out.toString()).normalize();
        }

        if (!problems.isEmpty()) {
            throw new SpecException(origin, problems);
        }
        return new PipelineSpec(name, source, baseDirectory, reader, split, transform, family, training, evaluators, interpreters,
                output, seed, raw, testData, transfer, search);
    }

    /**
     * {@code model.from}: fine-tune a saved model. Its architecture comes with it, so the spec names no
     * hyper-parameters; {@code freeze} is {@code none} (default), {@code all_but_head} or a number of
     * leading layers; {@code new_head} (default true) replaces the output head for the new outputs.
     */
    private static TransferSpec transfer(Map<String, Object> model, PluginRef family, Path base, List<String> problems) {
        Object from = model.get("from");
        if (from == null) {
            for (String key : List.of("freeze", "new_head")) {
                if (model.containsKey(key)) {
                    problems.add("model." + key + " applies to transfer learning only: add model.from (a saved model directory)");
                }
            }
            return null;
        }
        if (from instanceof Map || from instanceof List) {
            problems.add("model.from must be the directory of a saved model, got a " + (from instanceof Map ? "mapping" : "list"));
            return null;
        }
        if (!family.parameters().isEmpty()) {
            problems.add("model.from takes the architecture of the saved model, so model hyper-parameters cannot be given: "
                    + String.join(", ", family.parameters().keySet()));
        }
        Object rawFreeze = model.getOrDefault("freeze", "none");
        int frozen = 0;
        List<String> frozenNames = List.of();
        if (rawFreeze instanceof List<?> names) {
            frozenNames = frozenNames(names, problems);
        } else if (rawFreeze instanceof Map) {
            problems.add("model.freeze must be none, all_but_head, a number of leading layers or a list of layer names, got a mapping");
        } else {
            String freeze = String.valueOf(rawFreeze).trim();
            switch (freeze) {
                case "none" -> frozen = 0;
                case "all_but_head" -> frozen = Transfer.ALL_BUT_HEAD;
                default -> {
                    try {
                        frozen = Integer.parseInt(freeze);
                        if (frozen < 0) {
                            throw new NumberFormatException();
                        }
                    } catch (NumberFormatException e) {
                        problems.add("model.freeze must be none, all_but_head, a number of leading layers or a list of layer names"
                                + " (e.g. [layer0, layer2]), got '" + freeze + "'");
                        frozen = 0;
                    }
                }
            }
        }
        Object newHead = model.getOrDefault("new_head", Boolean.TRUE);
        if (!(newHead instanceof Boolean)) {
            problems.add("model.new_head must be true or false, got '" + newHead + "'");
            newHead = Boolean.TRUE;
        }
        return new TransferSpec(base.resolve(from.toString()).normalize(), new Transfer(frozen, (Boolean) newHead, frozenNames));
    }

    /**
     * {@code model.freeze: [name, ...]}: the layers that keep the parent's weights, named as the parent's summary
     * names them; whether the model has them is the family's to check.
     */
    private static List<String> frozenNames(List<?> names, List<String> problems) {
        if (names.isEmpty()) {
            problems.add("model.freeze lists no layers: name at least one, or write none to fine-tune every layer");
            return List.of();
        }
        int before = problems.size();
        List<String> valid = new ArrayList<>();
        for (Object name : names) {
            if (!(name instanceof String || name instanceof Number) || String.valueOf(name).isBlank()) {
                problems.add("model.freeze lists layer names, got '" + name + "'");
            } else if (valid.contains(String.valueOf(name).trim())) {
                problems.add("model.freeze names layer '" + String.valueOf(name).trim() + "' more than once");
            } else {
                valid.add(String.valueOf(name).trim());
            }
        }
        return problems.size() == before ? valid : List.of();
    }

    /**
     * {@code data.test}: the parameters that differ for an independent test set (usually just {@code path}),
     * merged over the training reader's; further inputs take theirs from {@code data.test.inputs}.
     */
    private static PluginRef independentTest(Object value, PluginRef reader, List<String> problems) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> overrides) || overrides.isEmpty()) {
            problems.add("data.test must be a mapping of the reader parameters that differ for the test set, e.g. {path: independent.csv}");
            return null;
        }
        return DataInputs.withTestOverrides(reader, overrides, problems);
    }

    private static boolean hasValidation(SplitSpec split) {
        return split.method().equals("groups") ? !split.validationGroups().isEmpty()
                : split.fractions().size() > 1 && split.fractions().get(1) > 0;
    }

    private static SplitSpec split(Object value, Path base, boolean independentTest, List<String> problems) {
        Map<String, Object> raw = value == null ? Map.of() : asMap(value, "data.split", problems);
        if (independentTest && !raw.containsKey("fractions")) {
            raw = new LinkedHashMap<>(raw);
            raw.put("fractions", List.of(0.9, 0.1)); // data.test is the test set: train and validation only
        }
        try {
            Parameters p = SPLIT.validate(raw, base);
            List<Double> fractions = p.numbers("fractions");
            if (independentTest && fractions.size() == 2) {
                fractions = List.of(fractions.get(0), fractions.get(1), 0.0); // data.test is the test set
            }
            int folds = p.integer("folds");
            if (folds == 1) {
                problems.add("data.split.folds must be 0 (no cross-validation) or at least 2, got 1");
                folds = 0;
            }
            SplitSpec split = new SplitSpec(p.string("method"), fractions,
                    p.has("validation") ? p.strings("validation") : null, p.has("test") ? p.strings("test") : null, folds);
            if (split.method().equals("random")) {
                double sum = split.fractions().stream().mapToDouble(Double::doubleValue).sum();
                boolean valid = split.fractions().size() == 3 && Math.abs(sum - 1) <= 1e-6 && split.fractions().get(0) > 0;
                if (independentTest && !(valid && split.fractions().get(2) == 0)) {
                    problems.add("data.test is the test set, so data.split.fractions must be two numbers (train, validation) "
                            + "summing to 1, got " + p.numbers("fractions"));
                } else if (!valid) {
                    problems.add("data.split.fractions must be three numbers (train, validation, test) summing to 1, got " + split.fractions());
                }
            } else if (independentTest && !split.testGroups().isEmpty()) {
                problems.add("data.test is the test set, so data.split cannot also hold out test groups " + split.testGroups());
            } else if (split.testGroups().isEmpty() && !independentTest) {
                problems.add("data.split with method groups needs 'test' groups (and usually 'validation' groups)");
            }
            return split;
        } catch (ParameterException e) {
            e.problems().forEach(p -> problems.add("data.split: " + p));
            return SplitSpec.random(0.8, 0.1, 0.1);
        }
    }

    private static TrainingOptions training(Map<String, Object> raw, Path base, List<String> problems) {
        try {
            Parameters p = TRAINING.validate(raw, base);
            EarlyStopping stopping = EarlyStopping.none();
            if (p.has("early_stopping")) {
                Parameters e = EARLY_STOPPING.validate(p.map("early_stopping"), base);
                stopping = new EarlyStopping(e.string("metric"), e.integer("patience"), e.number("min_delta"), e.flag("restore_best"));
            } else {
                stopping = new EarlyStopping("loss", 5, 0, true);
            }
            LearningRateSchedule schedule = LearningRateSchedule.CONSTANT;
            if (p.has("lr_schedule")) {
                Parameters s = LR_SCHEDULE.validate(p.map("lr_schedule"), base);
                schedule = new LearningRateSchedule(s.string("type"), s.number("factor"), s.integer("every"));
            }
            return new TrainingOptions(p.integer("epochs"), p.integer("batch_size"), p.string("optimizer"),
                    p.number("learning_rate"), p.number("gradient_clip"), p.flag("class_weights"), stopping, schedule);
        } catch (ParameterException e) {
            e.problems().forEach(problem -> problems.add("training: " + problem));
            return TrainingOptions.defaults();
        }
    }

    /** A plugin section: its name key, optional version range, the rest are the plugin's parameters. */
    static PluginRef plugin(Map<String, Object> section, String where, String nameKey, Set<String> reserved,
                                    List<String> problems) {
        Object name = section.get(nameKey);
        if (name == null || name instanceof Map || name instanceof List) {
            problems.add(where + "." + nameKey + " is required: the name of the " + nameKey + " plugin to use");
            return new PluginRef("?", null, Map.of());
        }
        Object version = section.get("version");
        if (version != null) {
            try {
                new org.osgi.framework.VersionRange(version.toString());
            } catch (IllegalArgumentException e) {
                problems.add(where + ".version must be an OSGi version range such as \"[1.0,2.0)\", got '" + version + "'");
                version = null;
            }
        }
        Map<String, Object> parameters = new LinkedHashMap<>(section);
        parameters.remove(nameKey);
        parameters.remove("version");
        reserved.forEach(parameters::remove);
        return new PluginRef(name.toString(), version == null ? null : version.toString(), parameters);
    }

    private static List<PluginRef> pluginList(Object value, String where, String nameKey, List<String> problems) {
        if (value == null) {
            return List.of();
        }
        List<?> items = value instanceof List<?> l ? l : List.of(value);
        List<PluginRef> refs = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof Map<?, ?> m) {
                refs.add(plugin(stringKeys(m), where, nameKey, Set.of(), problems));
            } else if (item != null && !(item instanceof List)) {
                refs.add(new PluginRef(item.toString(), null, Map.of()));
            } else {
                problems.add(where + " entries are " + nameKey + " names or mappings with '" + nameKey + "', got '" + item + "'");
            }
        }
        return refs;
    }

    private static Map<String, Object> section(Map<String, Object> spec, String name, boolean required, List<String> problems) {
        Object value = spec.get(name);
        if (value == null) {
            if (required) {
                problems.add("missing section '" + name + "'");
            }
            return Map.of();
        }
        return asMap(value, name, problems);
    }

    private static Map<String, Object> asMap(Object value, String where, List<String> problems) {
        if (value instanceof Map<?, ?> m) {
            return stringKeys(m);
        }
        problems.add(where + " must be a mapping, got '" + value + "'");
        return Map.of();
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    @SuppressWarnings("unchecked")
    private <T> T interpolate(T value, String where, List<String> problems) {
        if (value instanceof String s) {
            return (T) substitute(s, where, problems);
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), interpolate(v, where.isEmpty() ? String.valueOf(k) : where + "." + k, problems)));
            return (T) out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) {
                out.add(interpolate(o, where, problems));
            }
            return (T) out;
        }
        return value;
    }

    private String substitute(String s, String where, List<String> problems) {
        Matcher m = VARIABLE.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = environment.apply(m.group(1));
            if (value == null || value.isEmpty()) {
                value = m.group(2);
            }
            if (value == null) {
                problems.add(where + ": environment variable " + m.group(1) + " is not set and has no default");
                value = "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }
}
