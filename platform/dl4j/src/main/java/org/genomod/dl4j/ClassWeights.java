package org.genomod.dl4j;

import java.nio.FloatBuffer;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;

/**
 * Loss weights per output, applied as Deeplearning4j label masks, which the platform's output layer
 * ({@link WeightedOutputLayer}) reads as weights that multiply each example's or output's loss and gradient once
 * (Deeplearning4j's own layer, made for 0/1 masks, also scaled the logits and squared the weight in the gradient).
 * A mask rather than a weighted loss function because a loss function's weights scale a whole output column,
 * which cannot rebalance the two classes of a sigmoid output.
 *
 * <ul>
 * <li>binary and multi-label: weight {@code w[j]} for the positive examples of output {@code j},
 *     1 for its negatives (PyTorch's {@code pos_weight});</li>
 * <li>multi-class: weight {@code w[c]} for the examples of class {@code c};</li>
 * <li>regression: weight {@code w[j]} for the error of target {@code j}.</li>
 * </ul>
 */
final class ClassWeights {
    private final TaskType task;
    private final float[] weights;

    private ClassWeights(TaskType task, float[] weights) {
        this.task = task;
        this.weights = weights;
    }

    /** Validated weights, or {@code null} when {@code weights} is {@code null}. */
    static ClassWeights of(DatasetSchema schema, float[] weights) {
        if (weights == null) {
            return null;
        }
        if (weights.length != schema.labelSize()) {
            throw new IllegalArgumentException("expected " + schema.labelSize() + " class weights (one per output), got "
                    + weights.length);
        }
        for (float w : weights) {
            if (!(w > 0) || Float.isInfinite(w)) {
                throw new IllegalArgumentException("class weights must be positive and finite, got " + w);
            }
        }
        return new ClassWeights(schema.task(), weights.clone());
    }

    /** Multi-class losses take one weight per example; the others one per output. */
    long[] maskShape(int examples) {
        return new long[] {examples, task == TaskType.MULTICLASS ? 1 : weights.length};
    }

    /** Writes the weights of {@code examples} examples, given their labels, into {@code mask} from index 0. */
    void fill(float[] labels, int examples, FloatBuffer mask) {
        int outputs = weights.length;
        for (int e = 0; e < examples; e++) {
            int row = e * outputs;
            switch (task) {
                case BINARY, MULTILABEL -> {
                    for (int j = 0; j < outputs; j++) {
                        mask.put(row + j, 1 + (weights[j] - 1) * labels[row + j]);
                    }
                }
                case MULTICLASS -> {
                    float w = 0;
                    for (int j = 0; j < outputs; j++) {
                        w += weights[j] * labels[row + j];
                    }
                    mask.put(e, w);
                }
                case REGRESSION -> mask.put(row, weights, 0, outputs);
            }
        }
    }
}
