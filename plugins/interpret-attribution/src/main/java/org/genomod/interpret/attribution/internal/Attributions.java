package org.genomod.interpret.attribution.internal;

import org.genomod.api.model.Batch;
import org.genomod.api.model.DifferentiableModel;

/**
 * Gradient × input and integrated gradients (Sundararajan et al. 2017) for one batch, both relative to a
 * baseline x0: attribution = (x - x0) × gradient, the gradient taken at x, or averaged along the straight path
 * from x0 to x (trapezoidal rule over {@code steps} intervals). Integrated gradients then sum to
 * score(x) - score(x0) up to the integration error ({@link #completenessErrors}).
 */
final class Attributions {
    private final DifferentiableModel model;
    private final int output;
    private final float[] baseline;

    Attributions(DifferentiableModel model, int output, float[] baseline) {
        this.model = model;
        this.output = output;
        this.baseline = baseline;
    }

    /** (x - x0) × gradient at x, {@code size × featureSize}. */
    float[] gradientTimesInput(Batch batch) {
        return timesDelta(batch, model.inputGradients(unlabelled(batch, batch.features()), output));
    }

    /** (x - x0) × the path-averaged gradient, {@code size × featureSize}. */
    float[] integratedGradients(Batch batch, int steps) {
        int f = baseline.length;
        int n = batch.size();
        double[] mean = new double[n * f];
        float[] path = new float[n * f];
        for (int k = 0; k <= steps; k++) {
            float alpha = (float) k / steps;
            for (int e = 0; e < n; e++) {
                for (int j = 0; j < f; j++) {
                    float x0 = baseline[j];
                    path[e * f + j] = x0 + alpha * (batch.features()[e * f + j] - x0);
                }
            }
            float[] gradients = model.inputGradients(unlabelled(batch, path), output);
            double weight = (k == 0 || k == steps ? 0.5 : 1.0) / steps;
            for (int i = 0; i < n * f; i++) {
                mean[i] += weight * gradients[i];
            }
        }
        float[] averaged = new float[n * f];
        for (int i = 0; i < averaged.length; i++) {
            averaged[i] = (float) mean[i];
        }
        return timesDelta(batch, averaged);
    }

    /**
     * Per example, |sum of attributions - (score(x) - score(x0))| / max(|score(x) - score(x0)|, 1e-3): how far
     * the attributions are from accounting for the score's change.
     */
    double[] completenessErrors(Batch batch, float[] attributions, float[] predictions) {
        int f = baseline.length;
        int n = batch.size();
        int outputs = model.schema().labelSize();
        float[] baselines = new float[n * f];
        for (int e = 0; e < n; e++) {
            System.arraycopy(baseline, 0, baselines, e * f, f);
        }
        double reference = Scores.of(model.schema().task(), model.predict(new Batch(n, baselines, null))[output]);
        double[] errors = new double[n];
        for (int e = 0; e < n; e++) {
            double sum = 0;
            for (int j = 0; j < f; j++) {
                sum += attributions[e * f + j];
            }
            double change = Scores.of(model.schema().task(), predictions[e * outputs + output]) - reference;
            errors[e] = Math.abs(sum - change) / Math.max(Math.abs(change), 1e-3);
        }
        return errors;
    }

    private float[] timesDelta(Batch batch, float[] gradients) {
        int f = baseline.length;
        for (int i = 0; i < batch.size() * f; i++) {
            gradients[i] *= batch.features()[i] - baseline[i % f];
        }
        return gradients;
    }

    /** {@code features} for the batch's examples (same ids, same network), without labels: gradients ignore them. */
    private static Batch unlabelled(Batch batch, float[] features) {
        return new Batch(batch.size(), features, null, batch.ids(), batch.network().orElse(null));
    }
}
