package org.genomod.model.gcn.internal;

import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;

/**
 * Output activation and loss for a {@link TaskType}, computed from logits so that both stay finite:
 * softmax cross-entropy (multi-class), sigmoid binary cross-entropy summed over outputs (binary,
 * multi-label), squared error averaged over targets (regression). A batch's loss is the mean over its
 * examples, as Deeplearning4j scores it, so this family's losses compare with the others'.
 *
 * <p>Class weights follow the platform's meaning ({@code ModelRequest#classWeights}): multi-class, the weight
 * of each class's examples; binary and multi-label, the weight of each output's positives (negatives 1);
 * regression, each target's weight.
 */
final class TaskHead {
    private final TaskType task;
    private final int outputs;
    private final float[] classWeights;

    TaskHead(DatasetSchema schema, float[] classWeights) {
        this.task = schema.task();
        this.outputs = schema.labelSize();
        if (classWeights != null) {
            if (classWeights.length != outputs) {
                throw new IllegalArgumentException("expected " + outputs + " class weights (one per output), got " + classWeights.length);
            }
            for (float w : classWeights) {
                if (!(w > 0) || Float.isInfinite(w)) {
                    throw new IllegalArgumentException("class weights must be positive and finite, got " + w);
                }
            }
        }
        this.classWeights = classWeights == null ? null : classWeights.clone();
    }

    /** Probabilities (classification) or values (regression) of logit row {@code row} into {@code dest}. */
    void activate(float[] logits, int row, float[] dest, int offset) {
        int from = row * outputs;
        switch (task) {
            case MULTICLASS -> {
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < outputs; j++) {
                    max = Math.max(max, logits[from + j]);
                }
                double sum = 0;
                for (int j = 0; j < outputs; j++) {
                    sum += Math.exp(logits[from + j] - max);
                }
                for (int j = 0; j < outputs; j++) {
                    dest[offset + j] = (float) (Math.exp(logits[from + j] - max) / sum);
                }
            }
            case BINARY, MULTILABEL -> {
                for (int j = 0; j < outputs; j++) {
                    dest[offset + j] = (float) sigmoid(logits[from + j]);
                }
            }
            case REGRESSION -> System.arraycopy(logits, from, dest, offset, outputs);
        }
    }

    /**
     * Adds to {@code gradient} (the logits' layout) the gradient of output {@code output}'s attribution score of
     * logit row {@code row}: its logit (log-odds or value) for binary, multi-label and regression tasks, its
     * log-probability {@code z_k - log Σ exp z} (gradient {@code e_k - p}) for multi-class ones.
     */
    void addScoreGradient(float[] logits, int row, int output, float[] gradient) {
        int from = row * outputs;
        if (task == TaskType.MULTICLASS) {
            float[] p = new float[outputs];
            activate(logits, row, p, 0);
            for (int j = 0; j < outputs; j++) {
                gradient[from + j] -= p[j];
            }
        }
        gradient[from + output] += 1;
    }

    /**
     * Mean loss of {@code examples} examples whose logits are rows {@code rows[e]} of {@code logits}.
     *
     * @param weighted whether class weights apply (training) or not (validation losses stay comparable)
     * @param gradient when not {@code null}, receives {@code ∂loss/∂logits} in the logits' layout
     */
    double loss(float[] logits, int[] rows, float[] labels, int examples, boolean weighted, float[] gradient) {
        float[] w = weighted ? classWeights : null;
        double total = 0;
        for (int e = 0; e < examples; e++) {
            int z = rows[e] * outputs;
            int y = e * outputs;
            total += switch (task) {
                case MULTICLASS -> softmaxCrossEntropy(logits, z, labels, y, w, gradient, examples);
                case BINARY, MULTILABEL -> sigmoidCrossEntropy(logits, z, labels, y, w, gradient, examples);
                case REGRESSION -> squaredError(logits, z, labels, y, w, gradient, examples);
            };
        }
        return total / examples;
    }

    private double softmaxCrossEntropy(float[] logits, int z, float[] labels, int y, float[] w, float[] gradient, int examples) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < outputs; j++) {
            max = Math.max(max, logits[z + j]);
        }
        double sum = 0;
        for (int j = 0; j < outputs; j++) {
            sum += Math.exp(logits[z + j] - max);
        }
        double logSum = max + Math.log(sum);
        double weight = 0;
        double labelSum = 0;
        double loss = 0;
        for (int j = 0; j < outputs; j++) {
            weight += (w == null ? 1 : w[j]) * labels[y + j];
            labelSum += labels[y + j];
            loss += labels[y + j] * (logSum - logits[z + j]);
        }
        if (w == null) {
            weight = 1;
        }
        if (gradient != null) {
            for (int j = 0; j < outputs; j++) {
                double p = Math.exp(logits[z + j] - logSum);
                gradient[z + j] += (float) (weight * (p * labelSum - labels[y + j]) / examples);
            }
        }
        return weight * loss;
    }

    private double sigmoidCrossEntropy(float[] logits, int z, float[] labels, int y, float[] w, float[] gradient, int examples) {
        double loss = 0;
        for (int j = 0; j < outputs; j++) {
            double x = logits[z + j];
            double t = labels[y + j];
            double weight = w == null ? 1 : 1 + (w[j] - 1) * t;
            // max(x, 0) - x·t + log(1 + e^-|x|) = -t·log σ(x) - (1-t)·log(1-σ(x)), without overflow
            loss += weight * (Math.max(x, 0) - x * t + Math.log1p(Math.exp(-Math.abs(x))));
            if (gradient != null) {
                gradient[z + j] += (float) (weight * (sigmoid(x) - t) / examples);
            }
        }
        return loss;
    }

    private double squaredError(float[] logits, int z, float[] labels, int y, float[] w, float[] gradient, int examples) {
        double loss = 0;
        for (int j = 0; j < outputs; j++) {
            double d = logits[z + j] - labels[y + j];
            double weight = w == null ? 1 : w[j];
            loss += weight * d * d / outputs;
            if (gradient != null) {
                gradient[z + j] += (float) (weight * 2 * d / outputs / examples);
            }
        }
        return loss;
    }

    private static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }
}
