package org.genomod.api.interpret;

import java.nio.file.Path;
import java.util.Objects;
import org.genomod.api.data.Dataset;
import org.genomod.api.model.Model;
import org.genomod.api.param.Parameters;
import org.genomod.api.train.Cancellation;

/**
 * @param dataset         examples to explain, encoded as the model expects
 * @param outputDirectory where the interpreter writes its files (atomically)
 */
public record InterpretationRequest(Model model, Dataset dataset, Parameters parameters, Path outputDirectory,
                                    Cancellation cancellation) {
    public InterpretationRequest {
        Objects.requireNonNull(model);
        Objects.requireNonNull(dataset);
        Objects.requireNonNull(parameters);
        Objects.requireNonNull(outputDirectory);
        cancellation = cancellation == null ? Cancellation.NEVER : cancellation;
    }
}
