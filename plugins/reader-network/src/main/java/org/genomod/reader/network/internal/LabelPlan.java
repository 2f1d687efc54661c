package org.genomod.reader.network.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.genomod.api.data.InputFormatException;

/**
 * The output columns of node classification and each class's one-hot label: the sorted class names,
 * so the same labels always give the same columns, or a trained model's outputs in its order.
 */
final class LabelPlan {
    private final List<String> outputs;
    private final Map<String, float[]> vectors;

    private LabelPlan(List<String> outputs, Map<String, float[]> vectors) {
        this.outputs = List.copyOf(outputs);
        this.vectors = vectors;
    }

    /**
     * @param classes  each label found, with the line that first used it
     * @param expected a trained model's outputs; empty when training decides them
     */
    static LabelPlan resolve(Map<String, Long> classes, List<String> expected, Path labels) throws InputFormatException {
        List<String> outputs = new ArrayList<>(expected);
        if (outputs.isEmpty()) {
            outputs.addAll(classes.keySet());
            outputs.sort(null);
            if (outputs.size() < 2) {
                throw new InputFormatException(labels, 0, "labels the network's nodes with " + outputs.size()
                        + " class" + (outputs.size() == 1 ? " (" + outputs.get(0) + ")" : "es")
                        + "; classification needs at least two");
            }
        }
        Map<String, float[]> vectors = new HashMap<>();
        for (Map.Entry<String, Long> c : classes.entrySet()) {
            int index = outputs.indexOf(c.getKey());
            if (index < 0) {
                throw new InputFormatException(labels, c.getValue(), "label '" + c.getKey()
                        + "' is not one of the model's outputs " + outputs);
            }
            float[] oneHot = new float[outputs.size()];
            oneHot[index] = 1f;
            vectors.put(c.getKey(), oneHot);
        }
        return new LabelPlan(outputs, vectors);
    }

    List<String> outputs() {
        return outputs;
    }

    /** The one-hot vector of a class; shared, so copy before changing. */
    float[] labels(String label) {
        return vectors.get(label);
    }
}
