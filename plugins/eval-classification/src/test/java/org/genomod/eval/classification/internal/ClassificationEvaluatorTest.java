package org.genomod.eval.classification.internal;

import static org.genomod.eval.classification.internal.ReferenceData.BINARY_LABELS;
import static org.genomod.eval.classification.internal.ReferenceData.BINARY_SCORES;
import static org.genomod.eval.classification.internal.ReferenceData.DEGENERATE_LABELS;
import static org.genomod.eval.classification.internal.ReferenceData.DEGENERATE_SCORES;
import static org.genomod.eval.classification.internal.ReferenceData.MULTICLASS_LABELS;
import static org.genomod.eval.classification.internal.ReferenceData.MULTICLASS_SCORES;
import static org.genomod.eval.classification.internal.ReferenceData.MULTILABEL_LABELS;
import static org.genomod.eval.classification.internal.ReferenceData.MULTILABEL_SCORES;
import static org.genomod.eval.classification.internal.ReferenceData.SPARSE_LABELS;
import static org.genomod.eval.classification.internal.ReferenceData.SPARSE_SCORES;
import static org.genomod.eval.classification.internal.ReferenceData.TOLERANCE;
import static org.genomod.eval.classification.internal.ReferenceData.flatten;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;
import org.genomod.api.eval.Metrics;
import org.genomod.api.eval.Predictions;
import org.genomod.api.param.ParameterException;
import org.genomod.api.param.Parameters;
import org.junit.jupiter.api.Test;

class ClassificationEvaluatorTest {
    private final ClassificationEvaluator evaluator = new ClassificationEvaluator();

    @Test
    void declaresTasksAndThresholdParameter() throws ParameterException {
        assertEquals(Set.of(TaskType.BINARY, TaskType.MULTICLASS, TaskType.MULTILABEL), evaluator.tasks());
        assertEquals(0.5, parameters(Map.of()).number("threshold"));
        assertEquals(0.8, parameters(Map.of("threshold", 0.8)).number("threshold"));
        assertEquals(200, parameters(Map.of()).integer("bootstrap"));
        assertEquals(42, parameters(Map.of()).integer("bootstrap_seed"));
        assertEquals(50, parameters(Map.of()).integer("curve_outputs"));
        assertThrows(ParameterException.class, () -> parameters(Map.of("bootstrap", -1)));
        assertThrows(ParameterException.class, () -> parameters(Map.of("threshold", 1.5)));
        ParameterException unknown = assertThrows(ParameterException.class, () -> parameters(Map.of("average", "micro")));
        assertTrue(unknown.getMessage().contains("unknown parameter 'average'"), unknown.getMessage());
    }

    /*
     * y, p: the binary vector of ReferenceData; pred = (p >= 0.5)
     * accuracy_score -> 0.7142857142857143; balanced_accuracy_score -> 0.7333333333333334
     * roc_auc_score -> 0.788888888888889; average_precision_score -> 0.7251948051948052
     * f1_score(average='macro') -> 0.7083333333333333; log_loss(eps=1e-15) -> 0.5800792605559034
     * precision_score(average=None) -> [0.8571428571428571, 0.5714285714285714]; recall_score(average=None) -> [0.6666666666666666, 0.8]
     * average_precision_score(1 - y, -p) -> 0.8657848324514992 (the negative class)
     * brier_score_loss(y, p) -> 0.20839285869683552; ECE of calibration_curve(n_bins=10, strategy='uniform') -> 0.20357142974223408
     */
    @Test
    void binaryMatchesScikitLearn() throws ParameterException {
        Metrics metrics = evaluator.evaluate(binary("bound", BINARY_SCORES, BINARY_LABELS), parameters(Map.of()));

        assertEquals("classification", metrics.evaluator());
        assertEquals(List.of("accuracy", "balanced_accuracy", "auroc", "auprc", "macro_f1", "log_loss", "brier"),
                new ArrayList<>(metrics.scalars().keySet()));
        assertScalars(metrics, 0.7142857142857143, 0.7333333333333334, 0.788888888888889, 0.7251948051948052,
                0.7083333333333333, 0.5800792605559034);
        assertEquals(0.20839285869683552, metrics.scalars().get("brier"), TOLERANCE);
        Map<String, Object> calibration = map(metrics.details(), "calibration");
        assertEquals(10, calibration.get("bins"));
        assertEquals(0.20839285869683552, (double) calibration.get("brier"), TOLERANCE);
        assertEquals(0.20357142974223408, (double) calibration.get("ece"), TOLERANCE);
        assertEquals("BINARY", metrics.details().get("task"));
        assertEquals(14, metrics.details().get("n"));
        assertEquals(0.5, metrics.details().get("threshold"));
        assertEquals(Map.of("labels", List.of("not_bound", "bound"), "matrix", List.of(List.of(6L, 3L), List.of(1L, 4L))),
                metrics.details().get("confusion_matrix"));
        List<Map<String, Object>> perClass = perClass(metrics);
        assertEquals("not_bound", perClass.get(0).get("class"));
        assertEquals(0.8571428571428571, (double) perClass.get(0).get("precision"), TOLERANCE);
        assertEquals(0.6666666666666666, (double) perClass.get(0).get("recall"), TOLERANCE);
        assertEquals(9L, perClass.get(0).get("support"));
        assertEquals(0.788888888888889, (double) perClass.get(0).get("auroc"), TOLERANCE);
        assertEquals(0.8657848324514992, (double) perClass.get(0).get("auprc"), TOLERANCE);
        assertEquals("bound", perClass.get(1).get("class"));
        assertEquals(0.5714285714285714, (double) perClass.get(1).get("precision"), TOLERANCE);
        assertEquals(0.8, (double) perClass.get(1).get("recall"), TOLERANCE);
        assertEquals(0.6666666666666666, (double) perClass.get(1).get("f1"), TOLERANCE);
        assertEquals(0.7251948051948052, (double) perClass.get(1).get("auprc"), TOLERANCE);
        assertEquals(List.of(), metrics.details().get("warnings"));
    }

