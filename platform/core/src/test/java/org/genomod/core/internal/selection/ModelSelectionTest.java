package org.genomod.core.internal.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.UnaryOperator;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.Splits;
import org.genomod.api.job.PipelineSpec;
import org.genomod.api.param.ParameterSchema;
import org.genomod.api.train.Cancellation;
import org.genomod.api.train.ValidationScorer;
import org.genomod.core.internal.Fixtures;
import org.genomod.core.internal.job.Splitter;
import org.genomod.core.internal.spec.SpecParser;
import org.genomod.core.internal.train.DefaultTrainer;
import org.junit.jupiter.api.Test;

class ModelSelectionTest {
    /** A stand-in family: logistic regression whose SGD step is the hyper-parameter {@code rate}. */
    static final ParameterSchema FAMILY = ParameterSchema.builder().number("rate", 0.1, 1e-9, 10, "SGD step").build();

    private final Dataset data = Fixtures.separable(600, 9);
    private final List<RecordingModel> created = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> touched = Collections.synchronizedSet(new HashSet<>());

    static PipelineSpec spec(String split, String search) throws Exception {
        return new SpecParser(name -> null).parse("""
                data: {reader: r, path: a, split: %s}
                model: {family: logistic}
                training: {epochs: 4, batch_size: 50, optimizer: sgd, early_stopping: {patience: 0}}
                search: %s
                """.formatted(split, search), Path.of("/specs"), "test.yaml", null);
    }

    static List<Trial> trials(PipelineSpec spec) throws Exception {
        List<String> problems = new ArrayList<>();
        List<Trial> trials = Trials.of(spec, FAMILY, FAMILY.validate(spec.model().parameters(), spec.baseDirectory()), problems);
        assertEquals(List.of(), problems);
        return trials;
    }

    private ModelSelection.Models models() {
        return (trial, train) -> {
            RecordingModel m = new RecordingModel(train.schema(), trial.hyperParameters().number("rate"),
                    touched);
            created.add(m);
            return m;
        };
    }

    @Test
    void crossValidatedGridPicksTheBestMeanAndNeverTouchesTheTestSplit() throws Exception {
        PipelineSpec spec = spec("{fractions: [0.7, 0.1, 0.2], folds: 3}",
                "{method: grid, metric: loss, parameters: {model.rate: [0.00001, 0.5], training.epochs: [4, 2]}}");
        Splits splits = Splitter.split(data, spec.split(), spec.seed());
        List<Trial> trials = trials(spec);
        assertEquals(4, trials.size());
        assertEquals(Map.of("model.rate", 0.5, "training.epochs", 2), trials.get(3).assignment());
        assertEquals(2, trials.get(3).options().epochs());
        assertEquals(0.5, trials.get(3).hyperParameters().number("rate"));

        List<Fold> folds = Fold.of(splits.train(), splits.validation(), spec.split(), spec.seed(), UnaryOperator.identity());
        List<String> events = new ArrayList<>();
        ModelSelection.Outcome outcome = new ModelSelection(new DefaultTrainer(), ValidationScorer.NONE, "loss", spec.seed())
                .run(trials, folds, models(), new ModelSelection.Progress() {
                    @Override public void onFold(Trial trial, ModelSelection.FoldScore score) { events.add(trial.number() + "/" + score.fold()); }
                    @Override public void onTrial(ModelSelection.TrialScore score) { events.add("trial " + score.trial().number()); }
                }, Cancellation.NEVER);

        assertEquals(3, outcome.folds());
        assertEquals(4 * 3, created.size(), "one model per trial and fold");
        assertTrue(created.stream().allMatch(RecordingModel::closed), "every trial model is closed");
        assertEquals(List.of("1/1", "1/2", "1/3", "trial 1", "2/1", "2/2", "2/3", "trial 2"), events.subList(0, 8));
        assertEquals(3, outcome.best().trial().number(), "rate 0.5 over 4 epochs has the lowest validation loss");
        assertTrue(outcome.trials().get(0).mean() > outcome.best().mean() + 0.1, outcome.trials().toString());
        assertTrue(outcome.best().sd() >= 0 && outcome.best().folds().size() == 3);
        assertTrue(Collections.disjoint(touched, Fixtures.ids(splits.test())), "model selection saw a test example");
        Set<String> pool = Fixtures.ids(splits.train());
        pool.addAll(Fixtures.ids(splits.validation()));
        assertEquals(pool, touched, "every non-test example took part");
    }

