package org.genomod.model.dense.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.ReadContext;
import org.genomod.reader.expression.internal.ExpressionDataReader;
import org.genomod.testing.PluginTests;
import org.genomod.testing.SharedData;

/**
 * Golub et al. (1999), ALL vs AML on Hu6800 arrays, read by the real expression reader as a spec would
 * read it: floor 100, ceiling 16,000 and log as the authors preprocessed, AML the positive class.
 */
final class GolubData {
    static final String TRAIN = "data_set_ALL_AML_train.csv";
    static final String INDEPENDENT = "data_set_ALL_AML_independent.csv";

    private GolubData() {
    }

    /** ../shared/data/golub-all-aml beside the checkout; fails, naming the path, without it. */
    static Path folder() {
        return SharedData.folder("golub-all-aml");
    }

    static Examples read(String file) throws IOException {
        Path folder = folder();
        Dataset dataset = PluginTests.read(new ExpressionDataReader(), folder.resolve(file), ReadContext.forTraining(null),
                "id_column", "Gene Accession Number",
                "ignore_columns", List.of("Gene Description", "call"),
                "labels_file", folder.resolve("actual.csv").toString(),
                "positive", "AML",
                "clip_min", 100, "clip_max", 16000, "log_transform", "log2");
        return Examples.of(dataset);
    }
}