    /** The layout the report renders: per output, roc and pr on a 101-point grid with bands, and the reliability bins. */
    @Test
    void curvesFollowTheReportLayout() throws ParameterException {
        Metrics metrics = evaluator.evaluate(binary("bound", BINARY_SCORES, BINARY_LABELS), parameters(Map.of()));

        Map<String, Object> curves = map(metrics.details(), "curves");
        assertEquals(List.of("bound"), new ArrayList<>(curves.keySet()));
        Map<String, Object> bound = map(curves, "bound");
        assertEquals(List.of("roc", "pr", "reliability"), new ArrayList<>(bound.keySet()));
        Map<String, Object> roc = map(bound, "roc");
        assertEquals(List.of("fpr", "tpr", "tpr_low", "tpr_high"), new ArrayList<>(roc.keySet()));
        Map<String, Object> pr = map(bound, "pr");
        assertEquals(List.of("recall", "precision", "precision_low", "precision_high"), new ArrayList<>(pr.keySet()));
        for (Map<String, Object> curve : List.of(roc, pr)) {
            for (Object values : curve.values()) {
                assertEquals(101, ((List<?>) values).size());
            }
        }
        assertEquals(0.25, numbers(roc, "fpr").get(25), 1e-15);
        // the two top scores (1.0, 0.9) are positives: 2 of 5 before the first of 9 negatives
        assertEquals(0.4, numbers(roc, "tpr").get(0), 1e-15);
        assertEquals(1.0, numbers(pr, "precision").get(40), 1e-15);
        for (int g = 0; g <= 100; g++) {
            assertTrue(numbers(roc, "tpr_low").get(g) <= numbers(roc, "tpr").get(g)
                    && numbers(roc, "tpr").get(g) <= numbers(roc, "tpr_high").get(g), "tpr band at " + g);
        }
        assertEquals(List.of("mean_score", "fraction_positive", "count"), new ArrayList<>(map(bound, "reliability").keySet()));
        assertEquals(List.of(1L, 1L, 1L, 2L, 3L, 1L, 4L, 1L), map(bound, "reliability").get("count"));

        Map<String, Object> bootstrap = map(metrics.details(), "bootstrap");
        assertEquals(200, bootstrap.get("replicates"));
        assertEquals(42L, bootstrap.get("seed"));
        Map<String, Object> auroc = map(map(map(bootstrap, "outputs"), "bound"), "auroc");
        assertEquals(0.788888888888889, (double) auroc.get("estimate"), TOLERANCE);
        assertTrue((double) auroc.get("low") < 0.788888888888889 && 0.788888888888889 < (double) auroc.get("high"), auroc.toString());
        assertEquals(metrics.details().get("curves"), evaluator.evaluate(binary("bound", BINARY_SCORES, BINARY_LABELS),
                parameters(Map.of())).details().get("curves"), "the default seed gives the same bands every time");
    }

