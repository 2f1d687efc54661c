package org.genomod.core.internal.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.genomod.api.data.ArrayDataset;
import org.genomod.api.data.DataReader;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.InputFormatException;
import org.genomod.api.data.ReadContext;
import org.genomod.api.data.TaskType;
import org.genomod.api.param.ParameterSchema;
import org.genomod.api.param.Parameters;
import org.genomod.api.train.Cancellation;
import org.junit.jupiter.api.Test;

class JoinedDatasetTest {
    private static final Path COVARIATES = Path.of("/data/covariates.tsv");

    /** Genotypes of three subjects (two SNPs), labelled, with groups: the primary input. */
    private static Dataset genotypes() {
        DatasetSchema schema = new DatasetSchema(List.of(2), "allele-count", TaskType.BINARY, List.of("case"),
                Map.of("feature_digest", "snps-1"));
        return ArrayDataset.builder(schema, true)
                .add("s1", "CEU", new float[] {0, 1}, new float[] {1})
                .add("s2", "JPT", new float[] {2, 2}, new float[] {0})
                .add("s3", "CEU", new float[] {1, 0}, new float[] {1})
                .build();
    }

    /** Covariates of [shape 1 x 3] per subject, in another order and with a subject the genotypes lack. */
    private static Dataset covariates(String... ids) {
        DatasetSchema schema = new DatasetSchema(List.of(1, 3), "expression", TaskType.BINARY, List.of("case"), null);
        ArrayDataset.Builder b = ArrayDataset.builder(schema, false);
        for (String id : ids) {
            float v = Float.parseFloat(id.substring(1));
            b.add(id, null, new float[] {v, 10 * v, 100 * v}, null);
        }
        return b.build();
    }

    private static JoinedDataset join(Dataset covariates) throws InputFormatException {
        return JoinedDataset.join(List.of(new JoinedDataset.Part("genotypes", "plink", genotypes(), Path.of("/data/g.bed")),
                new JoinedDataset.Part("covariates", "expression", covariates, COVARIATES)));
    }

    @Test
    void concatenatesEachRecordsFeaturesInThePrimaryInputsOrder() throws Exception {
        JoinedDataset joined = join(covariates("s9", "s3", "s1", "s2"));
        assertEquals(3, joined.size());
        assertEquals(List.of("s1", "s2", "s3"), List.of(joined.id(0), joined.id(1), joined.id(2)));
        assertEquals("JPT", joined.group(1));
        assertTrue(joined.labelled());
        float[] row = new float[7];
        joined.features(2, row, 1);
        assertArrayEquals(new float[] {0, 1, 0, 3, 30, 300, 0}, row);
        joined.features(1, row, 0);
        assertArrayEquals(new float[] {2, 2, 2, 20, 200}, java.util.Arrays.copyOf(row, 5));
        float[] label = new float[1];
        joined.labels(1, label, 0);
        assertEquals(0f, label[0]);
    }

    @Test
    void theSchemaRecordsWhereEachInputLies() throws Exception {
        DatasetSchema schema = join(covariates("s1", "s2", "s3")).schema();
        assertEquals(List.of(5), schema.featureShape());
        assertEquals(JoinedDataset.ENCODING, schema.encoding());
        assertEquals(TaskType.BINARY, schema.task());
        assertEquals(List.of("case"), schema.outputs());
        List<Map<?, ?>> segments = JoinedDataset.segments(schema);
        assertEquals(2, segments.size());
        assertEquals("genotypes", segments.get(0).get("name"));
        assertEquals("plink", segments.get(0).get("reader"));
        assertEquals(List.of(2), segments.get(0).get("shape"));
        assertEquals(0, segments.get(0).get("offset"));
        assertEquals(2, segments.get(0).get("size"));
        assertEquals(Map.of("feature_digest", "snps-1"), segments.get(0).get("attributes"));
        assertEquals("covariates", segments.get(1).get("name"));
        assertEquals(List.of(1, 3), segments.get(1).get("shape"));
        assertEquals("expression", segments.get(1).get("encoding"));
        assertEquals(2, segments.get(1).get("offset"));
        assertEquals(3, segments.get(1).get("size"));
    }

    @Test
    void recordsMissingFromAnInputAreCountedWithAnExample() {
        InputFormatException e = assertThrows(InputFormatException.class, () -> join(covariates("s2")));
        assertEquals(COVARIATES, e.file());
        assertEquals("input 'covariates' has no record for 2 of the 3 records of input 'genotypes' (e.g. 's1'; its own records "
                + "are named like 's2'); every record must be in every input, joined by record id", e.problem());
    }

    @Test
    void aRecordTwiceInAnInputIsAmbiguous() {
        InputFormatException e = assertThrows(InputFormatException.class, () -> join(covariates("s1", "s2", "s3", "s2")));
        assertEquals("input 'covariates' has two records with id 's2' (records 2 and 4), so it cannot be joined by record id",
                e.problem());
    }

