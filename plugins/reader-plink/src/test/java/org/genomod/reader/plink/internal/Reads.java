package org.genomod.reader.plink.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.ReadContext;
import org.genomod.api.train.Cancellation;
import org.genomod.testing.PluginTests;

/** Drives the reader as the platform does: raw spec values validated against its schema, then read. */
final class Reads {
    static final ReadContext TRAINING = ReadContext.forTraining(Cancellation.NEVER);

    private Reads() {
    }

    static Dataset read(Path path, ReadContext context, Object... keyValues) throws IOException {
        return PluginTests.read(new PlinkDataReader(), path, context, keyValues);
    }

    static Dataset train(Path path, Object... keyValues) throws IOException {
        return read(path, TRAINING, keyValues);
    }

    static Dataset predict(Path path, List<String> outputs, Object... keyValues) throws IOException {
        return read(path, ReadContext.forPrediction(outputs), keyValues);
    }

    static float[] features(Dataset dataset, int index) {
        float[] values = new float[dataset.schema().featureSize()];
        dataset.features(index, values, 0);
        return values;
    }

    static float label(Dataset dataset, int index) {
        float[] values = new float[dataset.schema().labelSize()];
        dataset.labels(index, values, 0);
        return values[0];
    }

    static int indexOf(Dataset dataset, String id) {
        for (int i = 0; i < dataset.size(); i++) {
            if (dataset.id(i).equals(id)) {
                return i;
            }
        }
        throw new AssertionError("no example " + id);
    }
}
