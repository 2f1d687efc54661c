package org.genomod.core.internal.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.genomod.api.data.Dataset;
import org.genomod.api.eval.Predictions;
import org.genomod.api.train.Cancellation;
import org.genomod.api.train.EarlyStopping;
import org.genomod.api.train.EpochReport;
import org.genomod.api.train.TrainingListener;
import org.genomod.api.train.TrainingOptions;
import org.genomod.api.train.TrainingResult;
import org.genomod.api.train.ValidationScorer;
import org.genomod.core.internal.Fixtures;
import org.genomod.core.internal.LogisticModel;
import org.junit.jupiter.api.Test;

class DefaultTrainerTest {
    private final Dataset train = Fixtures.separable(400, 1);
    private final Dataset validation = Fixtures.separable(100, 2);
    private final DefaultTrainer trainer = new DefaultTrainer();

    private static TrainingOptions options(int epochs, EarlyStopping stopping) {
        return new TrainingOptions(epochs, 32, "sgd", 0.5, 0, false, stopping);
    }

    @Test
    void learnsAndReportsEveryEpoch() {
        LogisticModel model = new LogisticModel(Fixtures.BINARY, 0.5);
        List<EpochReport> seen = new ArrayList<>();
        AtomicInteger batches = new AtomicInteger();
        TrainingResult result = trainer.train(model, train, validation, options(5, EarlyStopping.none()), 7,
                ValidationScorer.NONE, new TrainingListener() {
                    @Override public void onBatch(int epoch, int batch, int total) { batches.incrementAndGet(); }
                    @Override public void onEpoch(EpochReport report) { seen.add(report); }
                }, Cancellation.NEVER);
        assertEquals(5, result.epochsRun());
        assertEquals(5, seen.size());
        assertEquals(5 * 13, batches.get()); // 400 / 32 rounded up
        assertTrue(seen.get(4).validationLoss() < seen.get(0).validationLoss() * 0.8, seen.toString());
        assertTrue(seen.get(0).samplesPerSecond() > 0);
    }

    @Test
    void earlyStoppingRestoresTheBestEpochByValidationMetric() {
        // a scorer whose value peaks at epoch 2: training must stop after `patience` more and end in epoch 2's state
        AtomicInteger epoch = new AtomicInteger();
        List<Double> scores = List.of(0.6, 0.9, 0.8, 0.7, 0.65, 0.64);
        List<float[]> predictionsAtEpoch = new ArrayList<>();
        ValidationScorer scorer = (Predictions p) -> {
            predictionsAtEpoch.add(new float[] {p.score(0, 0)});
            return Map.of("auroc", scores.get(epoch.getAndIncrement()));
        };
        LogisticModel model = new LogisticModel(Fixtures.BINARY, 0.5);
        TrainingResult result = trainer.train(model, train, validation,
                options(6, new EarlyStopping("auroc", 3, 0, true)), 7, scorer, TrainingListener.NONE, Cancellation.NEVER);
        assertTrue(result.stoppedEarly());
        assertEquals(5, result.epochsRun());
        assertEquals(2, result.bestEpoch());
        assertEquals(0.9, result.bestScore());
        float restored = Batches.predictAll(model, validation, 64).score(0, 0);
        assertEquals(predictionsAtEpoch.get(1)[0], restored, 0f);
    }

    @Test
    void sameSeedSameModel() {
        LogisticModel a = new LogisticModel(Fixtures.BINARY, 0.5);
        LogisticModel b = new LogisticModel(Fixtures.BINARY, 0.5);
        trainer.train(a, train, validation, options(3, EarlyStopping.none()), 11, ValidationScorer.NONE, TrainingListener.NONE, Cancellation.NEVER);
        trainer.train(b, train, validation, options(3, EarlyStopping.none()), 11, ValidationScorer.NONE, TrainingListener.NONE, Cancellation.NEVER);
        assertEquals(Batches.predictAll(a, validation, 64).score(3, 0), Batches.predictAll(b, validation, 64).score(3, 0), 0f);
    }

    @Test
    void cancellationStopsBetweenBatchesWithTheReason() {
        AtomicInteger batches = new AtomicInteger();
        Cancellation afterTen = new Cancellation() {
            @Override public boolean isCancelled() { return batches.get() >= 10; }
            @Override public String reason() { return isCancelled() ? "plugin went away" : null; }
        };
        TrainingResult result = trainer.train(new LogisticModel(Fixtures.BINARY, 0.5), train, validation,
                options(100, EarlyStopping.none()), 1, ValidationScorer.NONE, new TrainingListener() {
                    @Override public void onBatch(int epoch, int batch, int total) { batches.incrementAndGet(); }
                }, afterTen);
        assertTrue(result.cancelled());
        assertEquals("plugin went away", result.cancelReason());
        assertEquals(10, batches.get());
    }

    @Test
    void unknownEarlyStoppingMetricIsNamedWithWhatIsAvailable() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> trainer.train(
                new LogisticModel(Fixtures.BINARY, 0.5), train, validation, options(3, new EarlyStopping("aucroc", 2, 0, true)), 1,
                p -> Map.of("auroc", 0.5, "accuracy", 0.5), TrainingListener.NONE, Cancellation.NEVER));
        assertNotNull(e.getMessage());
        assertTrue(e.getMessage().contains("'aucroc'") && e.getMessage().contains("accuracy, auroc"), e.getMessage());
    }
}
