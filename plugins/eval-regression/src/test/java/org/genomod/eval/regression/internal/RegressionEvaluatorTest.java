package org.genomod.eval.regression.internal;

import static org.genomod.eval.regression.internal.ReferenceData.CONSTANT_LABELS;
import static org.genomod.eval.regression.internal.ReferenceData.CONSTANT_SCORES;
import static org.genomod.eval.regression.internal.ReferenceData.SINGLE_LABELS;
import static org.genomod.eval.regression.internal.ReferenceData.SINGLE_SCORES;
import static org.genomod.eval.regression.internal.ReferenceData.SPARSE_LABELS;
import static org.genomod.eval.regression.internal.ReferenceData.SPARSE_SCORES;
import static org.genomod.eval.regression.internal.ReferenceData.THREE_LABELS;
import static org.genomod.eval.regression.internal.ReferenceData.THREE_SCORES;
import static org.genomod.eval.regression.internal.ReferenceData.TOLERANCE;
import static org.genomod.eval.regression.internal.ReferenceData.predictions;
import static org.genomod.eval.regression.internal.ReferenceData.singleTarget;
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
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;
import org.genomod.api.eval.Metrics;
import org.genomod.api.eval.Predictions;
import org.genomod.api.param.ParameterException;
import org.genomod.api.param.Parameters;
import org.genomod.testing.PluginTests;
import org.junit.jupiter.api.Test;

/** Expected values are the output of src/test/python/sklearn_reference.py, section by section. */
class RegressionEvaluatorTest {
    private static final double NaN = Double.NaN;
    private static final List<String> MACRO = List.of("mse", "rmse", "mae", "pearson", "spearman", "r2");
    private static final List<String> MICRO = MACRO.stream().map(m -> "micro_" + m).toList();

    private final RegressionEvaluator evaluator = new RegressionEvaluator();

    @Test
    void declaresRegressionAndNoParameters() {
        assertEquals(Set.of(TaskType.REGRESSION), evaluator.tasks());
        assertTrue(evaluator.parameters().parameters().isEmpty());
        ParameterException unknown = assertThrows(ParameterException.class,
                () -> evaluator.parameters().validate(Map.of("average", "micro"), Path.of(".")));
        assertTrue(unknown.getMessage().contains("unknown parameter 'average'"), unknown.getMessage());
    }

    /*
     * y1, p1 ("single target"): mean_squared_error -> 0.27041661543151274; mean_squared_error(squared=False) -> 0.5200159761310346
     * mean_absolute_error -> 0.39999995939433575; pearsonr -> 0.9783957272009617; spearmanr -> 0.9875681652921016
     * r2_score -> 0.9515972743693584
     */
    @Test
    void singleTargetMatchesScikitLearn() {
        Metrics metrics = evaluate(singleTarget("height", SINGLE_LABELS, SINGLE_SCORES));

        assertEquals("regression", metrics.evaluator());
        assertEquals(MACRO, new ArrayList<>(metrics.scalars().keySet()), "one target has no micro_* scalars");
        double[] expected = {0.27041661543151274, 0.5200159761310346, 0.39999995939433575, 0.9783957272009617,
            0.9875681652921016, 0.9515972743693584};
        assertScalars(metrics, MACRO, expected);
        assertEquals("REGRESSION", metrics.details().get("task"));
        assertEquals(12, metrics.details().get("n"));
        assertEquals(1, metrics.details().get("targets"));
        assertEquals(12, metrics.details().get("scored"));
        assertTarget(perTarget(metrics).get(0), "height", 12, expected);
        assertEquals(List.of(), warnings(metrics));
    }