    @Test
    void bootstrapZeroLeavesOutTheBands() throws ParameterException {
        Metrics metrics = evaluator.evaluate(binary("bound", BINARY_SCORES, BINARY_LABELS), parameters(Map.of("bootstrap", 0)));

        Map<String, Object> roc = map(map(map(metrics.details(), "curves"), "bound"), "roc");
        assertEquals(101, numbers(roc, "tpr").size());
        assertNull(roc.get("tpr_low"));
        assertNull(map(map(map(metrics.details(), "curves"), "bound"), "pr").get("precision_high"));
        Map<String, Object> auroc = map(map(map(map(metrics.details(), "bootstrap"), "outputs"), "bound"), "auroc");
        assertEquals(0.788888888888889, (double) auroc.get("estimate"), TOLERANCE);
        assertNull(auroc.get("low"));
    }

    /* pred = (p >= 0.8): accuracy_score -> 0.7142857142857143; balanced_accuracy_score -> 0.6888888888888889; f1_score(average='macro') -> 0.6888888888888889 */
    @Test
    void thresholdMovesOnlyThresholdedMetrics() throws ParameterException {
        Metrics metrics = evaluator.evaluate(binary("bound", BINARY_SCORES, BINARY_LABELS), parameters(Map.of("threshold", 0.8)));

        assertScalars(metrics, 0.7142857142857143, 0.6888888888888889, 0.788888888888889, 0.7251948051948052,
                0.6888888888888889, 0.5800792605559034);
        assertEquals(0.8, metrics.details().get("threshold"));
    }

    /*
     * y = [0,0,0,0]; p = f32([0.2,0.7,0.1,0.4]); pred = (p >= 0.5)
     * accuracy_score -> 0.75; balanced_accuracy_score -> 0.75; f1_score(average='macro') -> 0.42857142857142855
     * log_loss(eps=1e-15, labels=[0,1]) -> 0.5108256176606539; roc_auc_score raises (one class); brier_score_loss -> 0.17499999739229682
     */
    @Test
    void binaryWithOneClassLeavesOutRankingMetricsWithAWarning() throws ParameterException {
        Metrics metrics = evaluator.evaluate(binary("bound", new float[] {0.2f, 0.7f, 0.1f, 0.4f}, new int[4]), parameters(Map.of()));

        assertEquals(List.of("accuracy", "balanced_accuracy", "macro_f1", "log_loss", "brier"), new ArrayList<>(metrics.scalars().keySet()));
        assertEquals(0.17499999739229682, metrics.scalars().get("brier"), TOLERANCE);
        assertNull(map(map(metrics.details(), "curves"), "bound").get("roc"));
        assertEquals(0.75, metrics.scalars().get("accuracy"), TOLERANCE);
        assertEquals(0.75, metrics.scalars().get("balanced_accuracy"), TOLERANCE);
        assertEquals(0.42857142857142855, metrics.scalars().get("macro_f1"), TOLERANCE);
        assertEquals(0.5108256176606539, metrics.scalars().get("log_loss"), TOLERANCE);
        assertTrue(warnings(metrics).stream().anyMatch(w -> w.contains("only class 'not_bound'") && w.contains("auroc and auprc")),
                warnings(metrics).toString());
        Map<String, Object> positive = perClass(metrics).get(1);
        assertNull(positive.get("recall"));
        assertNull(positive.get("auroc"));
        assertEquals(0L, positive.get("support"));
    }

