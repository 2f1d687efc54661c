package org.genomod.reader.vcf.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.genomod.api.data.InputFormatException;
import org.genomod.api.data.ReadContext;

/**
 * The labels of a read's examples, kept as one shared string per distinct label until the task and
 * outputs are known, then encoded. Labels are all present (training) or all absent (prediction).
 */
final class LabelledExamples {
    private final Path file;
    private final List<String> labels = new ArrayList<>();
    /** Each distinct label and the line (or record) that first used it, in order of first use. */
    private final Map<String, Long> firstUse = new LinkedHashMap<>();
    private final Map<String, String> shared = new HashMap<>();
    private int unlabelled;
    private String firstUnlabelled;
    private long firstUnlabelledLine;

    LabelledExamples(Path file) {
        this.file = file;
    }

    /** @param where names the example in messages, e.g. its id or sample name */
    void add(String label, long line, String where) {
        if (label == null) {
            unlabelled++;
            if (firstUnlabelled == null) {
                firstUnlabelled = where;
                firstUnlabelledLine = line;
            }
            labels.add(null);
            return;
        }
        String instance = shared.putIfAbsent(label, label);
        if (instance == null) {
            instance = label;
            firstUse.put(label, line);
        }
        labels.add(instance);
    }

    String label(int index) {
        return labels.get(index);
    }

    int size() {
        return labels.size();
    }

    Map<String, Long> classes() {
        return firstUse;
    }

    /**
     * Whether the examples are labelled: all of them, or (when labels are optional) none.
     *
     * @param hint why an example may lack its label
     */
    boolean labelled(ReadContext context, String hint) throws InputFormatException {
        if (unlabelled == 0 && !labels.isEmpty()) {
            return true;
        }
        if (unlabelled == labels.size() && !context.labelsRequired()) {
            return false;
        }
        throw new InputFormatException(file, firstUnlabelledLine, firstUnlabelled + " has no label (" + hint + ")"
                + (context.labelsRequired() ? ", and training needs one for every example" : ", but other examples have one"));
    }

    /** Checks that every label is a finite number, naming the first that is not. */
    void checkNumeric(String what) throws InputFormatException {
        for (Map.Entry<String, Long> e : firstUse.entrySet()) {
            if (!LabelPlan.isNumber(e.getKey())) {
                throw new InputFormatException(file, e.getValue(), what + " '" + e.getKey() + "' is not a number, but the task is regression");
            }
        }
    }

    /** The encoded labels of all examples, {@code size × outputs}. */
    float[] encode(LabelPlan plan) {
        int k = plan.outputs().size();
        float[] values = new float[labels.size() * k];
        for (int i = 0; i < labels.size(); i++) {
            plan.encode(labels.get(i), values, i * k);
        }
        return values;
    }
}
