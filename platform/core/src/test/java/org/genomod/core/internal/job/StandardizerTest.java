package org.genomod.core.internal.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.genomod.api.data.ArrayDataset;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;
import org.junit.jupiter.api.Test;

class StandardizerTest {
    private static final DatasetSchema SCHEMA = new DatasetSchema(List.of(3), "expression", TaskType.BINARY, List.of("aml"), Map.of());

    private static Dataset data(float[]... rows) {
        ArrayDataset.Builder b = ArrayDataset.builder(SCHEMA, true);
        for (int i = 0; i < rows.length; i++) {
            b.add("s" + i, null, rows[i], new float[] {i % 2});
        }
        return b.build();
    }

    @Test
    void fitsOnTrainingDataOnlyAndAppliesTheSameStatisticsElsewhere() {
        Dataset train = data(new float[] {1, 10, 5}, new float[] {3, 10, 7}, new float[] {5, 10, Float.NaN});
        Standardizer s = Standardizer.fit(train);
        float[] row = new float[3];
        s.apply(train).features(0, row, 0);
        // feature 0: mean 3, sd 2; feature 1 is constant: 0; feature 2: mean 6 over the two observed values, sd sqrt(2)
        assertEquals(-1f, row[0], 1e-6f);
        assertEquals(0f, row[1], 1e-6f);
        assertEquals((float) (-1 / Math.sqrt(2)), row[2], 1e-6f);
        s.apply(train).features(2, row, 0);
        assertEquals(0f, row[2], 0f); // missing becomes the mean

        Dataset test = data(new float[] {7, 12, 6});
        s.apply(test).features(0, row, 0);
        assertEquals(2f, row[0], 1e-6f); // (7 - 3) / 2: the test value does not move the training statistics
        assertEquals(2f, row[1], 1e-6f); // constant feature: centred, unscaled
    }

    @Test
    void roundTripsThroughTheModelCard() {
        Standardizer s = Standardizer.fit(data(new float[] {1, 2, 3}, new float[] {3, 4, 9}));
        Standardizer back = Standardizer.fromCard(s.toCard()).orElseThrow();
        float[] a = new float[3];
        float[] b = new float[3];
        Dataset probe = data(new float[] {2, 5, 4});
        s.apply(probe).features(0, a, 0);
        back.apply(probe).features(0, b, 0);
        org.junit.jupiter.api.Assertions.assertArrayEquals(a, b);
        assertEquals(java.util.Optional.empty(), Standardizer.fromCard(Map.of()));
    }

    @Test
    void refusesDataOfAnotherWidth() {
        Standardizer s = Standardizer.fit(data(new float[] {1, 2, 3}));
        DatasetSchema two = new DatasetSchema(List.of(2), "expression", TaskType.BINARY, List.of("aml"), Map.of());
        Dataset other = ArrayDataset.builder(two, false).add("x", null, new float[] {1, 2}, null).build();
        assertThrows(IllegalArgumentException.class, () -> s.apply(other));
    }
}
