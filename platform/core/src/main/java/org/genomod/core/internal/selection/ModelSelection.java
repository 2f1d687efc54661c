package org.genomod.core.internal.selection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import org.genomod.api.data.Dataset;
import org.genomod.api.model.Model;
import org.genomod.api.train.Cancellation;
import org.genomod.api.train.EarlyStopping;
import org.genomod.api.train.EpochReport;
import org.genomod.api.train.Trainer;
import org.genomod.api.train.TrainingListener;
import org.genomod.api.train.TrainingResult;
import org.genomod.api.train.ValidationScorer;

/**
 * Trains every trial on every fold and scores it on that fold's validation examples only. It is given
 * folds, never a test split: choosing on the test set would make the reported test figures optimistic.
 */
public final class ModelSelection {
    /** Builds an untrained model of a trial's configuration for the given training data. */
    @FunctionalInterface
    public interface Models {
        Model create(Trial trial, Dataset train);
    }

    /** Progress on the job thread. */
    public interface Progress {
        default void onBatch(Trial trial, Fold fold, int epoch, int batch, int batches) {
        }

        default void onFold(Trial trial, FoldScore score) {
        }

        default void onTrial(TrialScore score) {
        }
    }

    /**
     * One trial on one fold.
     *
     * @param score     the selection metric on the fold's validation examples, in the state training ended in
     * @param bestEpoch the epoch that state comes from
     * @param seconds   wall time to build, train and score the model
     */
    public record FoldScore(int fold, double score, int epochs, int bestEpoch, double seconds) {
    }

    /** A trial's fold scores; it is ranked by their mean. */
    public record TrialScore(Trial trial, List<FoldScore> folds) {
        public TrialScore {
            folds = List.copyOf(folds);
        }

        public double mean() {
            return folds.stream().mapToDouble(FoldScore::score).average().orElse(Double.NaN);
        }

        /** Sample standard deviation over folds; NaN with one fold. */
        public double sd() {
            if (folds.size() < 2) {
                return Double.NaN;
            }
            double mean = mean();
            double ss = folds.stream().mapToDouble(f -> (f.score() - mean) * (f.score() - mean)).sum();
            return Math.sqrt(ss / (folds.size() - 1));
        }

        public double seconds() {
            return folds.stream().mapToDouble(FoldScore::seconds).sum();
        }
    }

    /**
     * @param maximise whether larger values of the metric are better
     * @param best     the trial with the best mean score; the earliest among equals, and trials whose score is
     *                 not a number rank last
     */
    public record Outcome(String metric, boolean maximise, int folds, List<TrialScore> trials, TrialScore best) {
        public Outcome {
            trials = List.copyOf(trials);
        }
    }

    private final Trainer trainer;
    private final ValidationScorer scorer;
    private final String metric;
    private final boolean maximise;
    private final long seed;

    /**
     * @param metric {@code loss} or a validation scalar; the direction follows {@link EarlyStopping#maximise()}
     * @param seed   weight initialisation and batch order, the same for every trial so they differ only by configuration
     */
    public ModelSelection(Trainer trainer, ValidationScorer scorer, String metric, long seed) {
        this.trainer = trainer;
        this.scorer = scorer;
        this.metric = metric;
        this.maximise = new EarlyStopping(metric, 0, 0, true).maximise();
        this.seed = seed;
    }

    /** Runs every trial on every fold; stops with {@link CancellationException} between or within trials when cancelled. */
    public Outcome run(List<Trial> trials, List<Fold> folds, Models models, Progress progress, Cancellation cancellation) {
        List<TrialScore> scores = new ArrayList<>();
        for (Trial trial : trials) {
            List<FoldScore> foldScores = new ArrayList<>();
            for (Fold fold : folds) {
                checkCancelled(cancellation);
                FoldScore score = fit(trial, fold, models, progress, cancellation);
                foldScores.add(score);
                progress.onFold(trial, score);
            }
            TrialScore score = new TrialScore(trial, foldScores);
            scores.add(score);
            progress.onTrial(score);
        }
        Comparator<TrialScore> better = Comparator.comparingDouble(s -> rankValue(s.mean()));
        TrialScore best = scores.stream().min(better).orElseThrow(() -> new IllegalArgumentException("no trials to run"));
        return new Outcome(metric, maximise, folds.size() == 1 && folds.get(0).number() == 0 ? 0 : folds.size(), scores, best);
    }

    /** Smaller is better; NaN last. {@code Stream.min} keeps the first of equals. */
    private double rankValue(double score) {
        if (Double.isNaN(score)) {
            return Double.POSITIVE_INFINITY;
        }
        return maximise ? -score : score;
    }

    private FoldScore fit(Trial trial, Fold fold, Models models, Progress progress, Cancellation cancellation) {
        long start = System.nanoTime();
        Model model = models.create(trial, fold.train());
        try {
            TrainingResult result = trainer.train(model, fold.train(), fold.validation(), trial.options(), seed, scorer,
                    new TrainingListener() {
                        @Override
                        public void onBatch(int epoch, int batch, int batches) {
                            progress.onBatch(trial, fold, epoch, batch, batches);
                        }
                    }, cancellation);
            if (result.cancelled()) {
                throw new CancellationException(result.cancelReason());
            }
            return new FoldScore(fold.number(), score(result), result.epochsRun(), result.bestEpoch(),
                    (System.nanoTime() - start) / 1e9);
        } finally {
            model.close();
        }
    }

    /** The metric in the state the model ended in: the best epoch's when training restores it, else the last. */
    private double score(TrainingResult result) {
        EpochReport report = result.history().get(result.bestEpoch() - 1);
        if (metric.equals("loss")) {
            return report.validationLoss();
        }
        Double value = report.validationMetrics().get(metric);
        if (value == null) {
            throw new IllegalArgumentException("search metric '" + metric + "' is not reported on validation (available: loss"
                    + (report.validationMetrics().isEmpty() ? "" : ", " + String.join(", ", new TreeSet<>(report.validationMetrics().keySet())))
                    + ")");
        }
        return value;
    }

    private static void checkCancelled(Cancellation cancellation) {
        if (cancellation.isCancelled()) {
            throw new CancellationException(cancellation.reason());
        }
    }
}
