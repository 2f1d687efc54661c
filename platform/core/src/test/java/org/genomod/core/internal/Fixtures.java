package org.genomod.core.internal;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.genomod.api.data.ArrayDataset;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;

/** Seeded synthetic data whose label depends on the features, so a model can learn it. */
public final class Fixtures {
    private Fixtures() {
    }

    public static final DatasetSchema BINARY = new DatasetSchema(List.of(5), "test", TaskType.BINARY, List.of("pos"), Map.of());

    /** Label = 1 when a noisy linear score is positive; group = "chr" + (i % 4 + 1). */
    public static ArrayDataset separable(int n, long seed) {
        Random r = new Random(seed);
        ArrayDataset.Builder b = ArrayDataset.builder(BINARY, true);
        for (int i = 0; i < n; i++) {
            float[] x = new float[5];
            for (int j = 0; j < 5; j++) {
                x[j] = (float) r.nextGaussian();
            }
            double score = 2 * x[0] - x[1] + 0.3 * r.nextGaussian();
            b.add("r" + i, "chr" + (i % 4 + 1), x, new float[] {score > 0 ? 1f : 0f});
        }
        return b.build();
    }

    /** The ids of a dataset, in order. */
    public static java.util.Set<String> ids(org.genomod.api.data.Dataset d) {
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        for (int i = 0; i < d.size(); i++) {
            ids.add(d.id(i));
        }
        return ids;
    }

    public static java.util.Set<String> groups(org.genomod.api.data.Dataset d) {
        java.util.Set<String> g = new java.util.HashSet<>();
        for (int i = 0; i < d.size(); i++) {
            g.add(d.group(i));
        }
        return g;
    }

    /** The fraction of examples labelled 1 in a binary dataset. */
    public static double positiveRate(org.genomod.api.data.Dataset d) {
        float[] label = new float[1];
        int positives = 0;
        for (int i = 0; i < d.size(); i++) {
            d.labels(i, label, 0);
            positives += label[0] > 0.5 ? 1 : 0;
        }
        return positives / (double) d.size();
    }
}
