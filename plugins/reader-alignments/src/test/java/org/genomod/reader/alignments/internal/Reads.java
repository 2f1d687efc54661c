package org.genomod.reader.alignments.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.ReadContext;
import org.genomod.api.param.ParameterException;
import org.genomod.api.param.Parameters;
import org.genomod.api.train.Cancellation;

/** Drives the reader as the platform does: raw spec values validated against its schema, then read. */
final class Reads {
    static final ReadContext TRAINING = ReadContext.forTraining(Cancellation.NEVER);
    static final ReadContext PREDICTION = ReadContext.forPrediction(List.of());

    private Reads() {
    }

    static Parameters parameters(Path path, Object... keyValues) {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("path", path.toString());
        for (int i = 0; i < keyValues.length; i += 2) {
            raw.put((String) keyValues[i], keyValues[i + 1]);
        }
        try {
            return new AlignmentsDataReader().parameters().validate(raw, path.getParent());
        } catch (ParameterException e) {
            throw new AssertionError("test spec rejected: " + e.getMessage(), e);
        }
    }

    static Dataset read(Path path, ReadContext context, Object... keyValues) throws IOException {
        return new AlignmentsDataReader().read(parameters(path, keyValues), context);
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

    static int indexOf(Dataset dataset, String id) {
        for (int i = 0; i < dataset.size(); i++) {
            if (dataset.id(i).equals(id)) {
                return i;
            }
        }
        throw new AssertionError("no example " + id);
    }

    /** The level (0-254) of one tensor value, from its float (level / 254). */
    static int level(float[] features, int width, int row, int column, int channel) {
        return Math.round(features[(row * width + column) * PileupGeometry.CHANNELS + channel] * 254f);
    }
}
