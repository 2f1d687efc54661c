package org.genomod.interpret.attribution.internal;

import java.util.Arrays;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.model.Batch;
import org.genomod.testing.FixedModel;
import org.genomod.api.model.Batch;

/** A model that predicts 0.5 and gives no gradients. */
final class NonDifferentiable extends FixedModel {
    NonDifferentiable(DatasetSchema schema) {
        super(schema);
    }

    @Override
    public float[] predict(Batch batch) {
        float[] p = new float[batch.size()];
        Arrays.fill(p, 0.5f);
        return p;
    }
}
