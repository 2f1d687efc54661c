package org.genomod.model.multimodal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.ReadContext;
import org.genomod.api.data.TaskType;
import org.genomod.api.model.Batch;
import org.genomod.api.model.Model;
import org.genomod.api.model.ModelRequest;
import org.genomod.api.train.EarlyStopping;
import org.genomod.api.train.TrainingOptions;
import org.genomod.reader.plink.internal.PlinkDataReader;
import org.genomod.testing.PluginTests;
import org.genomod.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * snpStats' for.exercise genotypes read by the real PLINK reader with two binary phenotypes from the subjects
 * table, case/control and ancestry (JPT+CHB against CEU), as a multi-task spec reads them: one network, two
 * heads. Ancestry shows in any thousand SNPs, so its head must rank held-out subjects almost perfectly.
 */
class SnpStatsTest {
    private static final String DIR = "snpstats-forexercise-gwas/";

    @Test
    void ancestryHeadRanksHeldOutSubjectsFromTheFirst1000Snps() throws Exception {
        Path bed = SharedData.file(DIR + "for_exercise_chr10.bed.gz");
        Dataset data = PluginTests.read(new PlinkDataReader(), bed, ReadContext.forTraining(null), "max_snps", 1000,
                "phenotype_file", SharedData.file(DIR + "subjects.tsv").toString(), "phenotype_column", List.of("cc", "stratum"),
                "positive", "JPT+CHB");
        assertEquals(TaskType.MULTILABEL, data.schema().task());
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(1));
        Batch train = batch(data, order.subList(0, 700));
        Batch test = batch(data, order.subList(700, data.size()));
        TrainingOptions options = new TrainingOptions(5, 32, "adam", 1e-3, 0, false, EarlyStopping.none());
        MultimodalModelFamily family = new MultimodalModelFamily();
        Map<String, Object> hyperParameters = Map.of("dropout", 0.2, "task_weights", Map.of("cc", 1, "stratum", 0.5));
        try (Model model = family.create(new ModelRequest(data.schema(), family.hyperParameters().validate(hyperParameters, bed.getParent()),
                options, null, 3))) {
            Joined.fit(model, train, 5, 32, 4);
            double ancestry = auroc(model.predict(test), test.labels(), 1, 2);
            assertTrue(ancestry >= 0.98, "held-out ancestry AUROC " + ancestry);
        }
    }

    private static Batch batch(Dataset data, List<Integer> rows) {
        int f = data.schema().featureSize();
        int l = data.schema().labelSize();
        float[] x = new float[rows.size() * f];
        float[] y = new float[rows.size() * l];
        for (int k = 0; k < rows.size(); k++) {
            data.features(rows.get(k), x, k * f);
            data.labels(rows.get(k), y, k * l);
        }
        return new Batch(rows.size(), x, y);
    }

    /** The probability that a random positive scores above a random negative (ties count half). */
    private static double auroc(float[] scores, float[] labels, int column, int columns) {
        double pairs = 0;
        double wins = 0;
        int n = scores.length / columns;
        for (int i = 0; i < n; i++) {
            if (labels[i * columns + column] != 1) {
                continue;
            }
            for (int j = 0; j < n; j++) {
                if (labels[j * columns + column] == 0) {
                    float a = scores[i * columns + column];
                    float b = scores[j * columns + column];
                    wins += a > b ? 1 : a == b ? 0.5 : 0;
                    pairs++;
                }
            }
        }
        return wins / pairs;
    }
}
