package org.genomod.api.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.genomod.api.param.ParameterSchema;
import org.genomod.api.param.Parameters;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Plugin SPI: reads one family of file formats into an encoded {@link Dataset}. Registered with the
 * service property {@value #SERVICE_PROPERTY} naming the reader (e.g. {@code fasta}).
 *
 * <p>Every reader takes its main input as the parameter {@value #PATH}, so prediction can point a
 * saved model's reader at a new file.
 */
@ConsumerType
public interface DataReader {
    String SERVICE_PROPERTY = "genomod.reader";
    /** Service property listing the format names the reader understands. */
    String FORMATS_PROPERTY = "genomod.formats";
    /** The parameter naming the main input file. */
    String PATH = "path";

    ParameterSchema parameters();

    /**
     * Reads and encodes the input completely.
     *
     * @throws InputFormatException for malformed input, naming file, line and problem
     * @throws IOException          when the file cannot be read
     */
    Dataset read(Parameters parameters, ReadContext context) throws IOException;

    /**
     * Raw parameters for reading a new input with the encoding a model was trained with. Prediction
     * inputs may be unlabelled or in another format the reader understands, so a reader drops
     * what described the training file only. The default replaces {@value #PATH} and keeps the rest.
     *
     * @param training the raw parameters that read the training data (without {@value #PATH})
     */
    default Map<String, Object> predictionParameters(Map<String, Object> training, Path input) {
        Map<String, Object> parameters = new LinkedHashMap<>(training);
        parameters.put(PATH, input.toString());
        return parameters;
    }

    /** The files a read consumes, for provenance checksums. */
    default List<Path> inputs(Parameters parameters) {
        return parameters.has(PATH) ? List.of(parameters.path(PATH)) : List.of();
    }
}
