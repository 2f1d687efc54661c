package org.genomod.model.rnn.internal;

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
 * The family's hyper-parameters. Only {@code preset} and {@code loss} have schema defaults: every other
 * key defaults to the preset's value, which is only possible when the schema leaves it unset.
 */
final class RnnHyperParameters {
    static final String PRESET = "preset";
    static final String CELL = "cell";
    static final String UNITS = "units";
    static final String BIDIRECTIONAL = "bidirectional";
    static final String POOLING = "pooling";
    static final String CONV_FILTERS = "conv_filters";
    static final String CONV_WIDTH = "conv_width";
    static final String CONV_PADDING = "conv_padding";
    static final String CONV_POOL = "conv_pool";
    static final String CONV_DROPOUT = "conv_dropout";
    static final String DROPOUT = "dropout";
    static final String DENSE = "dense";
    static final String L2 = "l2";
    static final String LOSS = "loss";

    static final ParameterSchema SCHEMA = ParameterSchema.builder()
            .choice(PRESET, "custom", Arrays.stream(Preset.values()).map(Preset::key).toList(),
                    "architecture the other keys default to: custom (small conv + BiLSTM), danq (Quang and Xie 2016) "
                            + "or danq_small (DanQ scaled down for CPUs)")
            .add(choice(CELL, RnnArchitecture.CELLS,
                    "recurrent cell: lstm, or simple (Elman, tanh); gru is refused, Deeplearning4j 1.0.0-M2.1 has no GRU layer",
                    RnnArchitecture::cell))
            .add(list(UNITS, 1, 4096, "hidden units per recurrent layer, one entry per stacked layer", RnnArchitecture::units))
            .add(flag(BIDIRECTIONAL, "each recurrent layer also reads the sequence backwards; outputs are concatenated",
                    RnnArchitecture::bidirectional))
            .add(choice(POOLING, RnnArchitecture.POOLINGS,
                    "from the last recurrent layer's positions to the dense layers: last position (unidirectional only), "
                            + "max or average over positions (padding excluded), or flatten (every position its own weights, "
                            + "fixed-length input, as DanQ)",
                    RnnArchitecture::pooling))
            .add(integer(CONV_FILTERS, 0, 4096, "filters of the convolution front-end, 0 for none", RnnArchitecture::convFilters))
            .add(integer(CONV_WIDTH, 1, 1024, "kernel width of the front-end convolution", RnnArchitecture::convWidth))
            .add(choice(CONV_PADDING, List.of(RnnArchitecture.SAME, RnnArchitecture.VALID),
                    "same keeps the length through the front-end convolution (padding invariance exact), valid shrinks it "
                            + "by width - 1",
                    RnnArchitecture::convPadding))
            .add(integer(CONV_POOL, 1, 1024, "max-pool size and stride after the front-end convolution, 1 for none",
                    RnnArchitecture::convPool))
            .add(number(CONV_DROPOUT, 0, 0.9, "dropout rate after the front-end", RnnArchitecture::convDropout))
            .add(number(DROPOUT, 0, 0.9, "dropout rate after each recurrent layer", RnnArchitecture::dropout))
            .add(list(DENSE, 1, 65536, "hidden dense layer sizes (ReLU), [] for none", RnnArchitecture::dense))
            .add(number(L2, 0, 1, "L2 penalty on weights", RnnArchitecture::l2))
            .choice(LOSS, "auto", OutputHead.LOSSES, "training loss; auto: cross-entropy for classification, mse for regression")
            .build();

    private RnnHyperParameters() {
    }

    /** The preset's architecture with every key the spec gives put in its place. */
    static RnnArchitecture architecture(Parameters parameters) {
        RnnArchitecture preset = Preset.valueOf(parameters.string(PRESET).toUpperCase(Locale.ROOT)).architecture();
        return new RnnArchitecture(
                parameters.has(CELL) ? parameters.string(CELL) : preset.cell(),
                parameters.has(UNITS) ? parameters.integers(UNITS) : preset.units(),
                parameters.has(BIDIRECTIONAL) ? parameters.flag(BIDIRECTIONAL) : preset.bidirectional(),
                parameters.has(POOLING) ? parameters.string(POOLING) : preset.pooling(),
                parameters.has(CONV_FILTERS) ? parameters.integer(CONV_FILTERS) : preset.convFilters(),
                parameters.has(CONV_WIDTH) ? parameters.integer(CONV_WIDTH) : preset.convWidth(),
                parameters.has(CONV_PADDING) ? parameters.string(CONV_PADDING) : preset.convPadding(),
                parameters.has(CONV_POOL) ? parameters.integer(CONV_POOL) : preset.convPool(),
                parameters.has(CONV_DROPOUT) ? parameters.number(CONV_DROPOUT) : preset.convDropout(),
                parameters.has(DROPOUT) ? parameters.number(DROPOUT) : preset.dropout(),
                parameters.has(DENSE) ? parameters.integers(DENSE) : preset.dense(),
                parameters.has(L2) ? parameters.number(L2) : preset.l2());
    }

    private static Parameter list(String name, int min, int max, String description, Function<RnnArchitecture, ?> preset) {
        return new Parameter(name, ParameterType.INTEGER_LIST, false, null, description + defaults(preset), null,
                (double) min, (double) max);
    }

    private static Parameter integer(String name, int min, int max, String description, Function<RnnArchitecture, ?> preset) {
        return new Parameter(name, ParameterType.INTEGER, false, null, description + defaults(preset), null,
                (double) min, (double) max);
    }

    private static Parameter number(String name, double min, double max, String description, Function<RnnArchitecture, ?> preset) {
        return new Parameter(name, ParameterType.NUMBER, false, null, description + defaults(preset), null, min, max);
    }

    private static Parameter flag(String name, String description, Function<RnnArchitecture, ?> preset) {
        return new Parameter(name, ParameterType.BOOLEAN, false, null, description + defaults(preset), null, null, null);
    }

    private static Parameter choice(String name, List<String> choices, String description, Function<RnnArchitecture, ?> preset) {
        return new Parameter(name, ParameterType.STRING, false, null, description + defaults(preset), choices, null, null);
    }

    /** E.g. " (default: custom [32], danq [320], danq_small [64])". */
    private static String defaults(Function<RnnArchitecture, ?> value) {
        return Arrays.stream(Preset.values())
                .map(p -> p.key() + " " + value.apply(p.architecture()))
                .collect(Collectors.joining(", ", " (default: ", ")"));
    }
}
