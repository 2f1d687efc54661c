package org.genomod.model.multimodal.internal;

import java.util.ArrayList;
import java.util.List;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;

/**
 * One head of the network: consecutive output columns with their own output layer and loss. Multi-label
 * and regression outputs are one task each (several binary phenotypes, several targets); a binary task is
 * one task named after its output, a multi-class task one softmax task named {@value #CLASSES}.
 *
 * @param first the first output column it predicts
 * @param count how many columns it predicts
 */
record Task(String name, int first, int count) {
    static final String CLASSES = "class";

    static List<Task> of(DatasetSchema schema) {
        List<String> outputs = schema.outputs();
        if (schema.task() == TaskType.MULTICLASS) {
            return List.of(new Task(CLASSES, 0, outputs.size()));
        }
        List<Task> tasks = new ArrayList<>();
        for (int j = 0; j < outputs.size(); j++) {
            tasks.add(new Task(outputs.get(j), j, 1));
        }
        return List.copyOf(tasks);
    }
}