    @Test
    void aSearchWithoutFoldsScoresOnTheValidationSplit() throws Exception {
        PipelineSpec spec = spec("{fractions: [0.7, 0.1, 0.2]}", "{method: random, trials: 2, seed: 3, parameters: {model.rate: [0.00001, 0.5]}}");
        Splits splits = Splitter.split(data, spec.split(), spec.seed());
        List<Fold> folds = Fold.of(splits.train(), splits.validation(), spec.split(), spec.seed(), UnaryOperator.identity());
        ModelSelection.Outcome outcome = new ModelSelection(new DefaultTrainer(), ValidationScorer.NONE, "loss", 1)
                .run(trials(spec), folds, models(), new ModelSelection.Progress() { }, Cancellation.NEVER);
        assertEquals(0, outcome.folds());
        assertEquals(2, created.size());
        assertEquals(0.5, outcome.best().trial().assignment().get("model.rate"));
        assertEquals(Double.NaN, outcome.best().sd());
        Set<String> validation = Fixtures.ids(splits.validation());
        Set<String> train = Fixtures.ids(splits.train());
        assertTrue(touched.stream().allMatch(id -> validation.contains(id) || train.contains(id)));
    }

    @Test
    void cancellationStopsBetweenAndWithinTrials() throws Exception {
        PipelineSpec spec = spec("{fractions: [0.7, 0.1, 0.2], folds: 2}", "{parameters: {model.rate: [0.1, 0.2, 0.3]}}");
        Splits splits = Splitter.split(data, spec.split(), spec.seed());
        List<Fold> folds = Fold.of(splits.train(), splits.validation(), spec.split(), spec.seed(), UnaryOperator.identity());
        List<Trial> trials = trials(spec);
        boolean[] stop = {false};
        Cancellation afterFirstTrial = new Cancellation() {
            @Override public boolean isCancelled() { return stop[0]; }
            @Override public String reason() { return stop[0] ? "cancelled by request" : null; }
        };
        CancellationException between = assertThrows(CancellationException.class, () -> new ModelSelection(new DefaultTrainer(),
                ValidationScorer.NONE, "loss", 1).run(trials, folds, models(), new ModelSelection.Progress() {
                    @Override public void onTrial(ModelSelection.TrialScore score) { stop[0] = true; }
                }, afterFirstTrial));
        assertEquals("cancelled by request", between.getMessage());
        assertEquals(2, created.size(), "the first trial's two folds, nothing after");

        stop[0] = false;
        created.clear();
        int[] batches = {0};
        assertThrows(CancellationException.class, () -> new ModelSelection(new DefaultTrainer(), ValidationScorer.NONE, "loss", 1)
                .run(trials, folds, models(), new ModelSelection.Progress() {
                    @Override public void onBatch(Trial t, Fold f, int epoch, int batch, int total) { stop[0] = ++batches[0] >= 3; }
                }, afterFirstTrial));
        assertEquals(1, created.size(), "stopped inside the first fold");
        assertTrue(created.get(0).closed());
    }

    @Test
    void aMetricTheEvaluatorsDoNotReportIsNamedWithWhatIs() throws Exception {
        PipelineSpec spec = spec("{fractions: [0.7, 0.1, 0.2]}", "{metric: auroc, parameters: {model.rate: [0.1]}}");
        Splits splits = Splitter.split(data, spec.split(), spec.seed());
        List<Fold> folds = Fold.of(splits.train(), splits.validation(), spec.split(), spec.seed(), UnaryOperator.identity());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ModelSelection(new DefaultTrainer(),
                p -> Map.of("accuracy", 0.5), "auroc", 1).run(trials(spec), folds, models(), new ModelSelection.Progress() { }, Cancellation.NEVER));
        assertEquals("search metric 'auroc' is not reported on validation (available: loss, accuracy)", e.getMessage());
    }

    @Test
    void aBadValueIsRejectedBeforeTrainingNamingTheKey() throws Exception {
        PipelineSpec spec = spec("{fractions: [0.7, 0.1, 0.2]}", "{parameters: {model.rate: [0.1, 50], model.depth: [2]}}");
        List<String> problems = new ArrayList<>();
        List<Trial> trials = Trials.of(spec, FAMILY, FAMILY.validate(Map.of(), Path.of("/")), problems);
        assertEquals(List.of(), trials);
        assertEquals(List.of(
                "search.parameters.model.rate: value 50: parameter 'rate' must be a number in [1.0E-9, 10], got 50",
                "search.parameters.model.depth: value 2: unknown parameter 'depth' (known: rate)"), problems);
    }
}
