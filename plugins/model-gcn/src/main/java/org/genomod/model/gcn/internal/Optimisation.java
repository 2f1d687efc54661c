package org.genomod.model.gcn.internal;

import org.genomod.api.train.LearningRateSchedule;
import org.genomod.api.train.TrainingOptions;

/**
 * The optimiser settings a model keeps (and saves, so that a loaded model fine-tunes as it was trained).
 *
 * @param optimizer    one of {@link TrainingOptions#OPTIMIZERS}
 * @param learningRate initial step size
 * @param gradientClip element-wise absolute clip of the loss gradient, before the L2 term is added
 *                     (Deeplearning4j's order); 0 for none
 * @param schedule     how the step size changes from epoch to epoch
 * @param epochs       the training's epochs, which a cosine schedule spans
 */
record Optimisation(String optimizer, double learningRate, double gradientClip, LearningRateSchedule schedule, int epochs) {

    static Optimisation of(TrainingOptions options) {
        return new Optimisation(options.optimizer(), options.learningRate(), options.gradientClip(), options.schedule(),
                options.epochs());
    }

    Optimizer newOptimizer() {
        return Optimizer.of(optimizer, learningRate);
    }

    /** The step size of {@code epoch} (from 1). */
    double learningRate(int epoch) {
        return schedule.rate(learningRate, epoch, epochs);
    }

    void clip(float[] gradient) {
        if (gradientClip > 0) {
            float c = (float) gradientClip;
            for (int i = 0; i < gradient.length; i++) {
                gradient[i] = Math.max(-c, Math.min(c, gradient[i]));
            }
        }
    }
}
