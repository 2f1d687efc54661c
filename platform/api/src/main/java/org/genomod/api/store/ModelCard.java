package org.genomod.api.store;

import java.util.Map;
import java.util.Objects;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.job.PluginRef;

/**
 * The description saved beside a model as {@code model.json}: what it is, how to feed it, and where
 * it came from.
 *
 * @param family              model family name
 * @param familyBundle        symbolic name of the bundle that provided the family
 * @param familyVersion       that bundle's version
 * @param reader              the reader and parameters that encoded the training data; prediction reuses them
 * @param schema              input encoding and output names, in output order
 * @param preprocessing       transforms fitted on the training split that prediction must repeat, e.g.
 *                            {@code {"standardize": {"mean": [...], "sd": [...]}}}; empty for none
 * @param hyperParameters     as validated, defaults included
 * @param training            training options as plain values
 * @param trainingDataSha256  SHA-256 of the training input files
 * @param seed                the job's seed
 * @param metrics             test metrics per evaluator, plain values
 * @param createdAt           ISO-8601 instant
 * @param parentSha256        digest of the model this one was fine-tuned from, or {@code null}
 * @param provenance          further facts: genomod version, bundles, spec origin
 */
public record ModelCard(String family, String familyBundle, String familyVersion, PluginRef reader,
                        DatasetSchema schema, Map<String, Object> preprocessing, Map<String, Object> hyperParameters, Map<String, Object> training,
                        String trainingDataSha256, long seed, Map<String, Object> metrics, String createdAt,
                        String parentSha256, Map<String, Object> provenance) {
    public ModelCard {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(schema, "schema");
        preprocessing = preprocessing == null ? Map.of() : preprocessing;
        hyperParameters = hyperParameters == null ? Map.of() : hyperParameters;
        training = training == null ? Map.of() : training;
        metrics = metrics == null ? Map.of() : metrics;
        provenance = provenance == null ? Map.of() : provenance;
    }
}
