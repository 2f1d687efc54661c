package org.genomod.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.genomod.api.train.EarlyStopping;
import org.genomod.api.train.TrainingOptions;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;

class OptimizersTest {

    private static TrainingOptions options(String optimizer, double lr, double clip) {
        return new TrainingOptions(1, 32, optimizer, lr, clip, false, EarlyStopping.none());
    }

    @Test
    void mapsEachSupportedOptimizerWithItsLearningRate() {
        assertUpdater(Adam.class, "adam");
        assertUpdater(Sgd.class, "sgd");
        assertUpdater(Nesterovs.class, "nesterovs");
        assertUpdater(RmsProp.class, "rmsprop");
        assertEquals(0.9, ((Nesterovs) Optimizers.updater(options("nesterovs", 0.1, 0))).getMomentum(), 1e-12);
    }

    private static void assertUpdater(Class<? extends IUpdater> type, String name) {
        IUpdater updater = Optimizers.updater(options(name, 0.025, 0));
        assertInstanceOf(type, updater);
        assertEquals(0.025, updater.getLearningRate(0, 0), 1e-12);
        assertTrue(Optimizers.SUPPORTED.contains(name));
    }

    @Test
    void adamwIsRefusedNotApproximated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Optimizers.updater(options("adamw", 1e-3, 0)));
        assertTrue(e.getMessage().contains("adamw"), e.getMessage());
    }

    @Test
    void clipsGradientElementsOnlyWhenAsked() {
        BaseLayer clipped = layer(options("adam", 1e-3, 0.5));
        assertEquals(GradientNormalization.ClipElementWiseAbsoluteValue, clipped.getGradientNormalization());
        assertEquals(0.5, clipped.getGradientNormalizationThreshold(), 1e-12);
        assertEquals(GradientNormalization.None, layer(options("adam", 1e-3, 0)).getGradientNormalization());
    }

    private static BaseLayer layer(TrainingOptions options) {
        NeuralNetConfiguration conf = Optimizers.configure(new NeuralNetConfiguration.Builder(), options)
                .layer(new DenseLayer.Builder().nIn(2).nOut(2).build()).build();
        return (BaseLayer) conf.getLayer();
    }

    @org.junit.jupiter.api.Test
    void learningRateSchedulesAreKeyedByEpoch() {
        org.genomod.api.train.EarlyStopping none = org.genomod.api.train.EarlyStopping.none();
        org.genomod.api.train.TrainingOptions step = new org.genomod.api.train.TrainingOptions(6, 32, "adam", 0.01, 0, false, none,
                new org.genomod.api.train.LearningRateSchedule("step", 0.5, 2));
        org.nd4j.linalg.learning.config.IUpdater updater = Optimizers.updater(step);
        // Deeplearning4j counts epochs from 0; epochs 1-2 at 0.01, 3-4 at 0.005, 5-6 at 0.0025
        org.junit.jupiter.api.Assertions.assertEquals(0.01, updater.getLearningRate(0, 1), 1e-12);
        org.junit.jupiter.api.Assertions.assertEquals(0.005, updater.getLearningRate(0, 2), 1e-12);
        org.junit.jupiter.api.Assertions.assertEquals(0.0025, updater.getLearningRate(0, 5), 1e-12);
        org.genomod.api.train.TrainingOptions cosine = new org.genomod.api.train.TrainingOptions(5, 32, "sgd", 0.1, 0, false, none,
                new org.genomod.api.train.LearningRateSchedule("cosine", 0.1, 1));
        org.junit.jupiter.api.Assertions.assertEquals(0.1, cosine.learningRate(1), 1e-12);
        org.junit.jupiter.api.Assertions.assertEquals(0.055, cosine.learningRate(3), 1e-12); // halfway: (1 + 0.1) / 2
        org.junit.jupiter.api.Assertions.assertEquals(0.01, cosine.learningRate(5), 1e-12);
        org.junit.jupiter.api.Assertions.assertEquals(0.01, Optimizers.updater(cosine).getLearningRate(7, 4), 1e-12);
        org.genomod.api.train.TrainingOptions exponential = new org.genomod.api.train.TrainingOptions(5, 32, "rmsprop", 1, 0, false,
                none, new org.genomod.api.train.LearningRateSchedule("exponential", 0.9, 1));
        org.junit.jupiter.api.Assertions.assertEquals(0.729, exponential.learningRate(4), 1e-12);
        org.junit.jupiter.api.Assertions.assertEquals(1e-3, Optimizers.updater(org.genomod.api.train.TrainingOptions.defaults())
                .getLearningRate(100, 100), 1e-12);
    }
}
