package org.genomod.api.eval;

import java.util.List;
import java.util.Objects;
import org.genomod.api.data.DatasetSchema;

/**
 * A model's outputs next to the true labels, row-major {@code size × labelSize}.
 */
public final class Predictions {
    private final DatasetSchema schema;
    private final List<String> ids;
    private final float[] scores;
    private final float[] labels;

    public Predictions(DatasetSchema schema, List<String> ids, float[] scores, float[] labels) {
        this.schema = Objects.requireNonNull(schema);
        this.ids = List.copyOf(ids);
        int expected = ids.size() * schema.labelSize();
        if (scores.length != expected || (labels != null && labels.length != expected)) {
            throw new IllegalArgumentException("expected " + expected + " scores and labels for " + ids.size() + " examples");
        }
        this.scores = scores;
        this.labels = labels;
    }

    public DatasetSchema schema() {
        return schema;
    }

    public int size() {
        return ids.size();
    }

    public List<String> ids() {
        return ids;
    }

    public float score(int example, int output) {
        return scores[example * schema.labelSize() + output];
    }

    public float label(int example, int output) {
        return labels[example * schema.labelSize() + output];
    }

    public boolean labelled() {
        return labels != null;
    }
}
