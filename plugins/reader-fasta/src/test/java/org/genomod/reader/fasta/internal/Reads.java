package org.genomod.reader.fasta.internal;

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
        return PluginTests.read(new FastaDataReader(), path, context, keyValues);
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

    static float[] labels(Dataset dataset, int index) {
        float[] values = new float[dataset.schema().labelSize()];
        dataset.labels(index, values, 0);
        return values;
    }

    /** The values at one sequence position (four channels). */
    static float[] position(Dataset dataset, int index, int position) {
        float[] all = features(dataset, index);
        return java.util.Arrays.copyOfRange(all, position * 4, position * 4 + 4);
    }
}