    /*
     * Y3, P3 ("three targets with NaN labels"), each target over its labelled rows:
     * target 0: scored 8;  mse 0.11374998718500468 rmse 0.33726842008258745 mae 0.31249999161809683 pearson 0.9862573480681017 spearman 0.9761904761904763 r2 0.8786464510549516
     * target 1: scored 10; mse 0.4 rmse 0.6324555320336759 mae 0.6 pearson 0.9501009180522936 spearman 0.9390418473114204 r2 0.8773006134969326
     * target 2: scored 7;  mse 0.29464285714285715 rmse 0.5428101483418094 mae 0.5357142857142857 pearson 0.7965148186027454 spearman 0.7709342531250701 r2 0.60580204778157
     * macro = np.nanmean over targets: 0.26946428144262063 0.5041780334860242 0.4827380924441275 0.9109576949077135 0.8953888588756556 0.7872497041111514
     * micro = the metrics of Y3[m], P3[m] with m = ~np.isnan(Y3): scored 25;
     *         0.2788999958992015 0.5281098331779115 0.489999997317791 0.9960703486016316 0.9905683125055196 0.9917901046772497
     */
    @Test
    void severalTargetsSkipNaNLabelsAndSummariseMacroAndMicro() {
        Metrics metrics = evaluate(predictions(List.of("a", "b", "c"), THREE_LABELS, THREE_SCORES));

        List<String> order = new ArrayList<>(MACRO);
        order.addAll(MICRO);
        assertEquals(order, new ArrayList<>(metrics.scalars().keySet()));
        assertScalars(metrics, MACRO, 0.26946428144262063, 0.5041780334860242, 0.4827380924441275, 0.9109576949077135,
                0.8953888588756556, 0.7872497041111514);
        assertScalars(metrics, MICRO, 0.2788999958992015, 0.5281098331779115, 0.489999997317791, 0.9960703486016316,
                0.9905683125055196, 0.9917901046772497);
        assertEquals(25, metrics.details().get("scored"));
        assertEquals(10, metrics.details().get("n"));
        List<Map<String, Object>> rows = perTarget(metrics);
        assertTarget(rows.get(0), "a", 8, 0.11374998718500468, 0.33726842008258745, 0.31249999161809683, 0.9862573480681017,
                0.9761904761904763, 0.8786464510549516);
        assertTarget(rows.get(1), "b", 10, 0.4, 0.6324555320336759, 0.6, 0.9501009180522936, 0.9390418473114204, 0.8773006134969326);
        assertTarget(rows.get(2), "c", 7, 0.29464285714285715, 0.5428101483418094, 0.5357142857142857, 0.7965148186027454,
                0.7709342531250701, 0.60580204778157);
        assertEquals(List.of(), warnings(metrics));
        assertTrue(metrics.details().get("averaging").toString().contains("pool every scored entry"));
    }

