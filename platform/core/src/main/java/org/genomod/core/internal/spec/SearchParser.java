package org.genomod.core.internal.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.genomod.api.job.SearchSpec;
import org.genomod.api.job.SearchSpec.Dimension;
import org.genomod.api.param.ParameterException;
import org.genomod.api.param.ParameterSchema;
import org.genomod.api.param.ParameterType;
import org.genomod.api.param.Parameters;
import org.genomod.api.train.TrainingOptions;

/**
 * The spec's {@code search} section. Training values are checked here against the platform's
 * training schema; model values need the family's schema and are checked when the plan binds it.
 */
final class SearchParser {
    /** Grids beyond this are almost always a typo (a range written as a list), and would run for days. */
    static final int MAX_TRIALS = 10_000;
    /** Training options a search may vary: the scalar ones (schedules and stopping stay as written). */
    static final List<String> SEARCHABLE_TRAINING = List.of("epochs", "batch_size", "optimizer", "learning_rate",
            "gradient_clip", "class_weights");

    private static final ParameterSchema SECTION = ParameterSchema.builder()
            .choice("method", "grid", SearchSpec.METHODS, "grid: every combination; random: `trials` seeded draws")
            .optional("trials", ParameterType.INTEGER, null, "number of draws (random)")
            .optional("seed", ParameterType.INTEGER, null, "seeds the draws (random); default: the spec's seed")
            .optional("metric", ParameterType.STRING, null, "validation figure to compare trials by; default: the early-stopping metric")
            .required("parameters", ParameterType.MAP, "searched keys, model.<hyper-parameter> or training.<option>, "
                    + "each a list of values or a range {uniform|log_uniform|int_uniform: [low, high]} (random)")
            .build();

    private SearchParser() {
    }

    static SearchSpec parse(Map<String, Object> raw, long specSeed, TrainingOptions training, boolean transfer,
                            List<String> problems) {
        Parameters p;
        try {
            p = SECTION.validate(raw, java.nio.file.Path.of(""));
        } catch (ParameterException e) {
            e.problems().forEach(problem -> problems.add("search: " + problem));
            return null;
        }
        String method = p.string("method");
        int before = problems.size();
        List<Dimension> dimensions = new ArrayList<>();
        for (Map.Entry<String, Object> e : p.map("parameters").entrySet()) {
            Dimension d = dimension(e.getKey(), e.getValue(), method, transfer, problems);
            if (d != null) {
                dimensions.add(d);
            }
        }
        if (dimensions.isEmpty() && problems.size() == before) {
            problems.add("search.parameters names no key to search (e.g. training.learning_rate: [0.001, 0.01])");
        }
        long combinations = 1;
        for (Dimension d : dimensions) {
            combinations = d.range() ? Long.MAX_VALUE : Math.min(Long.MAX_VALUE / 2, combinations * d.values().size());
        }
        int trials;
        if (method.equals("grid")) {
            if (p.has("trials") || p.has("seed")) {
                problems.add("search.trials and search.seed apply to method random; grid runs every combination");
            }
            if (combinations > MAX_TRIALS) {
                problems.add("search: the grid has " + combinations + " combinations, more than " + MAX_TRIALS
                        + "; use method random with a number of trials");
            }
            trials = (int) Math.min(Math.max(combinations, 1), MAX_TRIALS);
        } else if (!p.has("trials")) {
            problems.add("search.trials is required for method random: the number of configurations to draw");
            trials = 1;
        } else {
            trials = p.integer("trials");
            if (trials < 1 || trials > MAX_TRIALS) {
                problems.add("search.trials must be between 1 and " + MAX_TRIALS + ", got " + trials);
                trials = 1;
            }
        }
        String metric = p.has("metric") ? p.string("metric") : training.earlyStopping().metric();
        long seed = p.has("seed") ? p.integer("seed") : specSeed;
        return problems.size() == before ? new SearchSpec(method, trials, seed, metric, dimensions) : null;
    }

