package org.genomod.reader.expression.internal;

import static org.genomod.reader.expression.internal.Reads.features;
import static org.genomod.reader.expression.internal.Reads.labels;
import static org.genomod.reader.expression.internal.Reads.value;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.TaskType;
import org.genomod.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * Reads the real expression sets in ../shared/data (see its README). Reference values were computed
 * with awk on the files themselves; each assertion names the command.
 */
class RealDataTest {
    private static final String GOLUB = "golub-all-aml/";
    private static final Object[] GOLUB_COLUMNS = {
        "id_column", "Gene Accession Number", "ignore_columns", List.of("Gene Description", "call")};

    private static Dataset golub(String file, Object... more) throws IOException {
        Object[] args = new Object[GOLUB_COLUMNS.length + 2 + more.length];
        System.arraycopy(GOLUB_COLUMNS, 0, args, 0, GOLUB_COLUMNS.length);
        args[GOLUB_COLUMNS.length] = "labels_file";
        args[GOLUB_COLUMNS.length + 1] = SharedData.file(GOLUB + "actual.csv").toString();
        System.arraycopy(more, 0, args, GOLUB_COLUMNS.length + 2, more.length);
        return Reads.train(SharedData.file(GOLUB + file), args);
    }

    private static Map<String, Integer> classCounts(Dataset dataset) {
        Map<String, Integer> counts = new TreeMap<>();
        List<String> outputs = dataset.schema().outputs();
        for (int i = 0; i < dataset.size(); i++) {
            float[] y = labels(dataset, i);
            for (int c = 0; c < y.length; c++) {
                if (y[c] == 1f) {
                    counts.merge(outputs.get(c), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    private static double sum(Dataset dataset) {
        double total = 0;
        for (int i = 0; i < dataset.size(); i++) {
            for (float v : features(dataset, i)) {
                total += v;
            }
        }
        return total;
    }

    private static double sampleSum(Dataset dataset, String sample) {
        double total = 0;
        for (float v : features(dataset, Reads.indexOf(dataset, sample))) {
            total += v;
        }
        return total;
    }

    @Test
    void golubTrainingSet() throws IOException {
        Dataset train = golub("data_set_ALL_AML_train.csv");

        // 7,129 probes x 38 samples: awk -F, 'NR>1' | wc -l; header minus 2 annotation and 38 'call' columns
        assertEquals(38, train.size());
        assertEquals(List.of(7129), train.schema().featureShape());
        assertEquals("expression", train.schema().encoding());
        assertEquals(TaskType.MULTICLASS, train.schema().task());
        assertEquals(List.of("ALL", "AML"), train.schema().outputs());
        // awk -F, 'NF==2 && NR>1 && $1<=38 {c[$2]++} END {for (k in c) print k, c[k]}' actual.csv
        assertEquals(Map.of("ALL", 27, "AML", 11), classCounts(train));
        // samples keep the file's column order: 1..27, 34..38, 28..33
        assertEquals("1", train.id(0));
        assertEquals("34", train.id(27));
        assertEquals("33", train.id(37));
        assertNull(train.group(0));
        // awk -F, '$2=="AFFX-BioB-5_at" || $2=="L76702_at" || $2=="X56199_at" || $2=="Z78285_f_at"' (fields 3, 55, 57, 77)
        assertEquals(-214f, value(train, "1", 0));
        assertEquals(-135f, value(train, "33", 0));
        assertEquals(765f, value(train, "27", 1647));   // L76702_at, line 1649 (its description is quoted, with "")
        assertEquals(999f, value(train, "34", 4286));   // X56199_at, line 4288
        assertEquals(-37f, value(train, "1", 7128));    // Z78285_f_at, the last line
        assertArrayEquals(new float[] {1, 0}, labels(train, 0));
        // awk -F, 'NR>1 {for (i=3; i<=NF; i+=2) s+=$i} END {printf "%.1f\n", s}'
        assertEquals(172_753_664.0, sum(train));
        // awk -F, 'NR>1 {s+=$3} END {print s}'
        assertEquals(4_572_306.0, sampleSum(train, "1"));
        assertEquals("csv", train.schema().attributes().get("format"));
        assertEquals("genes_by_samples", train.schema().attributes().get("orientation"));
    }

    @Test
    void golubIndependentSetSharesTheTrainingGenes() throws IOException {
        Dataset independent = golub("data_set_ALL_AML_independent.csv");
        // awk -F, 'NF==2 && NR>1 && $1>38 {c[$2]++} END {for (k in c) print k, c[k]}' actual.csv
        assertEquals(34, independent.size());
        assertEquals(Map.of("ALL", 20, "AML", 14), classCounts(independent));
        assertEquals(-342f, value(independent, "39", 0));
        assertEquals(-131f, value(independent, "72", 0));
        assertEquals(145_371_311.0, sum(independent));
        // cmp <(cut -d, -f2 train.csv) <(cut -d, -f2 independent.csv): the same probes in the same order
        assertEquals(golub("data_set_ALL_AML_train.csv").schema().attributes().get("feature_digest"),
                independent.schema().attributes().get("feature_digest"));
    }

    @Test
    void golubPreprocessedAsPublished() throws IOException {
        // Golub et al.: floor 100, ceiling 16,000, then log; AML as the positive class
        Dataset train = golub("data_set_ALL_AML_train.csv", "clip_min", 100, "clip_max", 16000,
                "log_transform", "log2", "positive", "AML");
        assertEquals(TaskType.BINARY, train.schema().task());
        assertEquals(List.of("AML"), train.schema().outputs());
        assertEquals(Map.of("AML", 11), classCounts(train));
        assertEquals((float) (Math.log(100) / Math.log(2)), value(train, "1", 0), 1e-6f);      // -214 floored
        assertEquals((float) (Math.log(765) / Math.log(2)), value(train, "27", 1647), 1e-6f);
        assertEquals(100.0, train.schema().attributes().get("clip_min"));
        assertEquals("log2", train.schema().attributes().get("log_transform"));
        for (int i = 0; i < train.size(); i++) {
            for (float v : features(train, i)) {
                assertTrue(v >= 6.6438 && v <= 13.9658, "value " + v + " outside [log2 100, log2 16000]");
            }
        }
    }

    @Test
    void bladderBatchWithLabelsAndBatchGroups() throws IOException {
        Dataset bladder = Reads.train(SharedData.file("bladderbatch-hgu133a/bladder_exprs.csv.gz"),
                "labels_file", SharedData.file("bladderbatch-hgu133a/bladder_pData.csv").toString(),
                "label_column", "cancer", "group_column", "batch");
        // zcat | wc -l: 22,284 lines = header + 22,283 probes; 58 fields = probe + 57 samples
        assertEquals(57, bladder.size());
        assertEquals(List.of(22283), bladder.schema().featureShape());
        // awk -F, 'NR>1 {gsub(/"/,""); c[$5]++; b[$4]++}' bladder_pData.csv
        assertEquals(List.of("Biopsy", "Cancer", "Normal"), bladder.schema().outputs());
        assertEquals(Map.of("Biopsy", 9, "Cancer", 40, "Normal", 8), classCounts(bladder));
        Map<String, Integer> batches = new HashMap<>();
        for (int i = 0; i < bladder.size(); i++) {
            batches.merge(bladder.group(i), 1, Integer::sum);
        }
        assertEquals(Map.of("1", 11, "2", 18, "3", 4, "4", 5, "5", 19), batches);
        assertEquals("GSM71019.CEL", bladder.id(0));
        assertEquals("3", bladder.group(0));
        // zcat | awk -F, 'NR==2 {print $2, $58} $1=="1053_at" {print $3, $30} NR==22284 {print $58}'
        assertEquals(10.11517f, value(bladder, "GSM71019.CEL", 0));
        assertEquals(9.039143f, value(bladder, "GSM71077.CEL", 0));
        assertEquals(5.063598f, value(bladder, "GSM71020.CEL", 1));
        assertEquals(5.24794f, value(bladder, "GSM71048.CEL", 1));
        assertEquals(3.575816f, value(bladder, "GSM71077.CEL", 22282));
        // zcat | awk -F, 'NR>1 {for (i=2; i<=NF; i++) s+=$i} END {printf "%.6f", s}' (float storage: 1e-7 relative)
        assertEquals(7_786_137.420744, sum(bladder), 7_786_137.42 * 1e-7);
        assertEquals(136_608.421028, sampleSum(bladder, "GSM71019.CEL"), 0.01);
    }

    @Test
    void bladderBatchAsBinaryCancerVersusRest() throws IOException {
        Dataset bladder = Reads.train(SharedData.file("bladderbatch-hgu133a/bladder_exprs.csv.gz"),
                "labels_file", SharedData.file("bladderbatch-hgu133a/bladder_pData.csv").toString(),
                "label_column", "cancer", "task", "binary", "positive", "Cancer");
        assertEquals(List.of("Cancer"), bladder.schema().outputs());
        assertEquals(Map.of("Cancer", 40), classCounts(bladder));
    }

    @Test
    void geoDataSetWithSubsetLabelsAndPatientGroups() throws IOException {
        Path soft = SharedData.file("geo-gds507-rcc/GDS507.soft.gz");
        Dataset rcc = Reads.train(soft, "label_subset_type", "disease state", "group_subset_type", "individual");
        // zcat | awk -F'\t' between !dataset_table_begin and _end: 22,645 rows of 19 fields (ID_REF, IDENTIFIER, 17 GSM)
        assertEquals(17, rcc.size());
        assertEquals(List.of(22645), rcc.schema().featureShape());
        assertEquals("soft", rcc.schema().attributes().get("format"));
        // ^SUBSET GDS507_1 'RCC' lists 9 samples, GDS507_2 'normal' 8
        assertEquals(List.of("RCC", "normal"), rcc.schema().outputs());
        assertEquals(Map.of("RCC", 9, "normal", 8), classCounts(rcc));
        assertArrayEquals(new float[] {1, 0}, labels(rcc, Reads.indexOf(rcc, "GSM11815")));
        assertArrayEquals(new float[] {0, 1}, labels(rcc, Reads.indexOf(rcc, "GSM11810")));
        // 'individual' subsets pair tumour and normal tissue of one patient: GDS507_3 '035' = GSM11810, GSM11815
        assertEquals("035", rcc.group(Reads.indexOf(rcc, "GSM11815")));
        assertEquals("035", rcc.group(Reads.indexOf(rcc, "GSM11810")));
        assertEquals("011", rcc.group(Reads.indexOf(rcc, "GSM12101")));
        assertEquals("GSM11815", rcc.id(0));
        // awk -F'\t' '$1=="200000_s_at" || $1=="200008_s_at" || $1=="AFFX-BioB-5_at" {print $3, $12, $19}'
        assertEquals(4254.0f, value(rcc, "GSM11815", 0));
        assertEquals(514.6f, value(rcc, "GSM11810", 8));
        assertEquals(1346.9f, value(rcc, "GSM12448", 22578));
        // awk sum over the 17 sample columns of the table: 291802678.500; of GSM11815: 17000753.400
        assertEquals(291_802_678.5, sum(rcc), 291_802_678.5 * 1e-7);
        assertEquals(17_000_753.4, sampleSum(rcc, "GSM11815"), 0.5);
    }

    @Test
    void predictionDropsTheTrainingLabelsAndKeepsTheColumns() throws IOException {
        ExpressionDataReader reader = new ExpressionDataReader();
        Map<String, Object> training = new HashMap<>(Map.of("id_column", "Gene Accession Number",
                "ignore_columns", List.of("Gene Description", "call"),
                "labels_file", SharedData.file(GOLUB + "actual.csv").toString(), "label_column", "cancer",
                "log_transform", "log2", "clip_min", 100));
        Path independent = SharedData.file(GOLUB + "data_set_ALL_AML_independent.csv");
        Map<String, Object> parameters = reader.predictionParameters(training, independent);
        assertFalse(parameters.containsKey("labels_file"));
        assertFalse(parameters.containsKey("label_column"));
        assertEquals("log2", parameters.get("log_transform"));
        Dataset data = Reads.predict(independent, List.of("ALL", "AML"),
                parameters.entrySet().stream().filter(e -> !e.getKey().equals("path"))
                        .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray());
        assertFalse(data.labelled());
        assertEquals(34, data.size());
        assertEquals(List.of("ALL", "AML"), data.schema().outputs());
        assertArrayEquals(new float[] {0, 0}, labels(data, 0));
        assertEquals((float) (Math.log(492) / Math.log(2)), value(data, "39", 1647), 1e-6f);
    }
}