    /*
     * Y, P: the 3-class vector of ReferenceData; pred = P.argmax(axis=1)
     * accuracy_score -> 0.8; balanced_accuracy_score -> 0.8055555555555555
     * roc_auc_score(Y, P, multi_class='ovr', average='macro') -> 0.8968253968253967
     * average_precision_score(np.eye(3)[Y], P, average='macro') -> 0.7685185185185185
     * f1_score(average='macro') -> 0.7936507936507936; log_loss(eps=1e-15) -> 0.7122930680160597
     * roc_auc_score(Y == c, P[:, c]) -> [0.9047619047619047, 0.7857142857142857, 1.0]
     * average_precision_score(Y == c, P[:, c]) -> [0.8055555555555556, 0.5, 1.0]
     * np.mean(np.sum((P - np.eye(3)[Y]) ** 2, axis=1)) -> 0.42500000104308155 (scikit-learn >= 1.7 brier_score_loss on multi-class input)
     */
    @Test
    void multiclassMatchesScikitLearn() throws ParameterException {
        Metrics metrics = evaluator.evaluate(multiclass(List.of("a", "b", "c"), MULTICLASS_SCORES, MULTICLASS_LABELS), parameters(Map.of()));

        assertEquals(List.of("accuracy", "balanced_accuracy", "auroc", "auprc", "macro_f1", "log_loss", "brier",
                "auroc/a", "auprc/a", "auroc/b", "auprc/b", "auroc/c", "auprc/c"), new ArrayList<>(metrics.scalars().keySet()));
        assertScalars(metrics, 0.8, 0.8055555555555555, 0.8968253968253967, 0.7685185185185185,
                0.7936507936507936, 0.7122930680160597);
        assertEquals(0.42500000104308155, metrics.scalars().get("brier"), TOLERANCE);
        double[] auroc = {0.9047619047619047, 0.7857142857142857, 1.0};
        double[] auprc = {0.8055555555555556, 0.5, 1.0};
        List<Map<String, Object>> perClass = perClass(metrics);
        for (int c = 0; c < 3; c++) {
            assertEquals(auroc[c], (double) perClass.get(c).get("auroc"), TOLERANCE);
            assertEquals(auprc[c], (double) perClass.get(c).get("auprc"), TOLERANCE);
            String name = List.of("a", "b", "c").get(c);
            assertEquals(auroc[c], metrics.scalars().get("auroc/" + name), TOLERANCE);
            assertEquals(auprc[c], metrics.scalars().get("auprc/" + name), TOLERANCE);
        }
        assertEquals(List.of("a", "b", "c"), new ArrayList<>(map(metrics.details(), "curves").keySet()));
        assertEquals(Map.of("labels", List.of("a", "b", "c"),
                        "matrix", List.of(List.of(3L, 0L, 0L), List.of(1L, 2L, 0L), List.of(0L, 1L, 3L))),
                metrics.details().get("confusion_matrix"));
        assertEquals("MULTICLASS", metrics.details().get("task"));
        assertEquals(List.of(), metrics.details().get("warnings"));
    }

    /*
     * Y4, P4: the 4-class vector of ReferenceData (class 2 predicted once, never true; class 3 neither)
     * accuracy_score -> 0.8333333333333334; balanced_accuracy_score -> 0.8333333333333333
     * np.mean([roc_auc_score(Y4 == c, P4[:, c]) for c in (0, 1)]) -> 0.9444444444444444
     * np.mean([average_precision_score(Y4 == c, P4[:, c]) for c in (0, 1)]) -> 0.9333333333333333
     * f1_score(average='macro') -> 0.6; log_loss(eps=1e-15, labels=[0,1,2,3]) -> 0.7243145938704568
     */
    @Test
    void multiclassSkipsAbsentClassesWithWarnings() throws ParameterException {
        Metrics metrics = evaluator.evaluate(multiclass(List.of("a", "b", "c", "d"), SPARSE_SCORES, SPARSE_LABELS), parameters(Map.of()));

        assertScalars(metrics, 0.8333333333333334, 0.8333333333333333, 0.9444444444444444, 0.9333333333333333,
                0.6, 0.7243145938704568);
        List<String> warnings = warnings(metrics);
        assertTrue(warnings.stream().anyMatch(w -> w.contains("class 'c' does not occur")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("class 'd' does not occur") && w.contains("never predicted")),
                warnings.toString());
        assertNull(perClass(metrics).get(2).get("auroc"));
    }

