package org.genomod.eval.classification.internal;

import static org.genomod.eval.classification.internal.ReferenceData.BINARY_LABELS;
import static org.genomod.eval.classification.internal.ReferenceData.BINARY_SCORES;
import static org.genomod.eval.classification.internal.ReferenceData.MULTICLASS_LABELS;
import static org.genomod.eval.classification.internal.ReferenceData.MULTICLASS_SCORES;
import static org.genomod.eval.classification.internal.ReferenceData.TOLERANCE;
import static org.genomod.eval.classification.internal.ReferenceData.column;
import static org.genomod.eval.classification.internal.ReferenceData.isClass;
import static org.genomod.eval.classification.internal.ReferenceData.truth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    /*
     * y, p: the binary vector of ReferenceData
     * brier_score_loss(y, p) -> 0.20839285869683552
     * calibration_curve(y, p, n_bins=10, strategy='uniform'):
     *   prob_pred -> [0.0, 0.10000000149011612, 0.20000000298023224, 0.3499999940395355, 0.4333333373069763,
     *                 0.6499999761581421, 0.8250000029802322, 1.0]
     *   prob_true -> [0.0, 0.0, 0.0, 0.5, 0.3333333333333333, 0.0, 0.5, 1.0]; counts [1, 1, 1, 2, 3, 1, 4, 1]
     * ECE = sum(counts / n * |prob_pred - prob_true|) -> 0.20357142974223408
     */
    @Test
    void binaryMatchesScikitLearn() {
        Calibration calibration = Calibration.of(BINARY_SCORES, truth(BINARY_LABELS));

        assertEquals(0.20839285869683552, calibration.brier(), TOLERANCE);
        assertReliability(calibration,
                new double[] {0.0, 0.10000000149011612, 0.20000000298023224, 0.3499999940395355, 0.4333333373069763,
                    0.6499999761581421, 0.8250000029802322, 1.0},
                new double[] {0.0, 0.0, 0.0, 0.5, 0.3333333333333333, 0.0, 0.5, 1.0},
                List.of(1L, 1L, 1L, 2L, 3L, 1L, 4L, 1L));
        assertEquals(0.20357142974223408, calibration.expectedCalibrationError(), TOLERANCE);
    }

    /*
     * yb = [0,1,0,1,1,0,1,0,1,1,0,1]; pb = f32([0.0,0.1,0.1,0.3,0.5,0.5,0.7,0.8,0.95,1.0,0.35,0.45])
     * brier_score_loss -> 0.2472916681071123
     * prob_pred -> [0.0, 0.10000000149011612, 0.32500000298023224, 0.48333332935969037, 0.699999988079071, 0.800000011920929, 0.9749999940395355]
     * prob_true -> [0.0, 0.5, 0.5, 0.6666666666666666, 1.0, 0.0, 1.0]; counts [1, 2, 2, 3, 1, 1, 2]; ECE -> 0.23750000322858492
     */
    @Test
    void scoresOnBinEdgesFallAsInScikitLearn() {
        boolean[] truth = truth(new int[] {0, 1, 0, 1, 1, 0, 1, 0, 1, 1, 0, 1});
        float[] scores = {0.0f, 0.1f, 0.1f, 0.3f, 0.5f, 0.5f, 0.7f, 0.8f, 0.95f, 1.0f, 0.35f, 0.45f};
        Calibration calibration = Calibration.of(scores, truth);

        assertEquals(0.2472916681071123, calibration.brier(), TOLERANCE);
        assertReliability(calibration,
                new double[] {0.0, 0.10000000149011612, 0.32500000298023224, 0.48333332935969037, 0.699999988079071,
                    0.800000011920929, 0.9749999940395355},
                new double[] {0.0, 0.5, 0.5, 0.6666666666666666, 1.0, 0.0, 1.0},
                List.of(1L, 2L, 2L, 3L, 1L, 1L, 2L));
        assertEquals(0.23750000322858492, calibration.expectedCalibrationError(), TOLERANCE);
        assertEquals(0, Calibration.bin(0.1), "the double 0.1 closes the first bin");
        assertEquals(1, Calibration.bin(0.1f), "the float 0.1 lies above it");
        assertEquals(4, Calibration.bin(0.5));
        assertEquals(9, Calibration.bin(1.0));
    }

    /*
     * Y, P: the 3-class vector of ReferenceData
     * np.mean(np.sum((P - np.eye(3)[Y]) ** 2, axis=1)) -> 0.42500000104308155 (scikit-learn >= 1.7 brier_score_loss(Y, P))
     * brier_score_loss(Y == c, P[:, c]) -> [0.13525000444054613, 0.1742499990463257, 0.11549999755620963]
     * one-vs-rest ECE of class 2 -> 0.27999999821186067
     */
    @Test
    void multiclassBrierSumsTheOneVersusRestScores() {
        Calibration[] perClass = new Calibration[3];
        double[] expected = {0.13525000444054613, 0.1742499990463257, 0.11549999755620963};
        for (int c = 0; c < 3; c++) {
            perClass[c] = Calibration.of(column(MULTICLASS_SCORES, c), isClass(MULTICLASS_LABELS, c));
            assertEquals(expected[c], perClass[c].brier(), TOLERANCE);
        }
        assertEquals(0.42500000104308155, Calibration.multiclassBrier(perClass), TOLERANCE);
        assertEquals(0.27999999821186067, perClass[2].expectedCalibrationError(), TOLERANCE);
        assertReliability(perClass[2],
                new double[] {0.10000000149011612, 0.23333333432674408, 0.30000001192092896, 0.4000000059604645, 0.6000000238418579, 1.0},
                new double[] {0.0, 0.0, 0.0, 1.0, 1.0, 1.0},
                List.of(2L, 3L, 1L, 2L, 1L, 1L));
    }

    @Test
    void rejectsMismatchedOrEmptyInput() {
        assertThrows(IllegalArgumentException.class, () -> Calibration.of(new float[0], new boolean[0]));
        assertThrows(IllegalArgumentException.class, () -> Calibration.of(new float[2], new boolean[1]));
    }

    @SuppressWarnings("unchecked")
    private static void assertReliability(Calibration calibration, double[] meanScore, double[] fractionPositive, List<Long> counts) {
        Map<String, Object> curve = calibration.reliabilityCurve();
        List<Double> means = (List<Double>) curve.get("mean_score");
        List<Double> fractions = (List<Double>) curve.get("fraction_positive");
        assertEquals(meanScore.length, means.size(), means.toString());
        for (int b = 0; b < meanScore.length; b++) {
            assertEquals(meanScore[b], means.get(b), TOLERANCE, "mean_score of bin " + b);
            assertEquals(fractionPositive[b], fractions.get(b), TOLERANCE, "fraction_positive of bin " + b);
        }
        assertEquals(counts, curve.get("count"));
    }
}
