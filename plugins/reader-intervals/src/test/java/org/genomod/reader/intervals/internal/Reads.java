package org.genomod.reader.intervals.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.ReadContext;
import org.genomod.api.param.ParameterException;
import org.genomod.api.train.Cancellation;

/** Drives the reader as the platform does: raw spec values validated against its schema, then read. */
final class Reads {
    static final ReadContext TRAINING = ReadContext.forTraining(Cancellation.NEVER);

    private Reads() {
    }

    /** Raw parameters from key-value pairs; paths relative to {@code base} as a spec's folder. */
    static Map<String, Object> raw(Path path, Path reference, Object... keyValues) {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("path", path.toString());
        raw.put("reference", reference.toString());
        for (int i = 0; i < keyValues.length; i += 2) {
            raw.put((String) keyValues[i], keyValues[i + 1]);
        }
        return raw;
    }

    static Dataset read(Map<String, Object> raw, Path base, ReadContext context) throws IOException {
        IntervalsDataReader reader = new IntervalsDataReader();
        try {
            return reader.read(reader.parameters().validate(raw, base), context);
        } catch (ParameterException e) {
            throw new AssertionError("test spec rejected: " + e.getMessage(), e);
        }
    }

    static Dataset train(Path path, Path reference, Object... keyValues) throws IOException {
        return read(raw(path, reference, keyValues), path.getParent(), TRAINING);
    }

    static Dataset predict(Path path, Path reference, List<String> outputs, Object... keyValues) throws IOException {
        return read(raw(path, reference, keyValues), path.getParent(), ReadContext.forPrediction(outputs));
    }

    /** The window's bases as stored (reading direction, upper case, 0 for padding). */
    static String sequence(Dataset dataset, int index) {
        return new String(((WindowDataset) dataset).bases(index), StandardCharsets.ISO_8859_1);
    }

    /** The window decoded from its one-hot features: the base whose channel is 1, N for 0.25 each, '.' for zeros. */
    static String decoded(Dataset dataset, int index) {
        float[] f = features(dataset, index);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < f.length; i += 4) {
            int hot = -1;
            for (int c = 0; c < 4; c++) {
                if (f[i + c] == 1f) {
                    hot = c;
                }
            }
            boolean zero = f[i] == 0 && f[i + 1] == 0 && f[i + 2] == 0 && f[i + 3] == 0;
            s.append(hot >= 0 ? "ACGT".charAt(hot) : zero ? '.' : f[i] == .25f ? 'N' : '?');
        }
        return s.toString();
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
        throw new AssertionError("no window " + id);
    }
}