    private static Dimension dimension(String key, Object value, String method, boolean transfer, List<String> problems) {
        String where = "search.parameters." + key;
        int dot = key.indexOf('.');
        String section = dot < 0 ? key : key.substring(0, dot);
        String name = dot < 0 ? "" : key.substring(dot + 1);
        if (!Set.of("model", "training").contains(section) || name.isEmpty()) {
            problems.add(where + ": searched keys are model.<hyper-parameter> or training.<option>, e.g. model.dropout");
            return null;
        }
        if (section.equals("model") && transfer) {
            problems.add(where + ": model.from takes the architecture of the saved model, so only training options can be searched");
            return null;
        }
        if (section.equals("training") && !SEARCHABLE_TRAINING.contains(name)) {
            problems.add(where + ": training." + name + " cannot be searched (searchable: "
                    + String.join(", ", SEARCHABLE_TRAINING.stream().map(s -> "training." + s).toList()) + ")");
            return null;
        }
        Dimension d;
        if (value instanceof List<?> values && !values.isEmpty()) {
            d = Dimension.of(key, values);
        } else if (value instanceof Map<?, ?> m && m.size() == 1) {
            d = range(key, where, m, method, problems);
            if (d == null) {
                return null;
            }
        } else {
            problems.add(where + " must be a list of values to try, e.g. [0.001, 0.01], or a range such as {log_uniform: [0.0001, 0.01]}, got '"
                    + value + "'");
            return null;
        }
        if (section.equals("training")) {
            checkTraining(d, name, where, problems);
        }
        return d;
    }

    private static Dimension range(String key, String where, Map<?, ?> m, String method, List<String> problems) {
        Map.Entry<?, ?> only = m.entrySet().iterator().next();
        String distribution = String.valueOf(only.getKey());
        if (!Dimension.DISTRIBUTIONS.contains(distribution)) {
            problems.add(where + ": a range is one of " + String.join(", ", Dimension.DISTRIBUTIONS) + ", got '" + distribution + "'");
            return null;
        }
        if (method.equals("grid")) {
            problems.add(where + ": method grid needs a list of values; ranges are drawn from by method random");
            return null;
        }
        if (!(only.getValue() instanceof List<?> bounds) || bounds.size() != 2
                || !(bounds.get(0) instanceof Number) || !(bounds.get(1) instanceof Number)) {
            problems.add(where + ": " + distribution + " takes two numbers [low, high], got '" + only.getValue() + "'");
            return null;
        }
        double low = ((Number) bounds.get(0)).doubleValue();
        double high = ((Number) bounds.get(1)).doubleValue();
        if (!(low <= high) || (distribution.equals("log_uniform") && !(low > 0))
                || (distribution.equals("int_uniform") && (low != Math.rint(low) || high != Math.rint(high)))) {
            problems.add(where + ": " + distribution + " needs low <= high" + (distribution.equals("log_uniform") ? ", both positive"
                    : distribution.equals("int_uniform") ? ", both integers" : "") + ", got [" + bounds.get(0) + ", " + bounds.get(1) + "]");
            return null;
        }
        return new Dimension(key, null, distribution, low, high);
    }

    /** Each candidate (or both ends of a range) must be a valid training option, named with the key. */
    private static void checkTraining(Dimension d, String name, String where, List<String> problems) {
        List<Object> candidates = d.range() ? List.of(d.low(), d.high()) : d.values();
        for (Object candidate : candidates) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put(name, d.range() && d.distribution().equals("int_uniform") ? (Object) Math.round((Double) candidate) : candidate);
            try {
                SpecParser.TRAINING.validate(one, java.nio.file.Path.of(""));
            } catch (ParameterException e) {
                e.problems().forEach(problem -> problems.add(where + ": value " + candidate + ": " + problem));
            }
        }
    }
}
