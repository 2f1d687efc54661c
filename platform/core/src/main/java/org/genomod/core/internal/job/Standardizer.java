package org.genomod.core.internal.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.genomod.api.data.Dataset;

/**
 * Per-feature standardisation, fitted on the training split only so that no statistic of the
 * validation or test data leaks into training, and stored in the model card so prediction repeats it.
 * Missing values (NaN) are left out of the fit and become 0, the feature's mean, when applied.
 */
final class Standardizer {
    static final String KEY = "standardize";
    private final float[] mean;
    private final float[] scale;

    private Standardizer(float[] mean, float[] scale) {
        this.mean = mean;
        this.scale = scale;
    }

    static Standardizer fit(Dataset train) {
        int n = train.schema().featureSize();
        double[] sum = new double[n];
        double[] squares = new double[n];
        long[] count = new long[n];
        float[] row = new float[n];
        for (int i = 0; i < train.size(); i++) {
            train.features(i, row, 0);
            for (int j = 0; j < n; j++) {
                float v = row[j];
                if (!Float.isNaN(v)) {
                    sum[j] += v;
                    squares[j] += (double) v * v;
                    count[j]++;
                }
            }
        }
        float[] mean = new float[n];
        float[] scale = new float[n];
        for (int j = 0; j < n; j++) {
            double m = count[j] == 0 ? 0 : sum[j] / count[j];
            double variance = count[j] < 2 ? 0 : (squares[j] - count[j] * m * m) / (count[j] - 1);
            mean[j] = (float) m;
            // a constant feature carries no information; leave it at 0 rather than divide by 0
            scale[j] = variance > 1e-12 ? (float) (1 / Math.sqrt(variance)) : 1f;
        }
        return new Standardizer(mean, scale);
    }

    /** From the model card's {@code preprocessing} entry, if there is one. */
    @SuppressWarnings("unchecked")
    static Optional<Standardizer> fromCard(Map<String, Object> preprocessing) {
        Object entry = preprocessing.get(KEY);
        if (!(entry instanceof Map<?, ?> m)) {
            return Optional.empty();
        }
        return Optional.of(new Standardizer(floats((List<Number>) m.get("mean")), floats((List<Number>) m.get("scale"))));
    }

    Map<String, Object> toCard() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("mean", list(mean));
        values.put("scale", list(scale));
        return Map.of(KEY, values);
    }

    Dataset apply(Dataset data) {
        if (data.schema().featureSize() != mean.length) {
            throw new IllegalArgumentException("the standardisation was fitted on " + mean.length
                    + " features, the data has " + data.schema().featureSize());
        }
        return new TransformedDataset(data, data.schema()) {
            @Override
            public void features(int index, float[] dest, int offset) {
                source.features(index, dest, offset);
                for (int j = 0; j < mean.length; j++) {
                    float v = dest[offset + j];
                    dest[offset + j] = Float.isNaN(v) ? 0f : (v - mean[j]) * scale[j];
                }
            }
        };
    }

    private static List<Double> list(float[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (float v : values) {
            out.add((double) v);
        }
        return out;
    }

    private static float[] floats(List<Number> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).floatValue();
        }
        return out;
    }
}
