package org.genomod.api.model;

import java.util.Objects;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.param.Parameters;
import org.genomod.api.train.TrainingOptions;

/**
 * What a family needs to build an untrained model.
 *
 * @param schema          input and output schema of the training data
 * @param hyperParameters validated against the family's schema
 * @param training        optimiser settings the network is built with
 * @param classWeights    loss weights, or {@code null} for none: for binary and multi-label tasks the weight
 *                        of each output's positive examples (negatives weigh 1); for multi-class the
 *                        weight of each class's examples; for regression the weight of each target
 * @param seed            initialises weights reproducibly
 */
public record ModelRequest(DatasetSchema schema, Parameters hyperParameters, TrainingOptions training,
                           float[] classWeights, long seed) {
    public ModelRequest {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(hyperParameters, "hyperParameters");
        Objects.requireNonNull(training, "training");
        classWeights = classWeights == null ? null : classWeights.clone();
    }
}
