package org.genomod.core.internal.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.genomod.api.data.Dataset;
import org.genomod.api.model.Batch;
import org.genomod.api.model.Model;
import org.genomod.api.model.ModelState;
import org.genomod.api.train.Cancellation;
import org.genomod.api.train.EarlyStopping;
import org.genomod.api.train.EpochReport;
import org.genomod.api.train.Trainer;
import org.genomod.api.train.TrainingListener;
import org.genomod.api.train.TrainingOptions;
import org.genomod.api.train.TrainingResult;
import org.genomod.api.train.ValidationScorer;
import org.osgi.service.component.annotations.Component;

/** The mini-batch loop every model family trains with. */
@Component(service = Trainer.class)
public final class DefaultTrainer implements Trainer {

    @Override
    public TrainingResult train(Model model, Dataset train, Dataset validation, TrainingOptions options, long seed,
                                ValidationScorer scorer, TrainingListener listener, Cancellation cancellation) {
        if (train.size() == 0) {
            throw new IllegalArgumentException("the training split is empty");
        }
        EarlyStopping stopping = options.earlyStopping();
        int batchSize = options.batchSize();
        int batches = (train.size() + batchSize - 1) / batchSize;
        Batches source = new Batches(train, Math.min(batchSize, train.size()));
        int[] order = identity(train.size());
        Random random = new Random(seed);
        List<EpochReport> history = new ArrayList<>();
        ModelState best = null;
        int bestEpoch = 0;
        double bestScore = Double.NaN;
        int sinceBest = 0;

        for (int epoch = 1; epoch <= options.epochs(); epoch++) {
            model.epochStarted(epoch);
            shuffle(order, random);
            long start = System.nanoTime();
            double lossSum = 0;
            for (int b = 0; b < batches; b++) {
                if (cancellation.isCancelled()) {
                    return new TrainingResult(history, bestEpoch, bestScore, false, cancellation.reason());
                }
                int from = b * batchSize;
                int count = Math.min(batchSize, train.size() - from);
                Batch batch = source.batch(order, from, count);
                lossSum += model.fit(batch) * count;
                listener.onBatch(epoch, b + 1, batches);
            }
            double seconds = (System.nanoTime() - start) / 1e9;

            double validationLoss = validation.size() == 0 ? Double.NaN : Batches.meanLoss(model, validation, batchSize);
            Map<String, Double> metrics = new HashMap<>();
            if (validation.size() > 0) {
                metrics.putAll(scorer.score(Batches.predictAll(model, validation, batchSize)));
            }
            EpochReport report = new EpochReport(epoch, lossSum / train.size(), validationLoss, metrics,
                    train.size(), seconds, train.size() / Math.max(seconds, 1e-9));
            history.add(report);
            listener.onEpoch(report);

            double score = stopping.metric().equals("loss") ? validationLoss : metrics.getOrDefault(stopping.metric(), Double.NaN);
            if (validation.size() > 0 && !stopping.metric().equals("loss") && !metrics.containsKey(stopping.metric())) {
                throw new IllegalArgumentException("early stopping metric '" + stopping.metric()
                        + "' is not reported on validation (available: loss, " + String.join(", ", new java.util.TreeSet<>(metrics.keySet())) + ")");
            }
            if (Double.isNaN(score)) {
                bestEpoch = epoch; // nothing to compare (no validation split): the last epoch is the model
                continue;
            }
            boolean improved = Double.isNaN(bestScore)
                    || (stopping.maximise() ? score > bestScore + stopping.minDelta() : score < bestScore - stopping.minDelta());
            if (improved) {
                bestScore = score;
                bestEpoch = epoch;
                sinceBest = 0;
                best = stopping.restoreBest() ? model.snapshot() : null;
            } else if (stopping.enabled() && ++sinceBest >= stopping.patience()) {
                return finish(model, history, best, bestEpoch, bestScore, true);
            }
        }
        return finish(model, history, best, bestEpoch, bestScore, false);
    }

    /** Ends in the best state when asked to; otherwise the last epoch is the model. */
    private static TrainingResult finish(Model model, List<EpochReport> history, ModelState best, int bestEpoch,
                                         double bestScore, boolean stoppedEarly) {
        int last = history.size();
        if (best != null && bestEpoch != last) {
            model.restore(best);
            return new TrainingResult(history, bestEpoch, bestScore, stoppedEarly, null);
        }
        return new TrainingResult(history, best != null ? bestEpoch : last, bestScore, stoppedEarly, null);
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
