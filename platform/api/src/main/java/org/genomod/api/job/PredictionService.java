package org.genomod.api.job;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** Platform service: applies a saved model to a new input file with the reader it was trained with. */
@ProviderType
public interface PredictionService {

    /**
     * Writes {@code output} atomically: a header {@code id} then one column per output, one row per record.
     *
     * @throws SpecException when the model cannot be used (its family or reader is not installed)
     * @throws IOException   for unreadable or malformed files, naming the file and line
     */
    Summary predict(Path modelDirectory, Path input, Path output) throws IOException, SpecException;

    /**
     * Draws {@code count} new examples from a saved generative model (a VAE) and writes them atomically to
     * {@code output}: a header {@code id} then one column per output, rows {@code sample_1 .. sample_N}.
     *
     * @throws SpecException when the model's family is not installed or the model does not sample
     */
    Summary sample(Path modelDirectory, int count, long seed, Path output) throws IOException, SpecException;

    record Summary(int records, List<String> outputs, Path output) {
    }
}
