package org.genomod.interpret.ism.internal;

import org.genomod.api.param.Parameter;
import org.genomod.api.param.ParameterSchema;
import org.genomod.api.param.ParameterType;
import org.genomod.api.param.Parameters;

/** The interpreter's parameters, validated. */
record IsmOptions(String output, boolean logit, int batchSize, int maxSequences, int logoSequences, Integer stride) {
    static final String OUTPUT = "output";
    static final String LOGIT = "logit";
    static final String BATCH_SIZE = "batch_size";
    static final String MAX_SEQUENCES = "max_sequences";
    static final String LOGO_SEQUENCES = "logo_sequences";
    static final String STRIDE = "stride";

    static final ParameterSchema SCHEMA = ParameterSchema.builder()
            .add(new Parameter(OUTPUT, ParameterType.STRING, false, null,
                    "the output whose score changes are measured (default: the model's first output)", null, null, null))
            .flag(LOGIT, false, "measure changes in log-odds instead of probabilities (classification models)")
            .integer(BATCH_SIZE, 256, 1, 65_536, "mutants predicted per batch; memory is batch_size x window x 4 floats")
            .integer(MAX_SEQUENCES, 1000, 1, Integer.MAX_VALUE,
                    "sequences mutated; when the data holds more, those with the highest predicted score")
            .integer(LOGO_SEQUENCES, 3, 0, 1000, "sequences whose importance logo goes into the summary")
            .add(new Parameter(STRIDE, ParameterType.INTEGER, false, null,
                    "for sequences longer than the model's input: positions between window starts (default half the window)",
                    null, 1.0, null))
            .build();

    static IsmOptions from(Parameters parameters) {
        return new IsmOptions(parameters.has(OUTPUT) ? parameters.string(OUTPUT) : null, parameters.flag(LOGIT),
                parameters.integer(BATCH_SIZE), parameters.integer(MAX_SEQUENCES), parameters.integer(LOGO_SEQUENCES),
                parameters.has(STRIDE) ? parameters.integer(STRIDE) : null);
    }

    /** The window stride for {@code layout}, checked against it. */
    int stride(SequenceLayout layout) {
        int s = stride == null ? Math.max(1, layout.window() / 2) : stride;
        if (s > layout.window()) {
            throw new IllegalArgumentException("stride " + s + " exceeds the model's " + layout.window()
                    + "-position window: positions between windows would never be mutated");
        }
        return s;
    }
}
