package org.genomod.shell.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;

/**
 * The two networks of {@code shared/bench/README.md}, as the {@code cnn} family's hyper-parameters. Every
 * architecture key is spelled out beside the preset, so that the benchmark keeps measuring the README's
 * network even if a preset changes. Inputs are one-hot DNA ({@code [length, 4]}); the sigmoid outputs
 * with cross-entropy are PyTorch's linear outputs with {@code BCEWithLogitsLoss}.
 */
enum BenchNetwork {
    DEEPBIND(101, 1, "Conv1d(4->16, width 24, valid) -> ReLU -> global max pool -> Dense 32 -> ReLU -> Dense 1; "
            + "binary cross-entropy; Adam 1e-3",
            Map.ofEntries(Map.entry("preset", "deepbind"), Map.entry("filters", List.of(16)), Map.entry("widths", List.of(24)),
                    Map.entry("pooling", List.of(-1)), Map.entry("padding", "valid"), Map.entry("dense", List.of(32)),
                    Map.entry("dropout", 0.0), Map.entry("l2", 0.0), Map.entry("batch_norm", false),
                    Map.entry("activation", "relu"), Map.entry("loss", "cross_entropy"))),
    BASSET(600, 164, "3 x [Conv1d (300, 200, 200 filters; widths 19, 11, 7; same) -> BatchNorm -> ReLU -> MaxPool 3, 4, 4] "
            + "-> Flatten (200 x 12) -> 2 x [Dense 1000 -> ReLU -> Dropout 0.3] -> Dense 164; binary cross-entropy; Adam 1e-3; "
            + "Deeplearning4j counts batch norm's running means and variances (1,400 values) as parameters, PyTorch does not",
            Map.ofEntries(Map.entry("preset", "basset"), Map.entry("filters", List.of(300, 200, 200)),
                    Map.entry("widths", List.of(19, 11, 7)), Map.entry("pooling", List.of(3, 4, 4)), Map.entry("padding", "same"),
                    Map.entry("dense", List.of(1000, 1000)), Map.entry("dropout", 0.3), Map.entry("l2", 0.0),
                    Map.entry("batch_norm", true), Map.entry("activation", "relu"), Map.entry("loss", "cross_entropy")));

    static final int CHANNELS = 4;

    private final int length;
    private final int outputs;
    private final String architecture;
    private final Map<String, Object> hyperParameters;

    BenchNetwork(int length, int outputs, String architecture, Map<String, Object> hyperParameters) {
        this.length = length;
        this.outputs = outputs;
        this.architecture = architecture;
        this.hyperParameters = hyperParameters;
    }

    /** The name the PyTorch reference prints in its {@code model} field. */
    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    int length() {
        return length;
    }

    String architecture() {
        return architecture;
    }

    /** Raw hyper-parameters, as a pipeline spec would give them; the family's schema validates them. */
    Map<String, Object> hyperParameters() {
        return hyperParameters;
    }

    DatasetSchema schema() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= outputs; i++) {
            names.add(outputs == 1 ? "bound" : "task" + i);
        }
        return new DatasetSchema(List.of(length, CHANNELS), "dna-one-hot", outputs == 1 ? TaskType.BINARY : TaskType.MULTILABEL,
                names, Map.of());
    }
}
