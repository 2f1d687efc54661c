package org.genomod.model.multimodal.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.genomod.api.param.Parameter;
import org.genomod.api.param.ParameterException;
import org.genomod.api.param.ParameterSchema;
import org.genomod.api.param.ParameterType;
import org.genomod.api.param.Parameters;
import org.genomod.dl4j.OutputHead;

/**
 * The family's hyper-parameters. Top-level settings apply to every branch; {@value #BRANCHES} overrides
 * them per input by name, and {@value #TASK_WEIGHTS} weights each task's loss by name. Both name inputs
 * and tasks of the data, so their keys are checked against the data (see {@link MultimodalModelFamily#check}).
 * Defaults follow the dense family's for inputs with far more features than examples (genotypes, expression).
 */
final class MultimodalHyperParameters {
    static final String BRANCH_HIDDEN = "branch_hidden";
    static final String CONV_FILTERS = "conv_filters";
    static final String CONV_KERNEL = "conv_kernel";
    static final String SHARED_HIDDEN = "shared_hidden";
    static final String HEAD_HIDDEN = "head_hidden";
    static final String ACTIVATION = "activation";
    static final String DROPOUT = "dropout";
    static final String INPUT_L1 = "input_l1";
    static final String INPUT_INIT_SCALE = "input_init_scale";
    static final String L2 = "l2";
    static final String BRANCHES = "branches";
    static final String TASK_WEIGHTS = "task_weights";
    static final String LOSS = "loss";
    /** Per-input settings in {@value #BRANCHES}. */
    static final String TYPE = "type";
    static final String HIDDEN = "hidden";
    static final String FILTERS = "filters";
    static final String KERNEL = "kernel";

    static final List<String> ACTIVATIONS = List.of("relu", "leakyrelu", "elu", "tanh");
    static final List<String> BRANCH_TYPES = List.of("auto", "dense", "conv");

    private static final Parameter HIDDEN_UNITS = new Parameter(BRANCH_HIDDEN, ParameterType.INTEGER_LIST, false, List.of(16),
            "dense units per layer of each input's branch, input side first; [] passes the input (or the pooled convolution) "
                    + "straight to the merge", null, 1.0, 65536.0);

    static final ParameterSchema SCHEMA = ParameterSchema.builder()
            .add(HIDDEN_UNITS)
            .integer(CONV_FILTERS, 32, 1, 4096, "filters of a convolution branch (one-hot sequence inputs)")
            .integer(CONV_KERNEL, 12, 1, 1024, "width in positions of a convolution branch's filters")
            .add(new Parameter(SHARED_HIDDEN, ParameterType.INTEGER_LIST, false, List.of(16),
                    "dense units per shared layer after the branches merge; [] for none", null, 1.0, 65536.0))
            .add(new Parameter(HEAD_HIDDEN, ParameterType.INTEGER_LIST, false, List.of(),
                    "dense units per layer of each task's own head before its output layer; [] for none", null, 1.0, 65536.0))
            .choice(ACTIVATION, "relu", ACTIVATIONS, "hidden activation")
            .number(DROPOUT, 0.5, 0, 0.95, "dropout rate on the output of every hidden layer (branch, shared and head)")
            .number(INPUT_L1, 0.01, 0, 1, "L1 penalty on the weights of each dense branch's first layer (loss + input_l1 x sum |w|): "
                    + "a feature selection learnt with the network")
            .number(INPUT_INIT_SCALE, 0.1, 0, 10, "factor on the initial weights of each dense branch's first layer: small when "
                    + "features far outnumber examples (see the dense family)")
            .number(L2, 1e-3, 0, 1, "L2 penalty on the weights of every layer, not biases (loss + l2/2 x sum w^2)")
            .optional(BRANCHES, ParameterType.MAP, Map.of(), "per-input settings by input name: {type: auto|dense|conv, hidden: [..], "
                    + "filters: n, kernel: n, input_l1: x, input_init_scale: x}; unset keys take the top-level values; "
                    + "type auto is conv for one-hot sequences, dense otherwise")
            .optional(TASK_WEIGHTS, ParameterType.MAP, Map.of(), "loss weight per task by name (an output of a multi-label or "
                    + "regression task, the output of a binary one, 'class' for a multi-class one): total loss = sum of "
                    + "weight x task loss; unnamed tasks weigh 1, 0 leaves a task untrained")
            .choice(LOSS, "auto", OutputHead.LOSSES, "every task's loss; auto: cross-entropy for classification, mse for regression")
            .build();

    /** One entry of {@value #BRANCHES}: what is not given falls back to the top-level value. */
    static final ParameterSchema BRANCH = ParameterSchema.builder()
            .choice(TYPE, "auto", BRANCH_TYPES, "auto: conv for a one-hot sequence, dense otherwise")
            .add(new Parameter(HIDDEN, ParameterType.INTEGER_LIST, false, null, "dense units of this branch", null, 1.0, 65536.0))
            .add(new Parameter(FILTERS, ParameterType.INTEGER, false, null, "convolution filters", null, 1.0, 4096.0))
            .add(new Parameter(KERNEL, ParameterType.INTEGER, false, null, "convolution width", null, 1.0, 1024.0))
            .add(new Parameter(INPUT_L1, ParameterType.NUMBER, false, null, "L1 on the first layer's weights", null, 0.0, 1.0))
            .add(new Parameter(INPUT_INIT_SCALE, ParameterType.NUMBER, false, null, "factor on the first layer's initial weights",
                    null, 0.0, 10.0))
            .build();

