package org.genomod.core.internal.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.genomod.api.data.ArrayDataset;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;
import org.genomod.core.internal.io.Json;
import org.genomod.core.internal.spec.TransformSpec;
import org.junit.jupiter.api.Test;

class PreprocessingTest {
    private static final TransformSpec SELECT_AND_STANDARDIZE =
            new TransformSpec(new TransformSpec.Selection(3, "association", null, null), true);

    /** 40 records of 10 genotypes; the label follows SNPs 2, 5 and 7. */
    private static Dataset data(long seed) {
        DatasetSchema schema = new DatasetSchema(List.of(10), "allele-count", TaskType.BINARY, List.of("case"), Map.of());
        ArrayDataset.Builder b = ArrayDataset.builder(schema, true);
        Random random = new Random(seed);
        for (int i = 0; i < 40; i++) {
            float[] x = new float[10];
            for (int j = 0; j < 10; j++) {
                x[j] = random.nextInt(3);
            }
            float label = x[2] + x[5] + x[7] + random.nextGaussian() * 0.3 > 3 ? 1 : 0;
            b.add("s" + i, null, x, new float[] {label});
        }
        return b.build();
    }

    @Test
    void selectsThenStandardizesTheKeptFeatures() {
        Dataset train = data(1);
        Preprocessing p = Preprocessing.fit(SELECT_AND_STANDARDIZE, train);
        Map<String, Object> card = p.toCard();
        assertEquals(List.of("select", "standardize"), List.copyOf(card.keySet()));
        assertEquals(List.of(2, 5, 7), ((Map<?, ?>) card.get("select")).get("indices"));
        assertEquals(3, ((List<?>) ((Map<?, ?>) card.get("standardize")).get("mean")).size());
        Dataset prepared = p.apply(train);
        assertEquals(Preprocessing.schema(SELECT_AND_STANDARDIZE, train.schema()), prepared.schema());
        double sum = 0;
        float[] row = new float[3];
        for (int i = 0; i < prepared.size(); i++) {
            prepared.features(i, row, 0);
            sum += row[1];
        }
        assertEquals(0, sum, 1e-4); // standardised on the training records after selection
    }

    @Test
    void aModelCardRoundTripPreparesNewDataExactlyAsTraining() throws Exception {
        Preprocessing fitted = Preprocessing.fit(SELECT_AND_STANDARDIZE, data(1));
        // as the model store writes and reads model.json
        Map<String, Object> card = Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(fitted.toCard()),
                new TypeReference<Map<String, Object>>() { });
        Preprocessing back = Preprocessing.fromCard(card);
        assertEquals(fitted.toCard(), back.toCard());
        Dataset fresh = data(2);
        Dataset expected = fitted.apply(fresh);
        Dataset actual = back.apply(fresh);
        assertEquals(expected.schema(), actual.schema());
        assertEquals(actual.schema(), back.standardize(back.select(fresh)).schema());
        float[] a = new float[3];
        float[] b = new float[3];
        for (int i = 0; i < fresh.size(); i++) {
            expected.features(i, a, 0);
            actual.features(i, b, 0);
            assertArrayEquals(a, b);
        }
    }

    @Test
    void theTransformIsRecordedForMetrics() {
        Dataset train = data(1);
        assertEquals("none", Preprocessing.fit(TransformSpec.IDENTITY, train).describe(TransformSpec.IDENTITY));
        TransformSpec standardize = new TransformSpec(null, true);
        assertEquals("standardize", Preprocessing.fit(standardize, train).describe(standardize));
        assertTrue(Preprocessing.fit(TransformSpec.IDENTITY, train).toCard().isEmpty());
        Map<?, ?> described = (Map<?, ?>) Preprocessing.fit(SELECT_AND_STANDARDIZE, train).describe(SELECT_AND_STANDARDIZE);
        assertEquals(SELECT_AND_STANDARDIZE.text(), described.get("spec"));
        assertEquals(List.of(2, 5, 7), ((Map<?, ?>) described.get("select")).get("indices"));
        assertEquals(true, described.get("standardize"));
        // a card without preprocessing leaves data as it is
        Dataset same = Preprocessing.fromCard(Map.of()).apply(train);
        assertEquals(train.schema(), same.schema());
    }
}
