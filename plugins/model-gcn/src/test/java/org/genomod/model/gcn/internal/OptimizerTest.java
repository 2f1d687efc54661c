package org.genomod.model.gcn.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.genomod.api.train.EarlyStopping;
import org.genomod.api.train.LearningRateSchedule;
import org.genomod.api.train.TrainingOptions;
import org.genomod.dl4j.Optimizers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;

/** The family's optimisers take the same steps as the ND4J updaters platform/dl4j configures for the other families. */
class OptimizerTest {

    @ParameterizedTest
    @ValueSource(strings = {"adam", "sgd", "nesterovs", "rmsprop"})
    void stepsLikeTheNd4jUpdater(String name) {
        int n = 50;
        double lr = 0.01;
        TrainingOptions options = new TrainingOptions(1, 1, name, lr, 0, false, EarlyStopping.none());
        SplittableRandom random = new SplittableRandom(3);
        float[] ours = new float[n];
        for (int i = 0; i < n; i++) {
            ours[i] = (float) TestNetwork.gaussian(random);
        }
        INDArray theirs = Nd4j.create(ours.clone(), new long[] {1, n}, DataType.FLOAT);
        long stateSize = Optimizers.updater(options).stateSize(n);
        INDArray state = Nd4j.zeros(DataType.FLOAT, 1, Math.max(1, stateSize));
        GradientUpdater<?> updater = Optimizers.updater(options).instantiate(stateSize == 0 ? null : state, true);
        Optimizer optimizer = Optimizer.of(name, lr);
        assertEquals(name, optimizer.name());
        for (int step = 0; step < 6; step++) {
            float[] gradient = new float[n];
            for (int i = 0; i < n; i++) {
                gradient[i] = (float) (TestNetwork.gaussian(random) * (i % 5 == 0 ? 1e-4 : 1)); // tiny ones test ε
            }
            INDArray update = Nd4j.create(gradient.clone(), new long[] {1, n}, DataType.FLOAT);
            updater.applyUpdater(update, step, 0);
            theirs.subi(update);
            optimizer.step(ours, gradient);
        }
        assertArrayEquals(theirs.toFloatVector(), ours, 2e-6f);
    }

    /** ND4J's epoch-keyed schedule (epochs from 0) against {@link Optimisation#learningRate} set at each epoch's start. */
    @ParameterizedTest
    @ValueSource(strings = {"adam", "sgd"})
    void followsTheLearningRateScheduleLikeNd4j(String name) {
        int n = 20;
        TrainingOptions options = new TrainingOptions(4, 1, name, 0.1, 0, false, EarlyStopping.none(),
                new LearningRateSchedule("step", 0.5, 2));
        SplittableRandom random = new SplittableRandom(5);
        float[] ours = new float[n];
        INDArray theirs = Nd4j.create(ours.clone(), new long[] {1, n}, DataType.FLOAT);
        long stateSize = Optimizers.updater(options).stateSize(n);
        GradientUpdater<?> updater = Optimizers.updater(options)
                .instantiate(stateSize == 0 ? null : Nd4j.zeros(DataType.FLOAT, 1, stateSize), true);
        Optimisation optimisation = Optimisation.of(options);
        Optimizer optimizer = optimisation.newOptimizer();
        int iteration = 0;
        for (int epoch = 1; epoch <= 4; epoch++) {
            optimizer.setLearningRate(optimisation.learningRate(epoch));
            for (int step = 0; step < 2; step++) {
                float[] gradient = new float[n];
                for (int i = 0; i < n; i++) {
                    gradient[i] = (float) TestNetwork.gaussian(random);
                }
                INDArray update = Nd4j.create(gradient.clone(), new long[] {1, n}, DataType.FLOAT);
                updater.applyUpdater(update, iteration++, epoch - 1);
                theirs.subi(update);
                optimizer.step(ours, gradient);
            }
        }
        assertEquals(0.05, optimisation.learningRate(3), 1e-12);
        assertArrayEquals(theirs.toFloatVector(), ours, 2e-6f);
    }

    @Test
    void clippingBoundsEachElementAndZeroTurnsItOff() {
        float[] g = {-3f, -0.5f, 0f, 0.2f, 7f};
        new Optimisation("sgd", 0.1, 1.0, LearningRateSchedule.CONSTANT, 1).clip(g);
        assertArrayEquals(new float[] {-1f, -0.5f, 0f, 0.2f, 1f}, g);
        float[] unclipped = {-3f, 7f};
        new Optimisation("sgd", 0.1, 0, LearningRateSchedule.CONSTANT, 1).clip(unclipped);
        assertArrayEquals(new float[] {-3f, 7f}, unclipped);
    }

    @Test
    void unknownOptimizerIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Optimizer.of("adamw", 0.1));
        assertTrue(e.getMessage().contains("adamw") && e.getMessage().contains("rmsprop"), e.getMessage());
    }
}
