package org.genomod.api.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.param.ParameterSchema;
import org.genomod.api.param.Parameters;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Plugin SPI: a family of network architectures (CNN, RNN, ...). Registered with the service
 * property {@value #SERVICE_PROPERTY} naming the family. Stateless: everything a model needs is in
 * the request or in its saved directory.
 */
@ConsumerType
public interface ModelFamily {
    String SERVICE_PROPERTY = "genomod.model.family";

    ParameterSchema hyperParameters();

    /**
     * Problems with hyper-parameters that only show against the data, e.g. pooling wider than the
     * sequence; checked before a job runs. Empty when the combination is valid.
     */
    default List<String> check(DatasetSchema schema, Parameters hyperParameters) {
        return List.of();
    }

    Model create(ModelRequest request);

    /**
     * A model for new data that starts from {@code parent}, a loaded model of this family (transfer
     * learning): same architecture and input encoding, the layers {@code transfer} names frozen, the head
     * replaced when asked. Families that cannot do this keep the default, which refuses.
     *
     * @param request the new data's schema, the parent's hyper-parameters, the new training options and seed
     */
    default Model transfer(Model parent, ModelRequest request, Transfer transfer) {
        throw new UnsupportedOperationException("this model family cannot start from a saved model (no transfer learning)");
    }

    /** Loads a network that a model of this family {@linkplain Model#save saved}. */
    Model load(Path directory, DatasetSchema schema, Parameters hyperParameters) throws IOException;
}
