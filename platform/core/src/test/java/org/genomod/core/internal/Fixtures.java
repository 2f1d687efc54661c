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
}
