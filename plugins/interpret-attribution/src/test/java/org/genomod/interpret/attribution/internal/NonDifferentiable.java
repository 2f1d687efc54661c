package org.genomod.interpret.attribution.internal;

import java.nio.file.Path;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.model.Batch;
import org.genomod.api.model.Model;
import org.genomod.api.model.ModelState;

/** A model that predicts 0.5 and gives no gradients. */
record NonDifferentiable(DatasetSchema schema) implements Model {
    @Override
    public double fit(Batch batch) {
        return 0;
    }

    @Override
    public float[] predict(Batch batch) {
        float[] p = new float[batch.size()];
        java.util.Arrays.fill(p, 0.5f);
        return p;
    }

    @Override
    public double loss(Batch batch) {
        return 0;
    }

    @Override
    public ModelState snapshot() {
        return new ModelState() {
        };
    }

    @Override
    public void restore(ModelState state) {
    }

    @Override
    public void save(Path directory) {
    }

    @Override
    public long parameterCount() {
        return 0;
    }

    @Override
    public String summary() {
        return "constant";
    }

    @Override
    public void close() {
    }
}