    /*
     * Y5, P5 ("five targets, sparse labels"):
     * a: scored 4; 0.19749999880790714 0.4444097195245702 0.42499999701976776 0.9439086987044987 1.0 0.8420000009536743
     * b: scored 6; 0.25 0.5 0.5 0.9688874326478061 0.9710083124552245 0.9142857142857143
     * c: scored 2; 1.625 1.2747548783981961 1.25 -1.0 -0.9999999999999999 -0.625
     * d: scored 1; 1.0 1.0 1.0, correlations and r2 nan (sklearn warns and returns nan for r2 with one sample)
     * e: scored 0; nothing
     * macro: 0.7681249997019768 0.8047911494806916 0.7937499992549419 0.3042653771174349 0.3236694374850749 0.3770952384131296
     * micro: scored 13; 0.5030769227101253 0.7092791571096145 0.6307692298522363 0.9054741285761789 0.8698060941828255 0.7999529413223266
     */
    @Test
    void targetsWithTooFewEntriesGetNullsAndWarnings() {
        Metrics metrics = evaluate(predictions(List.of("a", "b", "c", "d", "e"), SPARSE_LABELS, SPARSE_SCORES));

        assertScalars(metrics, MACRO, 0.7681249997019768, 0.8047911494806916, 0.7937499992549419, 0.3042653771174349,
                0.3236694374850749, 0.3770952384131296);
        assertScalars(metrics, MICRO, 0.5030769227101253, 0.7092791571096145, 0.6307692298522363, 0.9054741285761789,
                0.8698060941828255, 0.7999529413223266);
        assertEquals(13, metrics.details().get("scored"));
        List<Map<String, Object>> rows = perTarget(metrics);
        assertTarget(rows.get(2), "c", 2, 1.625, 1.2747548783981961, 1.25, -1.0, -0.9999999999999999, -0.625);
        assertTarget(rows.get(3), "d", 1, 1.0, 1.0, 1.0, NaN, NaN, NaN);
        assertTarget(rows.get(4), "e", 0, NaN, NaN, NaN, NaN, NaN, NaN);
        List<String> warnings = warnings(metrics);
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.contains("1 target has a single scored entry, so pearson, spearman and r2 are undefined there "
                + "(null in per_target) and left out of the averages over targets: 'd'"), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("1 target has no scored entry, so mse, rmse, mae, pearson, spearman and r2 are")
                && w.endsWith(": 'e'")), warnings.toString());
    }

    /*
     * YC, PC ("constant labels / constant predictions"):
     * flat (labels all 1.5):   mse 0.125 rmse 0.3535533905932738 mae 0.3; pearsonr, spearmanr -> nan (ConstantInputWarning);
     *                          r2_score -> 0.0 (force_finite=True, the default; 1.0 were the predictions perfect), -inf with force_finite=False
     * steady (predictions all 0.5): 0.06799999368190783 0.26076808409371693 0.2399999886751175; pearsonr, spearmanr -> nan;
     *                          r2_score -> -2.220446049250313e-16
     * ok: 0.2 0.4472135954999579 0.4 0.977054431911087 0.9999999999999999 0.9019607843137255
     * genomod's macro leaves the undefined out: 0.1309999978939693 0.35384502339564955 0.3133333295583725 0.977054431911087
     *     0.9999999999999999 0.45098039215686264 (r2_score(YC, PC) would average in flat's 0.0: 0.30065359477124176)
     * micro: 0.13099999789396927 0.36193921850770644 0.3133333295583725 0.9612751301624924 0.9313559628336066 0.9216298869354589
     */
    @Test
    void constantVectorsLeaveCorrelationsAndR2Undefined() {
        Metrics metrics = evaluate(predictions(List.of("flat", "steady", "ok"), CONSTANT_LABELS, CONSTANT_SCORES));

        assertScalars(metrics, MACRO, 0.1309999978939693, 0.35384502339564955, 0.3133333295583725, 0.977054431911087,
                0.9999999999999999, 0.45098039215686264);
        assertScalars(metrics, MICRO, 0.13099999789396927, 0.36193921850770644, 0.3133333295583725, 0.9612751301624924,
                0.9313559628336066, 0.9216298869354589);
        List<Map<String, Object>> rows = perTarget(metrics);
        assertTarget(rows.get(0), "flat", 5, 0.125, 0.3535533905932738, 0.3, NaN, NaN, NaN);
        assertTarget(rows.get(1), "steady", 5, 0.06799999368190783, 0.26076808409371693, 0.2399999886751175, NaN, NaN,
                -2.220446049250313e-16);
        assertTarget(rows.get(2), "ok", 5, 0.2, 0.4472135954999579, 0.4, 0.977054431911087, 0.9999999999999999, 0.9019607843137255);
        List<String> warnings = warnings(metrics);
        assertTrue(warnings.stream().anyMatch(w -> w.contains("1 target has constant labels (every scored label equal), so pearson, spearman and r2 are undefined")
                && w.endsWith(": 'flat'")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("1 target has constant predictions (equal on every scored entry), so pearson and spearman are undefined")
                && w.endsWith(": 'steady'")), warnings.toString());
    }

    /* pearsonr(y, y + 1) is nan (ConstantInputWarning) and r2_score(y, y + 1) 0.0 for y = [2, 2, 2]: we report mse and mae only. */
    @Test
    void oneConstantTargetReportsErrorsOnly() {
        Metrics metrics = evaluate(singleTarget("y", new float[] {2, 2, 2}, new float[] {3, 3, 3}));

        assertEquals(List.of("mse", "rmse", "mae"), new ArrayList<>(metrics.scalars().keySet()));
        assertEquals(1.0, metrics.scalars().get("mse"), TOLERANCE);
        assertTrue(warnings(metrics).contains("pearson, spearman, r2 are undefined on every target, so not reported"),
                warnings(metrics).toString());
        assertTrue(metrics.scalars().values().stream().allMatch(Double::isFinite));
    }

    @Test
    void pooledEntriesThatAreConstantLeaveMicroCorrelationsOut() {
        float nan = Float.NaN;
        Metrics metrics = evaluate(predictions(List.of("x", "y"),
                new float[][] {{1, nan}, {nan, 1}, {1, nan}}, new float[][] {{0.5f, 9}, {9, 2}, {1.5f, 9}}));

        assertFalse(metrics.scalars().containsKey("micro_pearson"));
        assertFalse(metrics.scalars().containsKey("micro_r2"));
        assertEquals(0.5, metrics.scalars().get("micro_mse"), TOLERANCE); // (0.25 + 1 + 0.25) / 3
        assertTrue(warnings(metrics).contains("pooled over all targets, the entries have constant labels (every scored label equal), so micro_pearson, "
                + "micro_spearman and micro_r2 are not reported"), warnings(metrics).toString());
    }

    @Test
    void everyLabelNaNScoresNothing() {
        float nan = Float.NaN;
        Metrics metrics = evaluate(predictions(List.of("x", "y"), new float[][] {{nan, nan}, {nan, nan}}, new float[][] {{1, 2}, {nan, 4}}));

        assertTrue(metrics.scalars().isEmpty());
        assertEquals(0, metrics.details().get("scored"));
        assertEquals(0, perTarget(metrics).get(1).get("scored"));
        assertTrue(warnings(metrics).get(0).contains("nothing to score"), warnings(metrics).toString());
    }

    @Test
    void predictionsOfUnscoredEntriesAreIgnored() {
        float nan = Float.NaN;
        Metrics metrics = evaluate(predictions(List.of("x"), new float[][] {{1}, {nan}, {3}, {nan}},
                new float[][] {{1.5f}, {nan}, {2}, {Float.POSITIVE_INFINITY}}));

        assertEquals(2, metrics.details().get("scored"));
        assertEquals(0.625, metrics.scalars().get("mse"), TOLERANCE); // (0.25 + 1) / 2
        assertEquals(0.75, metrics.scalars().get("mae"), TOLERANCE);
    }

    /*
     * yo, po ("large offset": 1e5 plus a few float32 ulps): 4.119873046875e-05 0.006418623720763666 0.0052734375
     * 0.9780445609027903 0.9794486350765284 0.9535363964894167; the one-pass textbook Pearson formula in float64 gives
     * 0.9784944667927667, 4.5e-4 off.
     */
    @Test
    void valuesFarFromZeroKeepTheirDigits() {
        float[][] vectors = ReferenceData.offsetLabelsAndScores();
        Metrics metrics = evaluate(singleTarget("position", vectors[0], vectors[1]));

        assertScalars(metrics, MACRO, 4.119873046875e-05, 0.006418623720763666, 0.0052734375, 0.9780445609027903,
                0.9794486350765284, 0.9535363964894167);
    }

    /*
     * yt, pt ("rank stress", 1000 entries, heavy ties): 17.579960005652328 4.1928462892947 3.6781000011116265
     * 0.9930754994560058 0.9930489147717841 -1.064718382782213
     */
    @Test
    void heavyTiesMatchScipy() {
        float[][] vectors = ReferenceData.tiedLabelsAndScores();
        Metrics metrics = evaluate(singleTarget("level", vectors[0], vectors[1]));

        assertScalars(metrics, MACRO, 17.579960005652328, 4.1928462892947, 3.6781000011116265, 0.9930754994560058,
                0.9930489147717841, -1.064718382782213);
    }

    @Test
    void rejectsWhatItCannotScore() {
        Parameters defaults = defaults();
        DatasetSchema binary = new DatasetSchema(List.of(1), "test", TaskType.BINARY, List.of("bound"), null);
        IllegalArgumentException classification = assertThrows(IllegalArgumentException.class, () -> evaluator.evaluate(
                new Predictions(binary, List.of("e1"), new float[] {0.5f}, new float[] {1f}), defaults));
        assertTrue(classification.getMessage().contains("not BINARY"), classification.getMessage());

        assertThrows(IllegalArgumentException.class, () -> evaluator.evaluate(
                predictions(List.of("y"), null, new float[][] {{1}}), defaults));
        assertThrows(IllegalArgumentException.class, () -> evaluator.evaluate(
                predictions(List.of("y"), new float[0][], new float[0][]), defaults));
        IllegalArgumentException infinite = assertThrows(IllegalArgumentException.class, () -> evaluator.evaluate(
                predictions(List.of("y", "z"), new float[][] {{1, 2}, {3, Float.NEGATIVE_INFINITY}}, new float[][] {{1, 2}, {3, 4}}), defaults));
        assertTrue(infinite.getMessage().contains("'e2'") && infinite.getMessage().contains("target 'z'"), infinite.getMessage());
        IllegalArgumentException diverged = assertThrows(IllegalArgumentException.class, () -> evaluator.evaluate(
                predictions(List.of("y"), new float[][] {{1}, {2}}, new float[][] {{1}, {Float.NaN}}), defaults));
        assertTrue(diverged.getMessage().contains("'e2'") && diverged.getMessage().contains("finite prediction"), diverged.getMessage());
    }

    private Metrics evaluate(Predictions predictions) {
        return evaluator.evaluate(predictions, defaults());
    }

    private Parameters defaults() {
        return PluginTests.valid(evaluator.parameters(), Map.of(), Path.of("."));
    }

    private static void assertScalars(Metrics metrics, List<String> names, double... expected) {
        for (int k = 0; k < names.size(); k++) {
            assertEquals(expected[k], metrics.scalars().get(names.get(k)), TOLERANCE, names.get(k));
        }
    }

    /** {@code expected}: mse, rmse, mae, pearson, spearman, r2; NaN where the entry must be null. */
    private static void assertTarget(Map<String, Object> row, String target, int scored, double... expected) {
        assertEquals(target, row.get("target"));
        assertEquals(scored, row.get("scored"), target);
        for (int k = 0; k < MACRO.size(); k++) {
            String name = target + "." + MACRO.get(k);
            assertTrue(row.containsKey(MACRO.get(k)), name);
            if (Double.isNaN(expected[k])) {
                assertNull(row.get(MACRO.get(k)), name);
            } else {
                assertEquals(expected[k], (double) row.get(MACRO.get(k)), TOLERANCE, name);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> perTarget(Metrics metrics) {
        return (List<Map<String, Object>>) metrics.details().get("per_target");
    }

    @SuppressWarnings("unchecked")
    private static List<String> warnings(Metrics metrics) {
        return (List<String>) metrics.details().get("warnings");
    }
}
