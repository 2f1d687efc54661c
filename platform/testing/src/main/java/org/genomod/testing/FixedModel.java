package org.genomod.testing;

import java.nio.file.Path;
import java.util.Objects;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.model.Batch;
import org.genomod.api.model.Model;
import org.genomod.api.model.ModelState;

/**
 * A test model with fixed behaviour, for code that only reads a model (interpreters, scorers): subclasses
 * give {@link #predict}; training and saving are refused, so a test that reaches them fails loudly.
 */
public abstract class FixedModel implements Model {
    private final DatasetSchema schema;

    protected FixedModel(DatasetSchema schema) {
        this.schema = Objects.requireNonNull(schema);
    }

    @Override
    public DatasetSchema schema() {
        return schema;
    }

    @Override
    public double fit(Batch batch) {
        throw refused();
    }

    @Override
    public double loss(Batch batch) {
        throw refused();
    }

    @Override
    public ModelState snapshot() {
        throw refused();
    }

    @Override
    public void restore(ModelState state) {
        throw refused();
    }

    @Override
    public void save(Path directory) {
        throw refused();
    }

    @Override
    public long parameterCount() {
        return 0;
    }

    @Override
    public String summary() {
        return getClass().getSimpleName();
    }

    @Override
    public void close() {
    }

    private UnsupportedOperationException refused() {
        return new UnsupportedOperationException(getClass().getSimpleName() + " is a fixed test model: it cannot train or be saved");
    }
}