    private MultimodalHyperParameters() {
    }

    /**
     * Each input's branch: its {@value #BRANCHES} entry over the top-level values.
     *
     * @throws IllegalArgumentException listing every problem with the branch settings
     */
    static Map<String, Branch> branches(Parameters parameters, List<Segment> segments) {
        List<String> problems = new ArrayList<>();
        Map<String, Branch> branches = branches(parameters, segments, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return branches;
    }

    static Map<String, Branch> branches(Parameters parameters, List<Segment> segments, List<String> problems) {
        Map<String, Object> overrides = parameters.map(BRANCHES);
        List<String> names = segments.stream().map(Segment::name).toList();
        for (String name : overrides.keySet()) {
            if (!names.contains(name)) {
                problems.add(BRANCHES + " names input '" + name + "', which the data does not have (inputs: " + String.join(", ", names) + ")");
            }
        }
        Map<String, Branch> branches = new LinkedHashMap<>();
        for (Segment segment : segments) {
            Object raw = overrides.getOrDefault(segment.name(), Map.of());
            Parameters own = null;
            if (raw instanceof Map<?, ?> m) {
                try {
                    own = BRANCH.validate(stringKeys(m), Path.of(""));
                } catch (ParameterException e) {
                    e.problems().forEach(p -> problems.add(BRANCHES + "." + segment.name() + ": " + p));
                }
            } else {
                problems.add(BRANCHES + "." + segment.name() + " must be a mapping of branch settings, got '" + raw + "'");
            }
            if (own == null) {
                continue;
            }
            String type = own.string(TYPE);
            boolean conv = type.equals("conv") || type.equals("auto") && segment.oneHotSequence();
            Branch branch = new Branch(conv,
                    own.has(HIDDEN) ? own.integers(HIDDEN) : parameters.integers(BRANCH_HIDDEN),
                    own.has(FILTERS) ? own.integer(FILTERS) : parameters.integer(CONV_FILTERS),
                    own.has(KERNEL) ? own.integer(KERNEL) : parameters.integer(CONV_KERNEL),
                    own.has(INPUT_L1) ? own.number(INPUT_L1) : parameters.number(INPUT_L1),
                    own.has(INPUT_INIT_SCALE) ? own.number(INPUT_INIT_SCALE) : parameters.number(INPUT_INIT_SCALE));
            checkBranch(segment, branch, problems);
            branches.put(segment.name(), branch);
        }
        return branches;
    }

    private static void checkBranch(Segment segment, Branch branch, List<String> problems) {
        String where = "input '" + segment.name() + "'";
        if (branch.conv()) {
            if (segment.shape().size() != 2) {
                problems.add(where + " has shape " + segment.shape() + ": a conv branch needs a [length, channels] sequence; "
                        + "set " + BRANCHES + "." + segment.name() + ".type: dense");
            } else if (branch.kernel() > segment.shape().get(0)) {
                problems.add(where + ": the conv kernel of " + branch.kernel() + " positions is longer than its "
                        + segment.shape().get(0) + " positions");
            }
        } else if (branch.inputInitScale() == 0 && !branch.hidden().isEmpty()) {
            problems.add(where + ": input_init_scale 0 would start every unit of its first layer equal, so they could never differ; "
                    + "use a small positive scale such as 0.1");
        }
    }

    /**
     * Each task's loss weight: {@value #TASK_WEIGHTS} by name, 1 for tasks it does not name. A model fine-tuned
     * from a saved one has its parent's hyper-parameters, whose weights may name tasks the new data lacks:
     * {@code inherited} leaves those out instead of refusing them.
     *
     * @throws IllegalArgumentException listing every problem with the weights
     */
    static double[] taskWeights(Parameters parameters, List<Task> tasks, boolean inherited) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> given = new LinkedHashMap<>(parameters.map(TASK_WEIGHTS));
        if (inherited) {
            given.keySet().retainAll(tasks.stream().map(Task::name).toList());
        }
        double[] weights = taskWeights(given, tasks, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return weights;
    }

    static double[] taskWeights(Parameters parameters, List<Task> tasks, List<String> problems) {
        return taskWeights(parameters.map(TASK_WEIGHTS), tasks, problems);
    }

    private static double[] taskWeights(Map<String, Object> given, List<Task> tasks, List<String> problems) {
        // one number per task, validated as any parameter (numbers written as strings, e.g. from ${VARIABLES}, included)
        ParameterSchema.Builder schema = ParameterSchema.builder();
        tasks.forEach(t -> schema.number(t.name(), 1, 0, 1e6, "loss weight of task " + t.name()));
        double[] weights = new double[tasks.size()];
        java.util.Arrays.fill(weights, 1);
        try {
            Parameters valid = schema.build().validate(given, Path.of(""));
            for (int t = 0; t < tasks.size(); t++) {
                weights[t] = valid.number(tasks.get(t).name());
            }
        } catch (ParameterException e) {
            e.problems().forEach(p -> problems.add(TASK_WEIGHTS + ": " + p));
            return weights;
        }
        if (java.util.Arrays.stream(weights).allMatch(w -> w == 0)) {
            problems.add(TASK_WEIGHTS + " are all 0: no task would be trained");
        }
        return weights;
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
