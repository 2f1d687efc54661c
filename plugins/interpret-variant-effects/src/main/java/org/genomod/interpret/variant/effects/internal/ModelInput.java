package org.genomod.interpret.variant.effects.internal;

import java.util.List;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;

/**
 * What the scorer needs to know of a model's input and outputs, read from its schema: windows of
 * {@code length} DNA bases, one-hot over A, C, G, T (as reader-fasta encodes them), possibly
 * reverse-complemented, and whether the outputs are probabilities (classification) or values.
 *
 * @param reverseComplement the model was trained on reverse complements (reader-fasta {@code reverse_complement})
 */
record ModelInput(int length, boolean reverseComplement, List<String> outputs, boolean probabilities) {
    static final String ENCODING = "dna-one-hot";
    static final int CHANNELS = 4;

    /** @throws IllegalArgumentException when the model does not take DNA one-hot windows */
    static ModelInput of(DatasetSchema schema) {
        Object alphabet = schema.attributes().get("alphabet");
        boolean oneHotDna = schema.encoding().equals(ENCODING) && schema.featureShape().size() == 2
                && schema.featureShape().get(1) == CHANNELS && (alphabet == null || "dna".equals(alphabet));
        if (!oneHotDna) {
            throw new IllegalArgumentException("variant effect scoring needs a model of DNA one-hot windows (encoding "
                    + ENCODING + ", feature shape [length, " + CHANNELS + "]), but this model takes encoding '" + schema.encoding()
                    + "' with shape " + schema.featureShape() + (alphabet == null ? "" : " over alphabet " + alphabet));
        }
        return new ModelInput(schema.featureShape().get(0), Boolean.TRUE.equals(schema.attributes().get("reverse_complement")),
                schema.outputs(), schema.task() != TaskType.REGRESSION);
    }

    int featureSize() {
        return length * CHANNELS;
    }
}
