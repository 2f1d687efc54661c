package org.genomod.core.internal.selection;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.genomod.api.job.PipelineSpec;
import org.genomod.api.job.SearchSpec;
import org.genomod.api.job.SearchSpec.Dimension;
import org.genomod.api.param.ParameterException;
import org.genomod.api.param.ParameterSchema;
import org.genomod.api.param.Parameters;
import org.genomod.api.train.TrainingOptions;
import org.genomod.core.internal.spec.SpecParser;

/** Turns a spec's search into validated trials, before anything trains. */
public final class Trials {
    private static final String MODEL = "model.";
    private static final String TRAINING = "training.";

    private Trials() {
    }

    /**
     * Every trial the spec's model selection runs, each value checked against the family's schema (model
     * keys) or the training schema (training keys); problems name the searched key and the value. Without a
     * search the only trial is the spec's own configuration (cross-validation alone scores it).
     *
     * @param family          the model family's hyper-parameter schema
     * @param hyperParameters the spec's hyper-parameters, already validated
     */
    public static List<Trial> of(PipelineSpec spec, ParameterSchema family, Parameters hyperParameters, List<String> problems) {
        if (spec.hyperParameterSearch().isEmpty()) {
            return List.of(new Trial(1, Map.of(), hyperParameters, spec.training()));
        }
        SearchSpec search = spec.hyperParameterSearch().get();
        int before = problems.size();
        for (Dimension d : search.dimensions()) {
            if (d.key().startsWith(MODEL)) {
                // each value alone first, so a bad one is reported once with its key, not once per combination;
                // a problem every value has (an unknown key) is reported once, without the values
                List<Object> values = candidates(d);
                Map<String, List<Object>> valuesByProblem = new LinkedHashMap<>();
                for (Object value : values) {
                    try {
                        family.validate(merged(spec.model().parameters(), Map.of(d.key(), value)), spec.baseDirectory());
                    } catch (ParameterException e) {
                        e.problems().forEach(p -> valuesByProblem.computeIfAbsent(p, k -> new ArrayList<>()).add(value));
                    }
                }
                valuesByProblem.forEach((p, bad) -> {
                    if (values.size() > 1 && bad.size() == values.size()) {
                        problems.add("search.parameters." + d.key() + ": " + p);
                    } else {
                        bad.forEach(value -> problems.add("search.parameters." + d.key() + ": value " + value + ": " + p));
                    }
                });
            }
        }
        if (problems.size() > before) {
            return List.of();
        }
        List<Trial> trials = new ArrayList<>();
        for (Map<String, Object> assignment : SearchSpace.assignments(search)) {
            int number = trials.size() + 1;
            try {
                Parameters trialParameters = family.validate(merged(spec.model().parameters(), assignment), spec.baseDirectory());
                trials.add(new Trial(number, assignment, trialParameters, training(spec.training(), assignment)));
            } catch (ParameterException e) {
                e.problems().forEach(p -> problems.add("search trial " + number + " (" + new Trial(number, assignment, null, null).describe()
                        + "): " + p));
            }
        }
        return trials;
    }

    private static List<Object> candidates(Dimension d) {
        if (!d.range()) {
            return d.values();
        }
        return d.distribution().equals("int_uniform")
                ? List.of((int) Math.round(d.low()), (int) Math.round(d.high())) : List.of(d.low(), d.high());
    }

    /** The spec's model section with the trial's {@code model.*} values in place. */
    private static Map<String, Object> merged(Map<String, Object> model, Map<String, Object> assignment) {
        Map<String, Object> out = new LinkedHashMap<>(model);
        assignment.forEach((k, v) -> {
            if (k.startsWith(MODEL)) {
                out.put(k.substring(MODEL.length()), v);
            }
        });
        return out;
    }

    /** The training options with the trial's {@code training.*} values in place of the spec's. */
    static TrainingOptions training(TrainingOptions base, Map<String, Object> assignment) throws ParameterException {
        Map<String, Object> raw = new LinkedHashMap<>();
        assignment.forEach((k, v) -> {
            if (k.startsWith(TRAINING)) {
                raw.put(k.substring(TRAINING.length()), v);
            }
        });
        if (raw.isEmpty()) {
            return base;
        }
        Parameters p = SpecParser.TRAINING.validate(raw, Path.of(""));
        return new TrainingOptions(
                raw.containsKey("epochs") ? p.integer("epochs") : base.epochs(),
                raw.containsKey("batch_size") ? p.integer("batch_size") : base.batchSize(),
                raw.containsKey("optimizer") ? p.string("optimizer") : base.optimizer(),
                raw.containsKey("learning_rate") ? p.number("learning_rate") : base.learningRate(),
                raw.containsKey("gradient_clip") ? p.number("gradient_clip") : base.gradientClip(),
                raw.containsKey("class_weights") ? p.flag("class_weights") : base.classWeights(),
                base.earlyStopping(), base.schedule());
    }
}
