package org.genomod.interpret.attribution.internal;

import org.genomod.api.data.DatasetSchema;
import org.genomod.api.model.Batch;
import org.genomod.api.model.DifferentiableModel;
import org.genomod.testing.FixedModel;
import org.genomod.api.model.DifferentiableModel;

/** A binary model with log-odds w·x + ½ Σ q x², whose gradients and path integrals are known exactly. */
final class QuadraticModel extends FixedModel implements DifferentiableModel {
    private final float[] w;
    private final float[] q;

    QuadraticModel(DatasetSchema schema, float[] w, float[] q) {
        super(schema);
        this.w = w;
        this.q = q;
    }

    double logOdds(float[] x, int offset) {
        double s = 0;
        for (int j = 0; j < w.length; j++) {
            s += w[j] * x[offset + j] + 0.5 * q[j] * x[offset + j] * x[offset + j];
        }
        return s;
    }

    @Override
    public float[] inputGradients(Batch batch, int output) {
        float[] gradients = new float[batch.size() * w.length];
        for (int i = 0; i < gradients.length; i++) {
            int j = i % w.length;
            gradients[i] = w[j] + q[j] * batch.features()[i];
        }
        return gradients;
    }

    @Override
    public float[] predict(Batch batch) {
        float[] p = new float[batch.size()];
        for (int e = 0; e < batch.size(); e++) {
            p[e] = (float) (1 / (1 + Math.exp(-logOdds(batch.features(), e * w.length))));
        }
        return p;
    }







    @Override
    public long parameterCount() {
        return 2L * w.length;
    }

    @Override
    public String summary() {
        return "quadratic log-odds";
    }

}
