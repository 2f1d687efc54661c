package org.genomod.reader.vcf.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.genomod.api.data.InputFormatException;
import org.genomod.api.data.TaskType;

/**
 * Decides the task and the output columns from the labels found, and turns each label into its output
 * values: classes as in reader-fasta (outputs are the sorted class names, or the positive class of a
 * binary task), regression targets as numbers under one output. A trained model's outputs, when
 * given, are used as they are so that prediction lines up with training.
 */
final class LabelPlan {
    /** The {@code task} parameter. */
    enum TaskChoice { AUTO, BINARY, MULTICLASS, REGRESSION }

    private static final Set<String> ZERO_ONE = Set.of("0", "1");
    private final TaskType task;
    private final List<String> outputs;
    private final String positive;

    private LabelPlan(TaskType task, List<String> outputs, String positive) {
        this.task = task;
        this.outputs = List.copyOf(outputs);
        this.positive = positive;
    }

    TaskType task() {
        return task;
    }

    List<String> outputs() {
        return outputs;
    }

    /**
     * @param classes   labels found, each with the line (or record) that first used it; empty for unlabelled data
     * @param numeric   whether auto should mean regression (labels from a Float INFO field)
     * @param target    the output's name for regression, and for a binary flag (the INFO field)
     * @param flag      whether labels are a flag's presence ("1") or absence ("0")
     * @param expected  a trained model's outputs, in its order; empty when training decides them
     */
    static LabelPlan resolve(TaskChoice choice, String positive, Map<String, Long> classes, boolean numeric, String target,
                             boolean flag, List<String> expected, Path file) throws InputFormatException {
        if (choice == TaskChoice.REGRESSION || choice == TaskChoice.AUTO && numeric && !flag) {
            if (positive != null) {
                throw new InputFormatException(file, 0, "positive names a class, but the task is regression");
            }
            return new LabelPlan(TaskType.REGRESSION, expected.isEmpty() ? List.of(target) : expected, null);
        }
        if (flag) {
            if (choice == TaskChoice.MULTICLASS) {
                throw new InputFormatException(file, 0, "INFO field " + target + " is a flag, which gives a binary task, not multiclass");
            }
            return new LabelPlan(TaskType.BINARY, expected.isEmpty() ? List.of(target) : expected, "1");
        }
        if (!expected.isEmpty()) {
            boolean binary = choice == TaskChoice.BINARY || choice == TaskChoice.AUTO && expected.size() == 1;
            LabelPlan plan = binary ? new LabelPlan(TaskType.BINARY, expected, expected.get(0))
                    : new LabelPlan(TaskType.MULTICLASS, expected, null);
            if (binary && expected.size() != 1) {
                throw new InputFormatException(file, 0, "task binary needs one output, but the model has " + expected);
            }
            for (Map.Entry<String, Long> c : classes.entrySet()) {
                if (!binary && !expected.contains(c.getKey())) {
                    throw new InputFormatException(file, c.getValue(), "label '" + c.getKey() + "' is not one of the model's outputs " + expected);
                }
            }
            return plan;
        }
        List<String> sorted = new ArrayList<>(classes.keySet());
        sorted.sort(null);
        if (sorted.isEmpty()) {
            throw new InputFormatException(file, 0, "has no labels and there is no trained model to name the outputs");
        }
        if (positive != null && !classes.containsKey(positive)) {
            throw new InputFormatException(file, 0, "the positive class '" + positive + "' is not among the labels " + sorted);
        }
        boolean binary = choice == TaskChoice.BINARY || choice == TaskChoice.AUTO && positive != null && sorted.size() == 2;
        if (!binary) {
            return new LabelPlan(TaskType.MULTICLASS, sorted, null);
        }
        if (positive == null) {
            if (!ZERO_ONE.containsAll(sorted)) {
                throw new InputFormatException(file, 0, "task binary needs the parameter positive to name the positive class among " + sorted);
            }
            positive = "1";
        }
        return new LabelPlan(TaskType.BINARY, List.of(positive), positive);
    }

    /** Writes the output values of {@code label} into {@code dest}. */
    void encode(String label, float[] dest, int offset) {
        switch (task) {
            case REGRESSION -> dest[offset] = Float.parseFloat(label); // checked by checkNumber when read
            case BINARY -> dest[offset] = label.equals(positive) ? 1f : 0f;
            default -> {
                for (int k = 0; k < outputs.size(); k++) {
                    dest[offset + k] = outputs.get(k).equals(label) ? 1f : 0f;
                }
            }
        }
    }

    /** Whether a regression target reads as a finite number. */
    static boolean isNumber(String label) {
        try {
            return Double.isFinite(Double.parseDouble(label));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static TaskChoice choice(String value) {
        return TaskChoice.valueOf(value.toUpperCase(Locale.ROOT));
    }
}
