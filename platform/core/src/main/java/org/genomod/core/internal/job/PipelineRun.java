package org.genomod.core.internal.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.genomod.api.data.DataReader;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.ReadContext;
import org.genomod.api.data.Splits;
import org.genomod.api.data.TaskType;
import org.genomod.api.eval.Evaluator;
import org.genomod.api.eval.Metrics;
import org.genomod.api.eval.Predictions;
import org.genomod.api.interpret.InterpretationRequest;
import org.genomod.api.interpret.Interpreter;
import org.genomod.api.job.JobEvent;
import org.genomod.api.job.JobResult;
import org.genomod.api.job.JobStatus;
import org.genomod.api.job.PipelineSpec;
import org.genomod.api.job.PluginRef;
import org.genomod.api.job.SearchSpec;
import org.genomod.api.job.SpecException;
import org.genomod.api.model.Model;
import org.genomod.api.model.ModelRequest;
import org.genomod.api.job.TransferSpec;
import org.genomod.api.param.Parameters;
import org.genomod.api.store.LoadedModel;
import org.genomod.api.store.ModelCard;
import org.genomod.api.store.ModelStore;
import org.genomod.api.train.Cancellation;
import org.genomod.api.train.EpochReport;
import org.genomod.api.train.Trainer;
import org.genomod.api.train.TrainingListener;
import org.genomod.api.train.TrainingOptions;
import org.genomod.api.train.TrainingResult;
import org.genomod.api.train.ValidationScorer;
import org.genomod.core.internal.io.Json;
import org.genomod.core.internal.report.ReportWriter;
import org.genomod.core.internal.registry.Lease;
import org.genomod.core.internal.registry.PluginRegistry;
import org.genomod.core.internal.spec.DataInputs;
import org.genomod.core.internal.spec.TransformSpec;
import org.genomod.core.internal.selection.Fold;
import org.genomod.core.internal.selection.ModelSelection;
import org.genomod.core.internal.selection.SelectionReport;
import org.genomod.core.internal.selection.Trial;

/**
 * One pipeline execution on a job thread: lease plugins → read → split → train → test → write.
 * Every exit path ends the job in a terminal status with a one-line message.
 */
final class PipelineRun implements Runnable {
    /** Thrown when the job must stop with an explicit status. */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final JobStatus status;

