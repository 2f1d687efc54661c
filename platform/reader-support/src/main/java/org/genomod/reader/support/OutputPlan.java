package org.genomod.reader.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.genomod.api.data.InputFormatException;
import org.genomod.api.data.TaskType;

/**
 * Decides the task and the output columns, and the label vector of each class. Outputs are the sorted
 * class names, so the same data always gives the same columns; a trained model's outputs, when given,
 * are used as they are so that prediction lines up with training.
 */
@org.osgi.annotation.versioning.ProviderType
public final class OutputPlan {
    /** The {@code task} parameter. */
    public enum TaskChoice { AUTO, BINARY, MULTICLASS }

    private static final Set<String> ZERO_ONE = Set.of("0", "1");
    private final TaskType task;
    private final List<String> outputs;
    private final Map<String, float[]> labelVectors;

    private OutputPlan(TaskType task, List<String> outputs, Map<String, float[]> labelVectors) {
        this.task = task;
        this.outputs = List.copyOf(outputs);
        this.labelVectors = labelVectors;
    }

    public TaskType task() {
        return task;
    }

    public List<String> outputs() {
        return outputs;
    }

    /** The label values of class {@code label}; shared, so copy before changing. */
    public float[] labels(String label) {
        return labelVectors.get(label);
    }

    /**
     * @param classes  the labels found, each with the line that first used it; empty for unlabelled data
     * @param expected a trained model's outputs in its order; empty when training decides them
     * @throws InputFormatException when the labels and parameters do not give a well-defined task
     */
    public static OutputPlan resolve(TaskChoice choice, String positive, List<String> expected, Map<String, Long> classes,
                              Path file) throws InputFormatException {
        if (!expected.isEmpty()) {
            return forModel(choice, positive, expected, classes, file);
        }
        List<String> sorted = new ArrayList<>(classes.keySet());
        sorted.sort(null);
        if (sorted.isEmpty()) {
            if (positive != null && choice != TaskChoice.MULTICLASS) {
                return binary(positive, classes);
            }
            throw new InputFormatException(file, 0, "has no labels and there is no trained model to name the "
                    + "outputs; give labels, or the positive class of a binary task");
        }
        if (positive != null && !classes.containsKey(positive)) {
            throw new InputFormatException(file, 0, "the positive class '" + positive + "' is not among the labels "
                    + sorted);
        }
        boolean binary = choice == TaskChoice.BINARY
                || choice == TaskChoice.AUTO && positive != null && sorted.size() == 2;
        if (!binary) {
            return multiclass(sorted, classes, file);
        }
        if (positive == null) {
            if (!ZERO_ONE.containsAll(sorted)) {
                throw new InputFormatException(file, 0, "task binary needs the parameter positive to name the "
                        + "positive class among " + sorted);
            }
            positive = "1";
        }
        return binary(positive, classes);
    }

    private static OutputPlan forModel(TaskChoice choice, String positive, List<String> expected,
                                       Map<String, Long> classes, Path file) throws InputFormatException {
        boolean binary = choice == TaskChoice.BINARY || choice == TaskChoice.AUTO && expected.size() == 1;
        if (!binary) {
            return multiclass(expected, classes, file);
        }
        if (expected.size() != 1) {
            throw new InputFormatException(file, 0, "task binary needs one output, but the model has " + expected);
        }
        if (positive != null && !positive.equals(expected.get(0))) {
            throw new InputFormatException(file, 0, "the positive class '" + positive
                    + "' differs from the model's output '" + expected.get(0) + "'");
        }
        return binary(expected.get(0), classes);
    }

    /** One output, 1 for the positive class and 0 for every other class (one against the rest). */
    private static OutputPlan binary(String positive, Map<String, Long> classes) {
        Map<String, float[]> vectors = new HashMap<>();
        for (String label : classes.keySet()) {
            vectors.put(label, new float[] {label.equals(positive) ? 1f : 0f});
        }
        return new OutputPlan(TaskType.BINARY, List.of(positive), vectors);
    }

    private static OutputPlan multiclass(List<String> outputs, Map<String, Long> classes, Path file)
            throws InputFormatException {
        Map<String, float[]> vectors = new HashMap<>();
        for (Map.Entry<String, Long> c : classes.entrySet()) {
            int index = outputs.indexOf(c.getKey());
            if (index < 0) {
                throw new InputFormatException(file, c.getValue(), "label '" + c.getKey()
                        + "' is not one of the model's outputs " + outputs);
            }
            float[] oneHot = new float[outputs.size()];
            oneHot[index] = 1f;
            vectors.put(c.getKey(), oneHot);
        }
        return new OutputPlan(TaskType.MULTICLASS, outputs, vectors);
    }
}
