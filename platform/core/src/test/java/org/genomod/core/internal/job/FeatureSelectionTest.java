package org.genomod.core.internal.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.genomod.api.data.ArrayDataset;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;
import org.genomod.core.internal.spec.TransformSpec;
import org.junit.jupiter.api.Test;

class FeatureSelectionTest {
    private static final float NA = Float.NaN;
    private static final int[] TRAIN = {0, 1, 2, 3, 4, 5, 6, 7};
    private static final float[] TRAIN_LABELS = {1, 0, 1, 0, 1, 0, 1, 0};
    /**
     * Five features of twelve records. On the training records (0-7): f0 and f4 equal the label (n·r² = 8),
     * f3 too but is missing once (7), f1 agrees 6 times in 8 (r = 0.5: 2), f2 is constant (0). On the
     * held-out records (8-11) f1 equals the label and f0 its opposite, so over all records f1 would win.
     */
    private static final float[][] FEATURES = {
        {1, 1, 5, NA, 1}, {0, 0, 5, 0, 0}, {1, 1, 5, 1, 1}, {0, 0, 5, 0, 0},
        {1, 1, 5, 1, 1}, {0, 0, 5, 0, 0}, {1, 0, 5, 1, 1}, {0, 1, 5, 0, 0},
        {0, 1, 5, 0, 0}, {0, 1, 5, 0, 0}, {1, 0, 5, 1, 1}, {1, 0, 5, 1, 1},
    };

    private static Dataset data(float... heldOutLabels) {
        DatasetSchema schema = new DatasetSchema(List.of(5), "allele-count", TaskType.BINARY, List.of("cc"),
                Map.of("feature_digest", "d1", FeatureSelection.FEATURE_NAMES, List.of("rs0", "rs1", "rs2", "rs3", "rs4")));
        ArrayDataset.Builder b = ArrayDataset.builder(schema, true);
        for (int i = 0; i < FEATURES.length; i++) {
            float label = i < TRAIN.length ? TRAIN_LABELS[i] : heldOutLabels[i - TRAIN.length];
            b.add("s" + i, null, FEATURES[i], new float[] {label});
        }
        return b.build();
    }

