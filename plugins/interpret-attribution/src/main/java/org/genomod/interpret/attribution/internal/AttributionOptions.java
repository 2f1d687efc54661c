package org.genomod.interpret.attribution.internal;

import java.util.List;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.param.ParameterSchema;
import org.genomod.api.param.ParameterType;
import org.genomod.api.param.Parameters;

/**
 * The interpreter's parameters, resolved against the model's schema.
 *
 * @param method         {@link #GRADIENT_X_INPUT} or {@link #INTEGRATED_GRADIENTS}
 * @param steps          integration intervals of integrated gradients
 * @param baseline       {@link #ZEROS} or {@link #UNIFORM}
 * @param output         index of the explained output
 * @param maxSequences   at most this many examples (the first ones) are attributed
 * @param logoSequences  how many top-scoring positives get a logo in the summary
 * @param batchSize      examples per gradient call
 */
record AttributionOptions(String method, int steps, String baseline, int output, int maxSequences, int logoSequences,
                          int batchSize) {
    static final String GRADIENT_X_INPUT = "gradient_x_input";
    static final String INTEGRATED_GRADIENTS = "integrated_gradients";
    static final String ZEROS = "zeros";
    static final String UNIFORM = "uniform";

    static final ParameterSchema SCHEMA = ParameterSchema.builder()
            .choice("method", GRADIENT_X_INPUT, List.of(GRADIENT_X_INPUT, INTEGRATED_GRADIENTS),
                    "gradient_x_input: (input - baseline) x gradient at the input; integrated_gradients: (input - baseline) x "
                            + "the gradient averaged along the straight path from the baseline")
            .integer("steps", 50, 1, 10_000, "integrated gradients: intervals of the trapezoidal rule along the path")
            .choice("baseline", ZEROS, List.of(ZEROS, UNIFORM),
                    "the reference input: zeros (no base, so a one-hot base's attribution is its own), or uniform "
                            + "(1/channels at every position of a sequence: the expected base)")
            .optional("output", ParameterType.STRING, null, "the output explained, by name or index; default the first "
                    + "(the positive class of a binary task)")
            .integer("max_sequences", 1000, 1, Integer.MAX_VALUE, "attribute at most this many test examples (the first ones)")
            .integer("logo_sequences", 3, 0, 100, "logos in the summary: the test positives with the highest predicted score")
            .integer("batch_size", 64, 1, 65_536, "examples per gradient computation")
            .build();

    static AttributionOptions of(Parameters parameters, DatasetSchema schema) {
        String baseline = parameters.string("baseline");
        if (baseline.equals(UNIFORM) && schema.featureShape().size() != 2) {
            throw new IllegalArgumentException("baseline uniform needs sequence inputs of shape [length, channels], the model takes "
                    + schema.featureShape() + " (use baseline zeros)");
        }
        return new AttributionOptions(parameters.string("method"), parameters.integer("steps"), baseline,
                output(parameters.has("output") ? parameters.string("output") : null, schema),
                parameters.integer("max_sequences"), parameters.integer("logo_sequences"), parameters.integer("batch_size"));
    }

    /** The output named (or numbered) {@code output}; the first when {@code null}. */
    static int output(String output, DatasetSchema schema) {
        if (output == null || output.isBlank()) {
            return 0;
        }
        int named = schema.outputs().indexOf(output);
        if (named >= 0) {
            return named;
        }
        try {
            int index = Integer.parseInt(output.trim());
            if (index >= 0 && index < schema.labelSize()) {
                return index;
            }
        } catch (NumberFormatException ignored) {
            // not a number either: reported below
        }
        throw new IllegalArgumentException("output '" + output + "' is neither an output of the model " + schema.outputs()
                + " nor an index below " + schema.labelSize());
    }

    boolean integrated() {
        return method.equals(INTEGRATED_GRADIENTS);
    }

    /** The baseline example: zeros, or 1/channels everywhere for a uniform sequence baseline. */
    float[] baselineExample(DatasetSchema schema) {
        float[] example = new float[schema.featureSize()];
        if (baseline.equals(UNIFORM)) {
            java.util.Arrays.fill(example, 1f / schema.featureShape().get(1));
        }
        return example;
    }
}
