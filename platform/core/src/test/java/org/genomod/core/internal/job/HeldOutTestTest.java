package org.genomod.core.internal.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.Splits;
import org.genomod.api.eval.Predictions;
import org.genomod.api.job.PipelineSpec;
import org.genomod.api.param.ParameterSchema;
import org.genomod.api.train.Cancellation;
import org.genomod.api.train.TrainingListener;
import org.genomod.api.train.ValidationScorer;
import org.genomod.core.internal.Fixtures;
import org.genomod.core.internal.selection.Fold;
import org.genomod.core.internal.selection.ModelSelection;
import org.genomod.core.internal.selection.RecordingModel;
import org.genomod.core.internal.selection.Trial;
import org.genomod.core.internal.selection.Trials;
import org.genomod.core.internal.spec.SpecParser;
import org.genomod.core.internal.train.DefaultTrainer;
import org.junit.jupiter.api.Test;

/** The run's order — select on train and validation, retrain the best, predict the test split — looks at each test example once. */
class HeldOutTestTest {
    private static final ParameterSchema FAMILY = ParameterSchema.builder().number("rate", 0.1, 1e-9, 10, "SGD step").build();

    @Test
    void aSearchedJobPredictsEachTestExampleExactlyOnceAndOnlyAtTheEnd() throws Exception {
        PipelineSpec spec = new SpecParser(name -> null).parse("""
                data: {reader: r, path: a, split: {fractions: [0.6, 0.2, 0.2], folds: 4}}
                model: {family: logistic}
                training: {epochs: 3, batch_size: 40, optimizer: sgd}
                search: {method: grid, parameters: {model.rate: [0.01, 0.3, 1.0]}}
                """, Path.of("/specs"), "test.yaml", null);
        Dataset data = Fixtures.separable(500, 4);
        Splits splits = Splitter.split(data, spec.split(), spec.seed());
        List<String> seen = new ArrayList<>(); // every id any model fitted, scored or predicted, with repeats
        List<String> problems = new ArrayList<>();
        List<Trial> trials = Trials.of(spec, FAMILY, FAMILY.validate(Map.of(), spec.baseDirectory()), problems);
        assertEquals(List.of(), problems);

        ModelSelection.Outcome outcome = new ModelSelection(new DefaultTrainer(), ValidationScorer.NONE, "loss", spec.seed()).run(trials,
                Fold.of(splits.train(), splits.validation(), spec.split(), spec.seed(), UnaryOperator.identity()),
                (trial, train) -> new RecordingModel(train.schema(), trial.hyperParameters().number("rate"), seen),
                new ModelSelection.Progress() { }, Cancellation.NEVER);
        HeldOutTest test = new HeldOutTest(splits.test());
        RecordingModel finalModel = new RecordingModel(data.schema(), outcome.best().trial().hyperParameters().number("rate"), seen);
        new DefaultTrainer().train(finalModel, splits.train(), splits.validation(), outcome.best().trial().options(), spec.seed(),
                ValidationScorer.NONE, TrainingListener.NONE, Cancellation.NEVER);
        assertThrows(IllegalStateException.class, test::predicted, "interpretation waits for the final prediction");
        Predictions predictions = test.predict(finalModel, 64);

        assertEquals(splits.test().size(), predictions.size());
        for (int i = 0; i < splits.test().size(); i++) {
            String id = splits.test().id(i);
            assertEquals(1, seen.stream().filter(id::equals).count(), "test example " + id + " looked at once");
        }
        IllegalStateException again = assertThrows(IllegalStateException.class, () -> test.predict(finalModel, 64));
        assertEquals("the test split is predicted once, by the final model; it was already predicted", again.getMessage());
        assertEquals(splits.test(), test.predicted());
    }
}
