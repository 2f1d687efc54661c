package org.genomod.model.cnn.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.genomod.api.param.Parameter;
import org.genomod.api.param.ParameterSchema;
import org.genomod.api.param.ParameterType;
import org.genomod.api.param.Parameters;
import org.genomod.dl4j.OutputHead;

/**
 * The family's hyper-parameters. Only {@code preset} has a schema default: every other key defaults to
 * the preset's value, which is only possible when the schema leaves it unset.
 */
final class CnnHyperParameters {
    static final String PRESET = "preset";
    static final String FILTERS = "filters";
    static final String WIDTHS = "widths";
    static final String POOLING = "pooling";
    static final String PADDING = "padding";
    static final String DENSE = "dense";
    static final String DROPOUT = "dropout";
    static final String L2 = "l2";
    static final String BATCH_NORM = "batch_norm";
    static final String ACTIVATION = "activation";
    static final String LOSS = "loss";
    static final String STRANDS = "strands";
    static final String FORWARD = "forward";
    static final String BOTH = "both";

    static final List<String> ACTIVATIONS = List.of("relu", "elu", "tanh", "leakyrelu");

    static final ParameterSchema SCHEMA = ParameterSchema.builder()
            .choice(PRESET, "custom", Arrays.stream(Preset.values()).map(Preset::key).toList(),
                    "architecture the other keys default to: custom (small, fast), deepbind (Alipanahi 2015), deepsea (Zhou 2015) or basset (Kelley 2016)")
            .add(list(FILTERS, 1, 4096, "filters per convolution layer", CnnArchitecture::filters))
            .add(list(WIDTHS, 1, 1024, "kernel width per convolution layer", CnnArchitecture::widths))
            .add(list(POOLING, -1, 1024, "max-pool size after each convolution layer, 0 none, -1 global (last layer only)",
                    CnnArchitecture::pooling))
            .add(choice(PADDING, List.of("same", "valid"), "same keeps each convolution's length, valid shrinks it by width - 1",
                    CnnArchitecture::padding))
            .add(list(DENSE, 1, 65536, "hidden dense layer sizes, [] for none", CnnArchitecture::dense))
            .add(number(DROPOUT, 0, 0.9, "dropout rate after each hidden dense layer (after the convolutions when there is none)",
                    CnnArchitecture::dropout))
            .add(number(L2, 0, 1, "L2 penalty on weights", CnnArchitecture::l2))
            .add(new Parameter(BATCH_NORM, ParameterType.BOOLEAN, false, null,
                    "batch normalisation between each convolution and its activation" + defaults(CnnArchitecture::batchNorm),
                    null, null, null))
            .add(choice(ACTIVATION, ACTIVATIONS, "hidden activation", CnnArchitecture::activation))
            .choice(LOSS, "auto", OutputHead.LOSSES, "training loss; auto: cross-entropy for classification, mse for regression")
            .choice(STRANDS, FORWARD, List.of(FORWARD, BOTH), "both: train on each sequence and its reverse complement, predict the "
                    + "mean of both strands (DNA or RNA one-hot only); forward: the sequence as given")
            .build();

    private CnnHyperParameters() {
    }

    /** The preset's architecture with every key the spec gives put in its place. */
    static CnnArchitecture architecture(Parameters parameters) {
        CnnArchitecture preset = Preset.valueOf(parameters.string(PRESET).toUpperCase(Locale.ROOT)).architecture();
        return new CnnArchitecture(
                parameters.has(FILTERS) ? parameters.integers(FILTERS) : preset.filters(),
                parameters.has(WIDTHS) ? parameters.integers(WIDTHS) : preset.widths(),
                parameters.has(POOLING) ? parameters.integers(POOLING) : preset.pooling(),
                parameters.has(PADDING) ? parameters.string(PADDING) : preset.padding(),
                parameters.has(DENSE) ? parameters.integers(DENSE) : preset.dense(),
                parameters.has(DROPOUT) ? parameters.number(DROPOUT) : preset.dropout(),
                parameters.has(L2) ? parameters.number(L2) : preset.l2(),
                parameters.has(BATCH_NORM) ? parameters.flag(BATCH_NORM) : preset.batchNorm(),
                parameters.has(ACTIVATION) ? parameters.string(ACTIVATION) : preset.activation());
    }

    private static Parameter list(String name, int min, int max, String description, Function<CnnArchitecture, ?> preset) {
        return new Parameter(name, ParameterType.INTEGER_LIST, false, null, description + defaults(preset), null,
                (double) min, (double) max);
    }

    private static Parameter number(String name, double min, double max, String description, Function<CnnArchitecture, ?> preset) {
        return new Parameter(name, ParameterType.NUMBER, false, null, description + defaults(preset), null, min, max);
    }

    private static Parameter choice(String name, List<String> choices, String description, Function<CnnArchitecture, ?> preset) {
        return new Parameter(name, ParameterType.STRING, false, null, description + defaults(preset), choices, null, null);
    }

    /** E.g. " (default: custom [32, 32], deepbind [16], basset [300, 200, 200])". */
    private static String defaults(Function<CnnArchitecture, ?> value) {
        return Arrays.stream(Preset.values())
                .map(p -> p.key() + " " + value.apply(p.architecture()))
                .collect(Collectors.joining(", ", " (default: ", ")"));
    }
}
