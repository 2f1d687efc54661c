package org.genomod.core.internal.job;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.Splits;
import org.genomod.api.eval.Metrics;
import org.genomod.api.job.PipelineSpec;
import org.genomod.api.model.Model;
import org.genomod.api.train.EpochReport;
import org.genomod.api.train.TrainingOptions;
import org.genomod.api.train.TrainingResult;
import org.genomod.core.internal.registry.Lease;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** Builds the provenance and metrics documents that every job writes (schema: docs/metrics.md). */
final class Provenance {
    static final String SCHEMA_VERSION = "1";
    private final BundleContext context;

    Provenance(BundleContext context) {
        this.context = context;
    }

    /** Facts for the model card: who made the model with what. */
    Map<String, Object> summary(PipelineSpec spec, Plan plan) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("genomod_version", context.getBundle().getVersion().toString());
        m.put("job", spec.name());
        m.put("spec_file", spec.source() == null ? null : spec.source().toString());
        m.put("plugins", plugins(plan));
        return m;
    }

    Map<String, Object> metricsDocument(RunningJob job, PipelineSpec spec, Plan plan, Dataset dataset, Splits splits,
                                        Object transform, TrainingResult training, Map<String, Object> selection, Map<String, Metrics> metrics,
                                        Map<String, Object> interpretation, Model model, String modelDigest, String parentDigest,
                                        InputDigests digests, Instant started, Duration elapsed) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schema_version", SCHEMA_VERSION);
        doc.put("job", Map.of("id", job.id(), "name", spec.name(), "status", "SUCCEEDED",
                "started", started.toString(), "wall_seconds", elapsed.toMillis() / 1000.0));
        doc.put("test", metrics(metrics));

        Map<String, Object> data = new LinkedHashMap<>();
        data.put("reader", plan.reader.lease().describe());
        data.put("records", dataset.size());
        data.put("task", dataset.schema().task().name().toLowerCase());
        data.put("outputs", dataset.schema().outputs());
        data.put("feature_shape", dataset.schema().featureShape());
        List<Map<String, Object>> joined = new ArrayList<>();
        for (Map<?, ?> segment : JoinedDataset.segments(dataset.schema())) {
            Map<String, Object> input = new LinkedHashMap<>();
            for (String key : List.of("name", "reader", "encoding", "shape", "offset")) {
                input.put(key.equals("shape") ? "feature_shape" : key, segment.get(key));
            }
            joined.add(input);
        }
        if (!joined.isEmpty()) {
            data.put("joined", joined); // the inputs joined by record id, in feature order
        }
        data.put("transform", transform); // the spec's text, or with a feature selection the features it kept
        data.put("split", Map.of("method", spec.split().method(), "train", splits.train().size(),
                "validation", splits.validation().size(), "test", splits.test().size()));
        data.put("inputs", digests.asList());
        data.put("sha256", digests.combined());
        doc.put("data", data);

        Map<String, Object> train = new LinkedHashMap<>();
        train.put("epochs_run", training.epochsRun());
        train.put("best_epoch", training.bestEpoch());
        train.put("best_validation_score", training.bestScore());
        train.put("early_stopping_metric", spec.training().earlyStopping().metric());
        train.put("stopped_early", training.stoppedEarly());
        List<Map<String, Object>> history = new ArrayList<>();
        for (EpochReport r : training.history()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("epoch", r.epoch());
            e.put("train_loss", r.trainLoss());
            e.put("validation_loss", r.validationLoss());
            e.put("validation", new java.util.TreeMap<>(r.validationMetrics()));
            e.put("seconds", r.seconds());
            e.put("samples_per_second", r.samplesPerSecond());
            history.add(e);
        }
        train.put("history", history);
        doc.put("training", train);
        if (!selection.isEmpty()) {
            doc.put("selection", selection);
        }

        Map<String, Object> saved = new LinkedHashMap<>(Map.of("family", plan.family.lease().describe(), "parameters", model.parameterCount(),
                "directory", "model", "manifest_sha256", modelDigest));
        spec.transferFrom().ifPresent(t -> saved.put("fine_tuned_from", Map.of("directory", t.parent().toString(),
                "manifest_sha256", parentDigest, "frozen_layers", frozen(t.transfer()), "new_head", t.transfer().newHead())));
        doc.put("model", saved);
        if (!interpretation.isEmpty()) {
            doc.put("interpretation", interpretation);
        }
        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("seed", spec.seed());
        prov.put("spec_file", spec.source() == null ? null : spec.source().toString());
        prov.put("spec", spec.raw());
        prov.put("plugins", plugins(plan));
        prov.put("bundles", platformBundles());
        prov.put("java", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        prov.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        doc.put("provenance", prov);
        return doc;
    }

    /** What {@code model.freeze} froze: the layers' names, {@code all_but_head}, or a count of leading layers. */
    private static Object frozen(org.genomod.api.model.Transfer transfer) {
        if (transfer.byName()) {
            return transfer.frozenNames();
        }
        return transfer.frozenLayers() == org.genomod.api.model.Transfer.ALL_BUT_HEAD ? "all_but_head" : transfer.frozenLayers();
    }

    private static List<Map<String, Object>> plugins(Plan plan) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Lease<?> lease : plan.leases()) {
            out.add(Map.of("kind", lease.kind(), "name", lease.name(), "bundle", lease.bundleSymbolicName(),
                    "version", lease.bundleVersion().toString()));
        }
        return out;
    }

    /** Versions of every genomod bundle present (platform and libraries). */
    private List<String> platformBundles() {
        List<String> out = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName() != null && b.getSymbolicName().startsWith("org.genomod")) {
                out.add(b.getSymbolicName() + " " + b.getVersion());
            }
        }
        out.sort(null);
        return out;
    }

    static Map<String, Object> training(TrainingOptions o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epochs", o.epochs());
        m.put("batch_size", o.batchSize());
        m.put("optimizer", o.optimizer());
        m.put("learning_rate", o.learningRate());
        m.put("gradient_clip", o.gradientClip());
        m.put("lr_schedule", Map.of("type", o.schedule().type(), "factor", o.schedule().factor(), "every", o.schedule().every()));
        m.put("class_weights", o.classWeights());
        m.put("early_stopping", Map.of("metric", o.earlyStopping().metric(), "patience", o.earlyStopping().patience(),
                "min_delta", o.earlyStopping().minDelta(), "restore_best", o.earlyStopping().restoreBest()));
        return m;
    }

    /** Metrics as plain maps: scalars first, then a "details" entry. */
    /** The test metrics for the model card: scalars only; curves and tables stay in metrics.json, beside the job. */
    static Map<String, Object> cardMetrics(Map<String, Metrics> metrics) {
        Map<String, Object> out = new LinkedHashMap<>();
        metrics.forEach((name, m) -> out.put(name, new LinkedHashMap<>(m.scalars())));
        return out;
    }

    static Map<String, Object> metrics(Map<String, Metrics> metrics) {
        Map<String, Object> out = new LinkedHashMap<>();
        metrics.forEach((name, m) -> {
            Map<String, Object> e = new LinkedHashMap<>(m.scalars());
            e.put("details", m.details());
            out.put(name, e);
        });
        return out;
    }
}