    private static TransformSpec.Selection top(int n) {
        return new TransformSpec.Selection(n, "association", "cc", null);
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> kept(FeatureSelection s, Dataset source) {
        return (List<Integer>) s.toCard(source.schema()).get("indices");
    }

    @Test
    void ranksByTrendStatisticOverObservedValuesAndBreaksTiesByIndex() {
        Dataset train = data(1, 1, 0, 0).select(TRAIN);
        FeatureSelection two = FeatureSelection.fit(top(2), train);
        Map<String, Object> card = two.toCard(train.schema());
        assertEquals(List.of(0, 4), card.get("indices")); // f0 and f4 tie at 8: both kept, f3 (7) is not
        assertEquals(List.of(8.0, 8.0), card.get("statistics"));
        assertEquals(List.of("rs0", "rs4"), card.get("names"));
        assertEquals(5, card.get("source_size"));
        assertEquals("cc", card.get("output"));
        assertFalse(card.containsKey("input"));

        assertEquals(List.of(0, 3, 4), kept(FeatureSelection.fit(top(3), train), train));
        assertEquals(7.0, ((List<?>) FeatureSelection.fit(top(3), train).toCard(train.schema()).get("statistics")).get(1));
        assertEquals(List.of(0, 1, 3, 4), kept(FeatureSelection.fit(top(4), train), train));
        // a refit, and a fit on the training records in another order, keep the same features
        assertEquals(List.of(0, 4), kept(FeatureSelection.fit(top(2), train), train));
        assertEquals(List.of(0, 4), kept(FeatureSelection.fit(top(2), data(1, 1, 0, 0).select(new int[] {7, 5, 3, 1, 0, 2, 4, 6})), train));
        // a tie broken by index: f0 before f4
        assertEquals(List.of(0), kept(FeatureSelection.fit(top(1), train), train));
    }

    @Test
    void onlyTrainingLabelsChooseTheFeatures() {
        Dataset all = data(1, 1, 0, 0);
        // over all twelve records f1 is the best feature ...
        assertEquals(List.of(1), kept(FeatureSelection.fit(top(1), all), all));
        // ... but the training split alone chooses f0, whatever the validation and test labels are
        Dataset relabelled = data(0, 0, 1, 1);
        assertEquals(List.of(0), kept(FeatureSelection.fit(top(1), all.select(TRAIN)), all));
        assertEquals(List.of(0), kept(FeatureSelection.fit(top(1), relabelled.select(TRAIN)), all));
        assertEquals(FeatureSelection.fit(top(3), all.select(TRAIN)).toCard(all.schema()),
                FeatureSelection.fit(top(3), relabelled.select(TRAIN)).toCard(all.schema()));
    }

    @Test
    void appliesToAnyDataKeepingTheFeaturesInTheirOrder() {
        Dataset all = data(1, 1, 0, 0);
        FeatureSelection s = FeatureSelection.fit(top(3), all.select(TRAIN));
        Dataset selected = s.apply(all);
        assertEquals(List.of(3), selected.schema().featureShape());
        assertEquals("d1", selected.schema().attributes().get("feature_digest")); // the source's: what the indices refer to
        assertEquals(all.schema().outputs(), selected.schema().outputs());
        assertEquals(selected.schema(), FeatureSelection.schema(all.schema(), top(3)));
        float[] row = new float[4];
        selected.features(7, row, 1);
        assertArrayEquals(new float[] {0, 0, 0, 0}, row);
        selected.features(10, row, 1);
        assertArrayEquals(new float[] {0, 1, 1, 1}, row);
        selected.features(0, row, 0);
        assertEquals(NA, row[1]); // missing stays missing: the standardisation after it decides
        float[] label = new float[1];
        selected.labels(9, label, 0);
        assertEquals(1f, label[0]);
        assertEquals("s9", selected.id(9));
    }

    /** Genotypes (3 SNPs) and covariates (2) of four subjects; SNP 1 follows the label. */
    private static JoinedDataset joined(List<Integer> covariateShape) throws Exception {
        DatasetSchema g = new DatasetSchema(List.of(3), "allele-count", TaskType.BINARY, List.of("case"), Map.of("feature_digest", "snps"));
        Dataset genotypes = ArrayDataset.builder(g, true)
                .add("s1", null, new float[] {0, 2, 1}, new float[] {1})
                .add("s2", null, new float[] {1, 0, 1}, new float[] {0})
                .add("s3", null, new float[] {2, 2, 0}, new float[] {1})
                .add("s4", null, new float[] {1, 0, 2}, new float[] {0})
                .build();
        DatasetSchema c = new DatasetSchema(covariateShape, "expression", TaskType.BINARY, List.of("case"), null);
        ArrayDataset.Builder b = ArrayDataset.builder(c, false);
        for (int i = 1; i <= 4; i++) {
            b.add("s" + i, null, new float[] {10 * i, i % 2}, null);
        }
        return JoinedDataset.join(List.of(new JoinedDataset.Part("genotypes", "plink", genotypes, Path.of("g.bed")),
                new JoinedDataset.Part("covariates", "expression", b.build(), Path.of("c.tsv"))));
    }

    @Test
    void filtersOneJoinedInputAndMovesTheSegmentsAfterIt() throws Exception {
        JoinedDataset data = joined(List.of(2));
        TransformSpec.Selection spec = new TransformSpec.Selection(1, "association", null, "genotypes");
        FeatureSelection s = FeatureSelection.fit(spec, data);
        assertEquals(List.of(1), kept(s, data));
        assertEquals("genotypes", s.toCard(data.schema()).get("input"));
        Dataset selected = s.apply(data);
        DatasetSchema schema = selected.schema();
        assertEquals(List.of(3), schema.featureShape());
        assertEquals(JoinedDataset.ENCODING, schema.encoding());
        List<Map<?, ?>> segments = JoinedDataset.segments(schema);
        assertEquals(List.of("genotypes", "covariates"), segments.stream().map(m -> m.get("name")).toList());
        assertEquals(List.of(List.of(1), List.of(2)), segments.stream().map(m -> m.get("shape")).toList());
        assertEquals(List.of(0, 1), segments.stream().map(m -> m.get("offset")).toList());
        assertEquals(List.of(1, 2), segments.stream().map(m -> m.get("size")).toList());
        assertEquals("plink", segments.get(0).get("reader"));
        assertEquals(Map.of("feature_digest", "snps"), segments.get(0).get("attributes"));
        assertEquals(schema, FeatureSelection.schema(data.schema(), spec));
        float[] row = new float[3];
        selected.features(2, row, 0);
        assertArrayEquals(new float[] {2, 30, 1}, row);

        // filtering the input after the first leaves the first where it was
        FeatureSelection c = FeatureSelection.fit(new TransformSpec.Selection(1, "association", null, "covariates"), data);
        Dataset covariates = c.apply(data);
        assertEquals(List.of(0, 3), JoinedDataset.segments(covariates.schema()).stream().map(m -> m.get("offset")).toList());
        assertEquals(List.of(4), covariates.schema().featureShape());
        float[] four = new float[4];
        covariates.features(0, four, 0);
        assertArrayEquals(new float[] {0, 2, 1, kept(c, data).get(0) == 0 ? 10 : 1}, four);
    }

    @Test
    void selectionsThatDoNotFitTheDataAreExplained() throws Exception {
        Dataset all = data(1, 1, 0, 0);
        assertEquals("data.transform.select.top is 6 but the data has only 5 features",
                assertThrows(IllegalArgumentException.class, () -> FeatureSelection.schema(all.schema(), top(6))).getMessage());
        assertEquals("data.transform.select.output: the data has no output 'case' (outputs: [cc])",
                assertThrows(IllegalArgumentException.class, () -> FeatureSelection.schema(all.schema(),
                        new TransformSpec.Selection(1, "association", "case", null))).getMessage());
        JoinedDataset joined = joined(List.of(1, 2));
        assertEquals("data.transform.select: the job joins inputs [genotypes, covariates]; name the one to filter with input",
                assertThrows(IllegalArgumentException.class, () -> FeatureSelection.schema(joined.schema(), top(1))).getMessage());
        assertEquals("data.transform.select keeps single features, so it needs one value per feature, but input 'covariates' has "
                + "examples of shape [1, 2]", assertThrows(IllegalArgumentException.class, () -> FeatureSelection.schema(joined.schema(),
                        new TransformSpec.Selection(1, "association", null, "covariates"))).getMessage());
        // genotypes can still be filtered beside a two-dimensional input
        assertEquals(List.of(3), FeatureSelection.schema(joined.schema(), new TransformSpec.Selection(1, "association", null,
                "genotypes")).featureShape());
        FeatureSelection fitted = FeatureSelection.fit(top(2), all);
        assertEquals("the feature selection was fitted on 5 features, the data has 3", assertThrows(IllegalArgumentException.class,
                () -> fitted.apply(ArrayDataset.builder(new DatasetSchema(List.of(3), "allele-count", TaskType.BINARY, List.of("cc"),
                        null), true).build())).getMessage());
    }
}