        Stop(JobStatus status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    private final RunningJob job;
    private final PluginRegistry registry;
    private final Trainer trainer;
    private final ModelStore store;
    private final Provenance provenance;

    PipelineRun(RunningJob job, PluginRegistry registry, Trainer trainer, ModelStore store, Provenance provenance) {
        this.job = job;
        this.registry = registry;
        this.trainer = trainer;
        this.store = store;
        this.provenance = provenance;
    }

    @Override
    public void run() {
        Instant started = Instant.now();
        PipelineSpec spec = job.spec();
        job.running();
        Plan plan = null;
        Model model = null;
        try {
            plan = Plan.resolve(spec, registry);
            Plan leased = plan;
            Cancellation cancellation = new Cancellation() {
                @Override public boolean isCancelled() { return reason() != null; }
                @Override public String reason() {
                    Optional<Lease<?>> lost = leased.lost();
                    if (lost.isPresent()) {
                        return "plugin " + lost.get().describe() + " was updated or removed while the job ran";
                    }
                    return job.cancellation().reason();
                }
            };

            phase("reading", "reading data with " + readers(plan));
            Dataset dataset = JoinedDataset.read(readings(plan, false), ReadContext.forTraining(cancellation));
            checkCancelled(cancellation, plan);
            TransformSpec transform = TransformSpec.of(spec.transform());
            DatasetSchema schema = modelSchema(transform, dataset.schema());
            checkFit(plan, schema);

            Splits splits = Splitter.split(dataset, spec.split(), spec.seed());
            if (plan.testReader != null) {
                phase("reading", "reading the independent test set " + plan.testReader.path(DataReader.PATH));
                Dataset test = JoinedDataset.read(readings(plan, true), new ReadContext(true, schema.outputs(), cancellation));
                checkCancelled(cancellation, plan);
                checkSameEncoding(dataset.schema(), test.schema(), plan.testReader.path(DataReader.PATH));
                splits = new Splits(splits.train(), splits.validation(), test);
            }
            if (splits.train().size() == 0 || splits.test().size() == 0) {
                throw new Stop(JobStatus.FAILED, "the split leaves an empty " + (splits.train().size() == 0 ? "training" : "test")
                        + " set (" + dataset.size() + " records)");
            }
            phase("splitting", String.format("%d records: %d train, %d validation, %d test",
                    dataset.size(), splits.train().size(), splits.validation().size(), splits.test().size()));

            TrainingOptions options = spec.training();
            Parameters hyperParameters = plan.family.parameters();
            ModelSelection.Outcome selection = null;
            if (spec.selectsModel()) {
                // the search sees the training and validation splits only; the test split waits for the final model
                selection = select(plan, schema, transform, splits.train(), splits.validation(), cancellation);
                Trial best = selection.best().trial();
                options = best.options();
                hyperParameters = best.hyperParameters();
                phase("selection", String.format(java.util.Locale.ROOT, "best: trial %d (%s), validation %s %.4g; training it on the train split",
                        best.number(), best.describe(), selection.metric(), selection.best().mean()));
            }

            // fitted on the training split alone: validation and test labels or statistics must not leak into training
            Preprocessing preprocessing = Preprocessing.fit(transform, splits.train());
            splits = new Splits(preprocessing.apply(splits.train()), preprocessing.apply(splits.validation()),
                    preprocessing.apply(splits.test()));
            HeldOutTest heldOut = new HeldOutTest(splits.test());

            float[] weights = options.classWeights() ? ClassWeights.inverseFrequency(splits.train()) : null;
            NewModel created = newModel(plan, schema, hyperParameters, options, weights, true);
            model = created.model();
            hyperParameters = created.hyperParameters();
            String parentDigest = created.parentDigest();
            phase("training", "training " + plan.family.lease().describe() + ": " + model.parameterCount() + " parameters");
            TrainingResult training = trainer.train(model, splits.train(), splits.validation(), options, spec.seed(),
                    validationScorer(plan), listener(options.epochs()), cancellation);
            checkCancelled(cancellation, plan);

            phase("evaluating", "evaluating on the test split");
            Predictions test = heldOut.predict(model, options.batchSize());
            Map<String, Metrics> metrics = new LinkedHashMap<>();
            for (Plan.Bound<Evaluator> e : plan.evaluators) {
                metrics.put(e.lease().name(), e.service().evaluate(test, e.parameters()));
            }

            phase("writing", "writing results to " + spec.outputDirectory());
            Path out = spec.outputDirectory();
            Files.createDirectories(out);
            List<Path> inputs = new ArrayList<>();
            for (Plan.Input input : plan.inputs) {
                inputs.addAll(input.reader().service().inputs(input.reader().parameters()));
                if (input.test() != null) {
                    inputs.addAll(input.reader().service().inputs(input.test()));
                }
            }
            InputDigests digests = InputDigests.of(inputs.stream().distinct().toList());
            ModelCard card = new ModelCard(spec.model().name(), plan.family.lease().bundleSymbolicName(),
                    plan.family.lease().bundleVersion().toString(),
                    new PluginRef(spec.reader().name(), null, readerParametersForPrediction(plan)),
                    schema, preprocessing.toCard(), hyperParameters.asMap(), Provenance.training(options), digests.combined(), spec.seed(),
                    Provenance.cardMetrics(metrics), Instant.now().toString(), parentDigest, provenance.summary(spec, plan));
            String modelDigest = store.save(model, card, out.resolve("model"));
            ResultWriter.writePredictions(out.resolve("predictions.tsv"), test);

            Map<String, Object> selected = Map.of();
            if (selection != null) {
                SelectionReport.writeTable(out.resolve(SelectionReport.TABLE), selection);
                selected = SelectionReport.toMetrics(selection, spec.hyperParameterSearch().map(SearchSpec::method).orElse("none"));
            }

            Map<String, Object> interpretation = interpret(plan, model, heldOut.predicted(), out, cancellation);
            Duration elapsed = Duration.between(started, Instant.now());
            Map<String, Object> document = provenance.metricsDocument(job, spec, plan, dataset, splits, preprocessing.describe(transform), training,
                    selected, metrics, interpretation, model, modelDigest, parentDigest, digests, started, elapsed);
            ReportWriter.write(out.resolve("report.html"), document);
            Json.write(out.resolve("metrics.json"), document); // last: its presence means the job completed
            job.finish(new JobResult(JobStatus.SUCCEEDED, "results in " + out, out, metrics, elapsed));
        } catch (SpecException e) {
            job.finish(failure(JobStatus.FAILED, e.getMessage(), spec, started));
        } catch (Stop e) {
            job.finish(failure(e.status, e.getMessage(), spec, started));
        } catch (java.util.concurrent.CancellationException e) {
            // a plugin honoured the job's cancellation (readers poll it between records)
            boolean lost = plan != null && plan.lost().isPresent();
            job.finish(failure(lost ? JobStatus.CANCELLED_PLUGIN_UPDATED : JobStatus.CANCELLED, describe(e), spec, started));
        } catch (Exception | LinkageError e) {
            // a plugin that vanished mid-call surfaces as odd exceptions: name the real cause
            Optional<Lease<?>> lost = plan == null ? Optional.empty() : plan.lost();
            if (lost.isPresent()) {
                job.finish(failure(JobStatus.CANCELLED_PLUGIN_UPDATED, "plugin " + lost.get().describe()
                        + " was updated or removed while the job ran", spec, started));
            } else {
                job.finish(failure(JobStatus.FAILED, describe(e), spec, started));
            }
        } finally {
            if (model != null) {
                try {
                    model.close();
                } catch (RuntimeException | LinkageError ignored) {
                    // the job's outcome is already decided
                }
            }
            if (plan != null) {
                plan.close();
            }
        }
    }

    /** The schema the model takes: the data's, after {@code data.transform} (a feature selection shrinks it). */
    private static DatasetSchema modelSchema(TransformSpec transform, DatasetSchema data) {
        try {
            return Preprocessing.schema(transform, data);
        } catch (IllegalArgumentException e) {
            throw new Stop(JobStatus.FAILED, e.getMessage());
        }
    }

    private void checkFit(Plan plan, DatasetSchema schema) {
        List<String> problems = new ArrayList<>();
        if (job.spec().transferFrom().isEmpty()) { // a fine-tuned model's architecture fitted its parent's data of this shape
            problems.addAll(plan.family.service().check(schema, plan.family.parameters()));
        }
        if (schema.task() == TaskType.MULTICLASS && schema.outputs().size() < 2) {
            problems.add("every record has the class '" + schema.outputs().get(0) + "': a classifier needs examples of at least "
                    + "two classes (files of positives only, such as DeepBind's *_AC.seq.gz, need generated negatives)");
        }
        if (job.spec().transferFrom().isEmpty()) {
            for (Trial trial : plan.trials) {
                if (!trial.assignment().isEmpty()) {
                    plan.family.service().check(schema, trial.hyperParameters())
                            .forEach(p -> problems.add("search trial " + trial.number() + " (" + trial.describe() + "): " + p));
                }
            }
        }
        for (Plan.Bound<Evaluator> e : plan.evaluators) {
            if (!e.service().tasks().contains(schema.task())) {
                problems.add("evaluator '" + e.lease().name() + "' does not handle " + schema.task().name().toLowerCase()
                        + " tasks (it handles " + e.service().tasks() + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new Stop(JobStatus.FAILED, String.join("; ", problems));
        }
    }

    /** An independent test file must give examples the model can take, with the same outputs in the same order. */
    private static void checkSameEncoding(DatasetSchema training, DatasetSchema test, Path file) {
        JoinedDataset.difference(training, test).ifPresent(problem -> {
            throw new Stop(JobStatus.FAILED, "the test set (" + file + ") " + problem);
        });
        if (!training.featureShape().equals(test.featureShape()) || !training.encoding().equals(test.encoding())) {
            throw new Stop(JobStatus.FAILED, "the test file " + file + " gives " + test.encoding() + " examples of shape "
                    + test.featureShape() + ", the training data " + training.encoding() + " of shape " + training.featureShape());
        }
        if (!training.outputs().equals(test.outputs()) || training.task() != test.task()) {
            throw new Stop(JobStatus.FAILED, "the test file " + file + " has outputs " + test.outputs() + " ("
                    + test.task().name().toLowerCase() + "), the training data " + training.outputs() + " ("
                    + training.task().name().toLowerCase() + ")");
        }
    }

    private static void checkCancelled(Cancellation cancellation, Plan plan) {
        if (cancellation.isCancelled()) {
            throw new Stop(plan.lost().isPresent() ? JobStatus.CANCELLED_PLUGIN_UPDATED : JobStatus.CANCELLED,
                    cancellation.reason());
        }
    }

    private ValidationScorer validationScorer(Plan plan) {
        return predictions -> {
            Map<String, Double> scalars = new LinkedHashMap<>();
            for (Plan.Bound<Evaluator> e : plan.evaluators) {
                e.service().evaluate(predictions, e.parameters()).scalars().forEach(scalars::putIfAbsent);
            }
            return scalars;
        };
    }

    /**
     * Scores every trial on the validation split or on k folds of the training and validation splits pooled,
     * transforms fitted per fold on its training part. Emits a {@code selection} event per fold and trial.
     */
    private ModelSelection.Outcome select(Plan plan, DatasetSchema schema, TransformSpec transform, Dataset train, Dataset validation,
                                          Cancellation cancellation) {
        PipelineSpec spec = job.spec();
        String metric = spec.hyperParameterSearch().map(SearchSpec::metric).orElse(spec.training().earlyStopping().metric());
        List<Fold> folds = Fold.of(train, validation, spec.split(), spec.seed(), fold -> {
            Preprocessing preprocessing = Preprocessing.fit(transform, fold.train());
            return new Fold(fold.number(), preprocessing.apply(fold.train()), preprocessing.apply(fold.validation()));
        });
        int trials = plan.trials.size();
        int units = trials * folds.size();
        phase("selection", String.format("model selection: %d trial%s x %s, scored by validation %s", trials, trials == 1 ? "" : "s",
                folds.size() == 1 && folds.get(0).number() == 0 ? "the validation split" : folds.size() + " folds", metric));
        ModelSelection.Progress progress = new ModelSelection.Progress() {
            private int done;

            @Override
            public void onBatch(Trial trial, Fold fold, int epoch, int batch, int batches) {
                int epochs = trial.options().epochs();
                double fraction = (done + (epoch - 1 + batch / (double) batches) / epochs) / units;
                job.emit(new JobEvent(job.id(), JobStatus.RUNNING, "training", "epoch " + epoch + "/" + epochs + " (trial "
                        + trial.number() + "/" + trials + (fold.number() > 0 ? ", fold " + fold.number() + "/" + folds.size() : "") + ")",
                        fraction, null));
            }

            @Override
            public void onFold(Trial trial, ModelSelection.FoldScore score) {
                done++;
                if (score.fold() > 0) {
                    job.emit(new JobEvent(job.id(), JobStatus.RUNNING, "selection", String.format(java.util.Locale.ROOT,
                            "trial %d/%d fold %d/%d: validation %s %.4g (%d epochs, %.1f s)", trial.number(), trials, score.fold(),
                            folds.size(), metric, score.score(), score.epochs(), score.seconds()), done / (double) units, null));
                }
            }

            @Override
            public void onTrial(ModelSelection.TrialScore score) {
                String spread = score.folds().size() > 1 ? String.format(java.util.Locale.ROOT, " +- %.2g", score.sd()) : "";
                job.emit(new JobEvent(job.id(), JobStatus.RUNNING, "selection", String.format(java.util.Locale.ROOT,
                        "trial %d/%d (%s): validation %s %.4g%s (%.1f s)", score.trial().number(), trials, score.trial().describe(),
                        metric, score.mean(), spread, score.seconds()), done / (double) units, null));
            }
        };
        ModelSelection.Models models = (trial, data) -> {
            try {
                return newModel(plan, schema, trial.hyperParameters(), trial.options(),
                        trial.options().classWeights() ? ClassWeights.inverseFrequency(data) : null, false).model();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        return new ModelSelection(trainer, validationScorer(plan), metric, spec.seed()).run(plan.trials, folds, models, progress, cancellation);
    }

    /** A new model, or one fine-tuned from the spec's saved parent (whose hyper-parameters it then has). */
    private record NewModel(Model model, Parameters hyperParameters, String parentDigest) {
    }

    private NewModel newModel(Plan plan, DatasetSchema schema, Parameters hyperParameters, TrainingOptions options, float[] weights,
                              boolean announce) throws IOException {
        PipelineSpec spec = job.spec();
        if (spec.transferFrom().isEmpty()) {
            return new NewModel(plan.family.service().create(new ModelRequest(schema, hyperParameters, options, weights, spec.seed())),
                    hyperParameters, null);
        }
        TransferSpec transfer = spec.transferFrom().get();
        try (LoadedModel parent = store.load(transfer.parent())) {
            if (!parent.card().family().equals(spec.model().name())) {
                throw new Stop(JobStatus.FAILED, "model.from: " + transfer.parent() + " holds a '" + parent.card().family()
                        + "' model, the spec's family is '" + spec.model().name() + "'");
            }
            Parameters inherited;
            try {
                inherited = plan.family.service().hyperParameters().validate(parent.card().hyperParameters(), spec.baseDirectory());
            } catch (org.genomod.api.param.ParameterException e) {
                throw new Stop(JobStatus.FAILED, "model.from: " + transfer.parent() + " has hyper-parameters this family rejects: "
                        + String.join("; ", e.problems()));
            }
            if (announce) {
                phase("training", "starting from " + transfer.parent() + " (sha256 " + parent.digest() + ")");
            }
            Model model = plan.family.service().transfer(parent.model(),
                    new ModelRequest(schema, inherited, options, weights, spec.seed()), transfer.transfer());
            return new NewModel(model, inherited, parent.digest());
        }
    }

    private TrainingListener listener(int epochs) {
        return new TrainingListener() {
            @Override
            public void onBatch(int epoch, int batch, int batches) {
                job.emit(new JobEvent(job.id(), JobStatus.RUNNING, "training",
                        "epoch " + epoch + "/" + epochs, (epoch - 1 + batch / (double) batches) / epochs, null));
            }

            @Override
            public void onEpoch(EpochReport report) {
                job.emit(new JobEvent(job.id(), JobStatus.RUNNING, "epoch", "epoch " + report.epoch() + "/" + epochs,
                        report.epoch() / (double) epochs, report));
            }
        };
    }

    /**
     * The reader parameters a saved model needs to encode new inputs: all but the input path. A joined job's
     * card also names the primary input and keeps each further input's reader and parameters, path included.
     */
    private static Map<String, Object> readerParametersForPrediction(Plan plan) {
        Map<String, Object> params = new LinkedHashMap<>(plan.reader.parameters().asMap());
        params.remove(org.genomod.api.data.DataReader.PATH);
        if (plan.inputs.size() == 1) {
            return params;
        }
        List<DataInputs.Input> further = plan.inputs.subList(1, plan.inputs.size()).stream()
                .map(i -> new DataInputs.Input(i.name(), new PluginRef(i.reader().lease().name(), null, i.reader().parameters().asMap())))
                .toList();
        return DataInputs.forCard(plan.inputs.get(0).name(), params, further);
    }

    /** How each input is read: training or independent test parameters. */
    private static List<JoinedDataset.Reading> readings(Plan plan, boolean test) {
        return plan.inputs.stream().map(i -> new JoinedDataset.Reading(i.name(), i.reader().lease().name(), i.reader().service(),
                test ? i.test() : i.reader().parameters())).toList();
    }

    private static String readers(Plan plan) {
        if (plan.inputs.size() == 1) {
            return "reader " + plan.reader.lease().describe();
        }
        return "readers " + String.join(", ", plan.inputs.stream().map(i -> i.name() + ": " + i.reader().lease().describe()).toList());
    }

    private Map<String, Object> interpret(Plan plan, Model model, Dataset test, Path out, Cancellation cancellation)
            throws IOException {
        Map<String, Object> results = new LinkedHashMap<>();
        for (Plan.Bound<Interpreter> i : plan.interpreters) {
            phase("interpreting", "interpreting with " + i.lease().describe());
            Path dir = out.resolve("interpret").resolve(i.lease().name());
            Files.createDirectories(dir);
            results.put(i.lease().name(), i.service().interpret(new InterpretationRequest(model, test, i.parameters(), dir, cancellation)));
        }
        return results;
    }

    private void phase(String phase, String message) {
        job.emit(new JobEvent(job.id(), JobStatus.RUNNING, phase, message, -1, null));
    }

    private static JobResult failure(JobStatus status, String message, PipelineSpec spec, Instant started) {
        return new JobResult(status, message, spec.outputDirectory(), Map.of(), Duration.between(started, Instant.now()));
    }

    /** One line for the user: the exception's own message, or its type when it has none. */
    static String describe(Throwable e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }

    /** Loss weights from label frequencies in the training split. */
    static final class ClassWeights {
        private ClassWeights() {
        }

        static float[] inverseFrequency(Dataset train) {
            int k = train.schema().labelSize();
            float[] label = new float[k];
            double[] positives = new double[k];
            for (int i = 0; i < train.size(); i++) {
                train.labels(i, label, 0);
                for (int j = 0; j < k; j++) {
                    positives[j] += label[j];
                }
            }
            float[] weights = new float[k];
            for (int j = 0; j < k; j++) {
                double p = Math.max(positives[j], 1);
                weights[j] = train.schema().task() == TaskType.MULTICLASS
                        ? (float) (train.size() / (k * p))
                        : (float) ((train.size() - p) / p); // positive-class weight for sigmoid outputs
            }
            return weights;
        }
    }
}
