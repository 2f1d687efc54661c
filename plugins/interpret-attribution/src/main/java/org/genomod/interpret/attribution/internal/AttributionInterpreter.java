package org.genomod.interpret.attribution.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;
import org.genomod.api.interpret.InterpretationRequest;
import org.genomod.api.interpret.Interpreter;
import org.genomod.api.model.Batch;
import org.genomod.api.model.DifferentiableModel;
import org.genomod.api.param.ParameterSchema;
import org.osgi.service.component.annotations.Component;

/**
 * Gradient attribution of a differentiable model's predictions on the test split: gradient × input or integrated
 * gradients for one output, per feature (per position and channel for sequences), written to
 * {@value AttributionTable#FILE}. The summary names the method and output, counts the examples, reports
 * integrated gradients' completeness error and carries sequence logos of the top-scoring positives.
 */
@Component(service = Interpreter.class, property = Interpreter.SERVICE_PROPERTY + "=attribution")
public final class AttributionInterpreter implements Interpreter {

    @Override
    public ParameterSchema parameters() {
        return AttributionOptions.SCHEMA;
    }

    @Override
    public Map<String, Object> interpret(InterpretationRequest request) throws IOException {
        if (!(request.model() instanceof DifferentiableModel model)) {
            throw new IllegalArgumentException("attribution needs a model that gives input gradients; this "
                    + request.model().getClass().getSimpleName() + " does not (the dense, cnn, rnn and multimodal families do)");
        }
        DatasetSchema schema = model.schema();
        AttributionOptions options = AttributionOptions.of(request.parameters(), schema);
        Dataset data = request.dataset();
        int total = Math.min(data.size(), options.maxSequences());
        int f = schema.featureSize();
        int outputs = schema.labelSize();
        String alphabet = alphabet(schema);
        Attributions attributions = new Attributions(model, options.output(), options.baselineExample(schema));
        Logos logos = new Logos(alphabet == null ? 0 : options.logoSequences(), alphabet == null ? "" : alphabet);
        double completeness = 0;
        try (AttributionTable table = new AttributionTable(request.outputDirectory(), schema, alphabet)) {
            for (int start = 0; start < total; start += options.batchSize()) {
                if (request.cancellation().isCancelled()) {
                    throw new CancellationException("attribution was cancelled: " + request.cancellation().reason());
                }
                int n = Math.min(options.batchSize(), total - start);
                float[] features = new float[n * f];
                float[] labels = new float[n * outputs];
                List<String> ids = new ArrayList<>(n);
                for (int e = 0; e < n; e++) {
                    data.features(start + e, features, e * f);
                    data.labels(start + e, labels, e * outputs);
                    ids.add(data.id(start + e));
                }
                Batch batch = new Batch(n, features, null, ids, data.network().orElse(null));
                float[] predictions = model.predict(batch);
                float[] values = options.integrated()
                        ? attributions.integratedGradients(batch, options.steps())
                        : attributions.gradientTimesInput(batch);
                if (checksCompleteness(options, data)) {
                    for (double error : attributions.completenessErrors(batch, values, predictions)) {
                        completeness += error;
                    }
                }
                for (int e = 0; e < n; e++) {
                    table.write(ids.get(e), values, e);
                    if (!data.labelled() || positive(schema.task(), labels[e * outputs + options.output()])) {
                        logos.offer(ids.get(e), predictions[e * outputs + options.output()], values, e, f);
                    }
                }
            }
            table.commit();
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("method", options.method());
        summary.put("output", schema.outputs().get(options.output()));
        summary.put("baseline", options.baseline());
        summary.put("sequences", total);
        summary.put("file", AttributionTable.FILE);
        if (options.integrated()) {
            summary.put("steps", options.steps());
            if (checksCompleteness(options, data)) {
                summary.put("completeness_error", total == 0 ? 0.0 : completeness / total);
            } else {
                summary.put("completeness_error", null);
                summary.put("completeness_note", "not computed: the examples live on a network, whose prediction reads every "
                        + "node's features from the network, so a baseline batch does not move the score");
            }
        }
        if (alphabet != null) {
            summary.put("logos", logos.logos());
        }
        return summary;
    }

    /** Regression has no negatives: every example may get a logo. */
    private static boolean positive(TaskType task, float label) {
        return task == TaskType.REGRESSION || label > 0.5f;
    }

    /** The letters of one-hot DNA or RNA channels, or {@code null} for other inputs. */
    static String alphabet(DatasetSchema schema) {
        if (schema.featureShape().size() != 2 || schema.featureShape().get(1) != 4) {
            return null;
        }
        return switch (schema.encoding()) {
            case "dna-one-hot" -> "ACGT";
            case "rna-one-hot" -> "ACGU";
            default -> null;
        };
    }

    /**
     * Integrated gradients' completeness needs the score at the baseline; examples on a network (gcn node
     * mode) are scored from the network's own features, which a baseline batch does not change.
     */
    private static boolean checksCompleteness(AttributionOptions options, Dataset data) {
        return options.integrated() && data.network().isEmpty();
    }
}
