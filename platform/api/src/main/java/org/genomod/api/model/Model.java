package org.genomod.api.model;

import java.io.IOException;
import java.nio.file.Path;
import org.genomod.api.data.DatasetSchema;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A network made by a {@link ModelFamily}. Not thread-safe: one job drives it. {@link #close()}
 * releases native memory and must be called on the thread that trained or predicted.
 */
@ConsumerType
public interface Model extends AutoCloseable {

    DatasetSchema schema();

    /**
     * Called by the trainer before each epoch's first {@link #fit} (epochs count from 1), so that models
     * follow the learning-rate schedule of their {@code TrainingOptions}. Models without epoch-dependent
     * state keep the default, which does nothing.
     */
    default void epochStarted(int epoch) {
    }

    /** One optimisation step on a labelled batch; returns the batch's mean loss before the update. */
    double fit(Batch batch);

    /** Outputs ({@code size × labelSize}): probabilities for classification tasks, values for regression. */
    float[] predict(Batch batch);

    /** Mean loss on a labelled batch, without updating. */
    double loss(Batch batch);

    ModelState snapshot();

    void restore(ModelState state);

    /** Writes the network into {@code directory}, which exists and is empty; the store adds card and manifest. */
    void save(Path directory) throws IOException;

    long parameterCount();

    /** A human-readable layer summary. */
    String summary();

    @Override
    void close();
}
