package org.genomod.core.internal.selection;

import java.util.Collection;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.model.Batch;
import org.genomod.core.internal.LogisticModel;

/** Logistic regression that notes every example id it is fitted on, predicts or scores, and whether it was closed. */
public final class RecordingModel extends LogisticModel {
    private final Collection<String> seen;
    private boolean closed;

    public RecordingModel(DatasetSchema schema, double rate, Collection<String> seen) {
        super(schema, rate);
        this.seen = seen;
    }

    @Override
    public double fit(Batch batch) {
        seen.addAll(batch.ids());
        return super.fit(batch);
    }

    @Override
    public float[] predict(Batch batch) {
        seen.addAll(batch.ids());
        return super.predict(batch);
    }

    @Override
    public double loss(Batch batch) {
        seen.addAll(batch.ids());
        return super.loss(batch);
    }

    @Override
    public void close() {
        closed = true;
    }

    public boolean closed() {
        return closed;
    }
}