    @Test
    void standardisationIsFittedPerFeatureOfEveryInputOnTheTrainingRecordsOnly() throws Exception {
        JoinedDataset joined = join(covariates("s1", "s2", "s3"));
        Dataset train = joined.select(new int[] {0, 2}); // s1 and s3
        Dataset standardised = Standardizer.fit(train).apply(joined);
        float[] row = new float[5];
        standardised.features(1, row, 0); // s2, not in the training records
        // genotype 1: training values 0 and 1 (mean 0.5, sd 0.707); covariate 1: 1 and 3 (mean 2, sd 1.414)
        assertEquals((2 - 0.5) / Math.sqrt(0.5), row[0], 1e-5);
        standardised.features(0, row, 0); // s1: covariate 1 is 1; over all three records the sd would be 1, not 1.414
        assertEquals((1 - 2) / Math.sqrt(2), row[2], 1e-5);
        assertEquals((100 - 200) / Math.sqrt(20000), row[4], 1e-5);
    }

    @Test
    void differencesBetweenJoinedSchemasAreNamed() throws Exception {
        DatasetSchema trained = join(covariates("s1", "s2", "s3")).schema();
        assertTrue(JoinedDataset.difference(trained, trained).isEmpty());
        // a card read back from JSON may hold other number types: shapes still compare equal
        assertTrue(JoinedDataset.difference(trained, roundTripped(trained)).isEmpty());

        DatasetSchema fewerInputs = genotypes().schema();
        assertEquals("gives inputs [], the model takes [genotypes: allele-count [2], covariates: expression [1, 3]]",
                JoinedDataset.difference(trained, fewerInputs).orElseThrow());

        DatasetSchema otherSnps = JoinedDataset.join(List.of(
                new JoinedDataset.Part("genotypes", "plink", relabelled(genotypes(), "snps-2"), Path.of("g.bed")),
                new JoinedDataset.Part("covariates", "expression", covariates("s1", "s2", "s3"), COVARIATES))).schema();
        assertEquals("input 'genotypes' has other features (names or order) than the model was trained on; "
                + "give it the same genes or SNPs in the same order", JoinedDataset.difference(trained, otherSnps).orElseThrow());
        assertTrue(JoinedDataset.difference(genotypes().schema(), genotypes().schema()).isEmpty(), "single inputs have no segments");
    }

    @Test
    void furtherInputsAreReadForFeaturesOnlyWithThePrimaryInputsOutputs() throws Exception {
        List<ReadContext> contexts = new ArrayList<>();
        Dataset primary = genotypes();
        Dataset further = covariates("s1", "s2", "s3");
        ReadContext training = ReadContext.forTraining(Cancellation.NEVER);
        Dataset single = JoinedDataset.read(List.of(reading("genotypes", primary, contexts)), training);
        assertSame(primary, single, "one input is not joined");

        Dataset joined = JoinedDataset.read(List.of(reading("genotypes", primary, contexts), reading("covariates", further, contexts)), training);
        assertEquals(List.of(5), joined.schema().featureShape());
        assertEquals(training, contexts.get(1));
        assertFalse(contexts.get(2).labelsRequired());
        assertEquals(List.of("case"), contexts.get(2).outputs());
    }

    private static JoinedDataset.Reading reading(String name, Dataset data, List<ReadContext> contexts) throws Exception {
        DataReader reader = new DataReader() {
            @Override public ParameterSchema parameters() { return ParameterSchema.empty(); }
            @Override public Dataset read(Parameters parameters, ReadContext context) {
                contexts.add(context);
                return data;
            }
        };
        return new JoinedDataset.Reading(name, "test", reader, ParameterSchema.empty().validate(Map.of(), Path.of("/")));
    }

    private static Dataset relabelled(Dataset data, String digest) {
        DatasetSchema s = data.schema();
        DatasetSchema schema = new DatasetSchema(s.featureShape(), s.encoding(), s.task(), s.outputs(), Map.of("feature_digest", digest));
        ArrayDataset.Builder b = ArrayDataset.builder(schema, true);
        float[] x = new float[s.featureSize()];
        float[] y = new float[1];
        for (int i = 0; i < data.size(); i++) {
            data.features(i, x, 0);
            data.labels(i, y, 0);
            b.add(data.id(i), data.group(i), x.clone(), y.clone());
        }
        return b.build();
    }

    /** The schema as a model card gives it back: segment numbers as longs. */
    private static DatasetSchema roundTripped(DatasetSchema schema) {
        List<Map<String, Object>> segments = new ArrayList<>();
        for (Map<?, ?> s : JoinedDataset.segments(schema)) {
            Map<String, Object> copy = new java.util.LinkedHashMap<>();
            s.forEach((k, v) -> copy.put(k.toString(), v));
            copy.put("shape", ((List<?>) s.get("shape")).stream().map(d -> ((Number) d).longValue()).toList());
            segments.add(copy);
        }
        return new DatasetSchema(schema.featureShape(), schema.encoding(), schema.task(), schema.outputs(),
                Map.of(JoinedDataset.INPUTS, segments));
    }
}
