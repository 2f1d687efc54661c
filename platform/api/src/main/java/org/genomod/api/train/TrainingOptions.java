package org.genomod.api.train;

import java.util.List;
import java.util.Objects;

/**
 * How a model is optimised; given to the model family at creation (optimiser, learning rate and
 * clipping live in the network) and to the trainer (epochs, batches, stopping).
 *
 * @param epochs        maximum number of passes over the training split
 * @param batchSize     examples per optimisation step
 * @param optimizer     one of {@link #OPTIMIZERS}
 * @param learningRate  initial learning rate
 * @param gradientClip  clip each gradient element to this absolute value; 0 for none
 * @param classWeights  weight the loss by inverse class frequency (imbalanced labels)
 * @param earlyStopping when to stop before {@code epochs}
 * @param schedule      how the learning rate changes over epochs
 */
public record TrainingOptions(int epochs, int batchSize, String optimizer, double learningRate,
                              double gradientClip, boolean classWeights, EarlyStopping earlyStopping,
                              LearningRateSchedule schedule) {
    public static final List<String> OPTIMIZERS = List.of("adam", "sgd", "nesterovs", "rmsprop");

    public TrainingOptions {
        if (epochs < 1 || batchSize < 1) {
            throw new IllegalArgumentException("epochs and batch size must be at least 1");
        }
        if (!OPTIMIZERS.contains(optimizer)) {
            throw new IllegalArgumentException("unknown optimizer '" + optimizer + "' (known: " + String.join(", ", OPTIMIZERS) + ")");
        }
        if (!(learningRate > 0) || gradientClip < 0) {
            throw new IllegalArgumentException("learning rate must be positive and gradient clip non-negative");
        }
        Objects.requireNonNull(earlyStopping, "earlyStopping");
        schedule = schedule == null ? LearningRateSchedule.CONSTANT : schedule;
    }

    /** Options with a constant learning rate. */
    public TrainingOptions(int epochs, int batchSize, String optimizer, double learningRate,
                           double gradientClip, boolean classWeights, EarlyStopping earlyStopping) {
        this(epochs, batchSize, optimizer, learningRate, gradientClip, classWeights, earlyStopping, LearningRateSchedule.CONSTANT);
    }

    /** The learning rate of {@code epoch} (from 1) under the schedule. */
    public double learningRate(int epoch) {
        return schedule.rate(learningRate, epoch, epochs);
    }

    public static TrainingOptions defaults() {
        return new TrainingOptions(20, 64, "adam", 1e-3, 0, false, new EarlyStopping("loss", 5, 0, true));
    }
}