    /*
     * YL, PL: the multi-label vector of ReferenceData; pred = (PL >= 0.5)
     * np.mean([accuracy_score(YL[:, j], pred[:, j]) for j in range(3)]) -> 0.75
     * np.mean([balanced_accuracy_score(YL[:, j], pred[:, j]) for j in range(3)]) -> 0.7388888888888889
     * roc_auc_score(YL, PL, average='macro') -> 0.8569444444444444; average_precision_score(YL, PL, average='macro') -> 0.8898412698412699
     * f1_score(YL, pred, average='macro') -> 0.7388888888888889; log_loss(YL.ravel(), PL.ravel(), eps=1e-15) -> 0.47838672321671044
     * roc_auc_score(YL, PL, average='micro') -> 0.8715277777777777; accuracy_score(YL, pred) (subset) -> 0.5
     * roc_auc_score(YL[:, j], PL[:, j]) -> [0.9375, 0.8666666666666667, 0.7666666666666667]
     * multilabel_confusion_matrix(YL, pred) -> [[[3,1],[1,3]], [[4,1],[1,2]], [[2,1],[1,4]]]
     * average_precision_score(YL, PL, average='micro') -> 0.8680555555555555; f1_score(YL, pred, average='micro') -> 0.75
     * np.mean((PL - YL) ** 2) -> 0.15666666549940922 (the mean of the labels' brier_score_loss)
     * average_precision_score(YL[:, j], PL[:, j]) -> [0.95, 0.8666666666666667, 0.8528571428571428]
     * brier_score_loss(YL[:, j], PL[:, j]) -> [0.12624999929219502, 0.14874999586492788, 0.19500000134110476]
     * per-label ECE -> [0.18750000279396772, 0.33749999571591616, 0.1499999966472387]
     */
    @Test
    void multilabelMatchesScikitLearn() throws ParameterException {
        Metrics metrics = evaluator.evaluate(multilabel(List.of("x", "y", "z"), MULTILABEL_SCORES, MULTILABEL_LABELS), parameters(Map.of()));

        assertEquals(List.of("accuracy", "balanced_accuracy", "auroc", "auprc", "macro_f1", "log_loss", "brier",
                        "micro_auroc", "micro_auprc", "micro_f1", "auroc/x", "auprc/x", "auroc/y", "auprc/y", "auroc/z", "auprc/z"),
                new ArrayList<>(metrics.scalars().keySet()));
        assertScalars(metrics, 0.75, 0.7388888888888889, 0.8569444444444444, 0.8898412698412699,
                0.7388888888888889, 0.47838672321671044);
        assertEquals(0.8715277777777777, metrics.scalars().get("micro_auroc"), TOLERANCE);
        assertEquals(0.8680555555555555, metrics.scalars().get("micro_auprc"), TOLERANCE);
        assertEquals(0.75, metrics.scalars().get("micro_f1"), TOLERANCE);
        assertEquals(0.15666666549940922, metrics.scalars().get("brier"), TOLERANCE);
        double[] auprc = {0.95, 0.8666666666666667, 0.8528571428571428};
        double[] brier = {0.12624999929219502, 0.14874999586492788, 0.19500000134110476};
        double[] ece = {0.18750000279396772, 0.33749999571591616, 0.1499999966472387};
        List<Map<String, Object>> calibration = rows(map(metrics.details(), "calibration"), "per_output");
        for (int j = 0; j < 3; j++) {
            String label = List.of("x", "y", "z").get(j);
            assertEquals(auprc[j], metrics.scalars().get("auprc/" + label), TOLERANCE);
            assertEquals(label, calibration.get(j).get("output"));
            assertEquals(brier[j], (double) calibration.get(j).get("brier"), TOLERANCE);
            assertEquals(ece[j], (double) calibration.get(j).get("ece"), TOLERANCE);
        }
        assertEquals((ece[0] + ece[1] + ece[2]) / 3, (double) map(metrics.details(), "calibration").get("ece"), TOLERANCE);
        assertEquals(0.5, (double) metrics.details().get("subset_accuracy"), TOLERANCE);
        assertTrue(metrics.details().get("accuracy_definition").toString().contains("mean over labels"));
        double[] auroc = {0.9375, 0.8666666666666667, 0.7666666666666667};
        for (int j = 0; j < 3; j++) {
            assertEquals(auroc[j], (double) perClass(metrics).get(j).get("auroc"), TOLERANCE);
            assertEquals(auroc[j], metrics.scalars().get("auroc/" + List.of("x", "y", "z").get(j)), TOLERANCE);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> confusion = (Map<String, Object>) metrics.details().get("confusion_matrix");
        assertEquals(List.of(List.of(List.of(3L, 1L), List.of(1L, 3L)), List.of(List.of(4L, 1L), List.of(1L, 2L)),
                List.of(List.of(2L, 1L), List.of(1L, 4L))), confusion.get("matrices"));
        assertEquals(List.of(), metrics.details().get("warnings"));
    }

    /*
     * YM, PM: the degenerate multi-label vector of ReferenceData (label 1 never true nor predicted, label 2 always true)
     * mean per-label accuracy_score -> 0.75; mean per-label balanced_accuracy_score -> 0.75
     * roc_auc_score(YM[:, 0], PM[:, 0]) -> 0.75; average_precision_score(YM[:, 0], PM[:, 0]) -> 0.8333333333333333
     * f1_score(YM[:, [0, 2]], pred[:, [0, 2]], average='macro') -> 0.6785714285714286
     * log_loss(YM.ravel(), PM.ravel(), eps=1e-15) -> 0.39011243398906675; roc_auc_score(YM.ravel(), PM.ravel()) -> 0.9305555555555556
     * average_precision_score(YM.ravel(), PM.ravel()) -> 0.9305555555555555; f1_score(YM, pred, average='micro') -> 0.7272727272727272
     * np.mean((PM - YM) ** 2) -> 0.12770833524564917
     */
    @Test
    void multilabelSkipsDegenerateLabelsWithWarnings() throws ParameterException {
        Metrics metrics = evaluator.evaluate(multilabel(List.of("x", "y", "z"), DEGENERATE_SCORES, DEGENERATE_LABELS), parameters(Map.of()));

        assertScalars(metrics, 0.75, 0.75, 0.75, 0.8333333333333333, 0.6785714285714286, 0.39011243398906675);
        assertEquals(0.9305555555555556, metrics.scalars().get("micro_auroc"), TOLERANCE);
        assertEquals(0.9305555555555555, metrics.scalars().get("micro_auprc"), TOLERANCE);
        assertEquals(0.7272727272727272, metrics.scalars().get("micro_f1"), TOLERANCE);
        assertEquals(0.12770833524564917, metrics.scalars().get("brier"), TOLERANCE);
        assertEquals(0.75, metrics.scalars().get("auroc/x"), TOLERANCE);
        assertFalse(metrics.scalars().containsKey("auroc/y") || metrics.scalars().containsKey("auprc/z"), metrics.scalars().toString());
        Map<String, Object> curvesOfY = map(map(metrics.details(), "curves"), "y");
        assertNull(curvesOfY.get("roc"));
        assertNull(curvesOfY.get("pr"));
        assertEquals(List.of(1L, 1L, 1L, 1L), map(curvesOfY, "reliability").get("count")); // 0, 0.1f, 0.2f, 0.3f: each above an edge
        List<String> warnings = warnings(metrics);
        assertTrue(warnings.stream().anyMatch(w -> w.contains("no example has label 'y'") && w.contains("macro_f1")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("every example has label 'z'")), warnings.toString());
        assertNull(perClass(metrics).get(1).get("f1"));
    }

    @Test
    void curveOutputsLimitsTheCurvesWithAWarning() throws ParameterException {
        Metrics metrics = evaluator.evaluate(multilabel(List.of("x", "y", "z"), MULTILABEL_SCORES, MULTILABEL_LABELS),
                parameters(Map.of("curve_outputs", 2)));

        assertEquals(List.of("x", "y"), new ArrayList<>(map(metrics.details(), "curves").keySet()));
        assertEquals(List.of("x", "y"), new ArrayList<>(map(map(metrics.details(), "bootstrap"), "outputs").keySet()));
        assertTrue(warnings(metrics).stream().anyMatch(w -> w.contains("first 2 of 3 outputs")), warnings(metrics).toString());
        assertTrue(metrics.scalars().containsKey("auroc/z"), "per-output scalars cover every output");
    }

    @Test
    void everyScalarIsFiniteEvenForOneExample() throws ParameterException {
        Metrics metrics = evaluator.evaluate(multiclass(List.of("a", "b"), new float[][] {{1f, 0f}}, new int[] {1}), parameters(Map.of()));

        assertFalse(metrics.scalars().containsKey("auroc"));
        assertTrue(metrics.scalars().values().stream().allMatch(Double::isFinite), metrics.scalars().toString());
        assertEquals(34.538776394910684, metrics.scalars().get("log_loss"), 1e-6);
    }

    @Test
    void rejectsWhatItCannotScore() throws ParameterException {
        Parameters defaults = parameters(Map.of());
        DatasetSchema regression = new DatasetSchema(List.of(1), "test", TaskType.REGRESSION, List.of("y"), null);
        assertThrows(IllegalArgumentException.class,
                () -> evaluator.evaluate(new Predictions(regression, List.of("e1"), new float[] {0.5f}, new float[] {1f}), defaults));

        DatasetSchema binary = schema(TaskType.BINARY, List.of("bound"));
        assertThrows(IllegalArgumentException.class,
                () -> evaluator.evaluate(new Predictions(binary, List.of("e1"), new float[] {0.5f}, null), defaults));
        assertThrows(IllegalArgumentException.class,
                () -> evaluator.evaluate(new Predictions(binary, List.of(), new float[0], new float[0]), defaults));
        IllegalArgumentException logit = assertThrows(IllegalArgumentException.class,
                () -> evaluator.evaluate(new Predictions(binary, List.of("e1", "e2"), new float[] {0.5f, 2.3f}, new float[] {0f, 1f}), defaults));
        assertTrue(logit.getMessage().contains("'e2'") && logit.getMessage().contains("[0, 1]"), logit.getMessage());
        IllegalArgumentException soft = assertThrows(IllegalArgumentException.class,
                () -> evaluator.evaluate(new Predictions(binary, List.of("e1"), new float[] {0.5f}, new float[] {0.9f}), defaults));
        assertTrue(soft.getMessage().contains("0 or 1"), soft.getMessage());

        DatasetSchema threeClasses = schema(TaskType.MULTICLASS, List.of("a", "b", "c"));
        IllegalArgumentException twoHot = assertThrows(IllegalArgumentException.class, () -> evaluator.evaluate(
                new Predictions(threeClasses, List.of("e1"), new float[] {0.2f, 0.3f, 0.5f}, new float[] {1f, 0f, 1f}), defaults));
        assertTrue(twoHot.getMessage().contains("one-hot"), twoHot.getMessage());
    }

    private Parameters parameters(Map<String, ?> raw) throws ParameterException {
        return evaluator.parameters().validate(raw, Path.of("."));
    }

    private static void assertScalars(Metrics metrics, double accuracy, double balanced, double auroc, double auprc,
                                      double macroF1, double logLoss) {
        assertEquals(accuracy, metrics.scalars().get("accuracy"), TOLERANCE, "accuracy");
        assertEquals(balanced, metrics.scalars().get("balanced_accuracy"), TOLERANCE, "balanced_accuracy");
        assertEquals(auroc, metrics.scalars().get("auroc"), TOLERANCE, "auroc");
        assertEquals(auprc, metrics.scalars().get("auprc"), TOLERANCE, "auprc");
        assertEquals(macroF1, metrics.scalars().get("macro_f1"), TOLERANCE, "macro_f1");
        assertEquals(logLoss, metrics.scalars().get("log_loss"), TOLERANCE, "log_loss");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> perClass(Metrics metrics) {
        return (List<Map<String, Object>>) metrics.details().get("per_class");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Double> numbers(Map<String, Object> parent, String key) {
        return (List<Double>) parent.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> parent, String key) {
        return (List<Map<String, Object>>) parent.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<String> warnings(Metrics metrics) {
        return (List<String>) metrics.details().get("warnings");
    }

    private static DatasetSchema schema(TaskType task, List<String> outputs) {
        return new DatasetSchema(List.of(4), "test", task, outputs, null);
    }

    private static List<String> ids(int n) {
        return IntStream.range(0, n).mapToObj(i -> "e" + (i + 1)).toList();
    }

    private static Predictions binary(String positive, float[] scores, int[] labels) {
        float[] truth = new float[labels.length];
        for (int i = 0; i < labels.length; i++) {
            truth[i] = labels[i];
        }
        return new Predictions(schema(TaskType.BINARY, List.of(positive)), ids(labels.length), scores, truth);
    }

    private static Predictions multiclass(List<String> classes, float[][] scores, int[] labels) {
        float[] oneHot = new float[labels.length * classes.size()];
        for (int i = 0; i < labels.length; i++) {
            oneHot[i * classes.size() + labels[i]] = 1f;
        }
        return new Predictions(schema(TaskType.MULTICLASS, classes), ids(labels.length), flatten(scores), oneHot);
    }

    private static Predictions multilabel(List<String> labels, float[][] scores, int[][] truth) {
        float[] flat = new float[truth.length * labels.size()];
        for (int i = 0; i < truth.length; i++) {
            for (int j = 0; j < labels.size(); j++) {
                flat[i * labels.size() + j] = truth[i][j];
            }
        }
        return new Predictions(schema(TaskType.MULTILABEL, labels), ids(truth.length), flatten(scores), flat);
    }
}
