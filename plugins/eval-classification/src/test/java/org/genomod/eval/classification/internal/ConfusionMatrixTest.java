package org.genomod.eval.classification.internal;

import static org.genomod.eval.classification.internal.ReferenceData.BINARY_LABELS;
import static org.genomod.eval.classification.internal.ReferenceData.BINARY_SCORES;
import static org.genomod.eval.classification.internal.ReferenceData.MULTICLASS_ARGMAX;
import static org.genomod.eval.classification.internal.ReferenceData.MULTICLASS_LABELS;
import static org.genomod.eval.classification.internal.ReferenceData.SPARSE_ARGMAX;
import static org.genomod.eval.classification.internal.ReferenceData.SPARSE_LABELS;
import static org.genomod.eval.classification.internal.ReferenceData.TOLERANCE;
import static org.genomod.eval.classification.internal.ReferenceData.truth;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    /*
     * Y = [0,1,2,2,1,0,2,1,0,2]; pred = [0,1,2,1,1,0,2,0,0,2]
     * confusion_matrix(Y, pred) -> [[3,0,0],[1,2,0],[0,1,3]]
     * precision_score(average=None) -> [0.75, 0.6666666666666666, 1.0]; recall_score(average=None) -> [1.0, 0.6666666666666666, 0.75]
     * f1_score(average=None) -> [0.8571428571428571, 0.6666666666666666, 0.8571428571428571]
     * accuracy_score -> 0.8; balanced_accuracy_score -> 0.8055555555555555; f1_score(average='macro') -> 0.7936507936507936
     */
    @Test
    void multiclassMatchesScikitLearn() {
        ConfusionMatrix matrix = ConfusionMatrix.of(MULTICLASS_LABELS, MULTICLASS_ARGMAX, 3);

        assertArrayEquals(new long[][] {{3, 0, 0}, {1, 2, 0}, {0, 1, 3}}, matrix.rows());
        double[] precision = {0.75, 0.6666666666666666, 1.0};
        double[] recall = {1.0, 0.6666666666666666, 0.75};
        double[] f1 = {0.8571428571428571, 0.6666666666666666, 0.8571428571428571};
        for (int c = 0; c < 3; c++) {
            assertEquals(precision[c], matrix.precision(c), TOLERANCE);
            assertEquals(recall[c], matrix.recall(c), TOLERANCE);
            assertEquals(f1[c], matrix.f1(c), TOLERANCE);
        }
        assertEquals(10, matrix.total());
        assertEquals(4, matrix.support(2));
        assertEquals(4, matrix.predictedCount(0));
        assertEquals(0.8, matrix.accuracy(), TOLERANCE);
        assertEquals(0.8055555555555555, matrix.balancedAccuracy(), TOLERANCE);
        assertEquals(0.7936507936507936, matrix.macroF1(), TOLERANCE);
    }

    /*
     * Y4 = [0,1,1,0,1,0]; pred = [0,1,2,0,1,0] (class 2 predicted but never true, class 3 neither)
     * accuracy_score -> 0.8333333333333334; balanced_accuracy_score -> 0.8333333333333333 (warns: class not in y_true)
     * f1_score(Y4, pred, average='macro') -> 0.6 (over classes 0, 1, 2: the labels present in either)
     */
    @Test
    void averagesSkipUndefinedClassesAsScikitLearnDoes() {
        ConfusionMatrix matrix = ConfusionMatrix.of(SPARSE_LABELS, SPARSE_ARGMAX, 4);

        assertEquals(0.8333333333333334, matrix.accuracy(), TOLERANCE);
        assertEquals(0.8333333333333333, matrix.balancedAccuracy(), TOLERANCE);
        assertEquals(0.6, matrix.macroF1(), TOLERANCE);
        assertTrue(Double.isNaN(matrix.recall(2)), "no support");
        assertEquals(0.0, matrix.precision(2), TOLERANCE);
        assertEquals(0.0, matrix.f1(2), TOLERANCE);
        assertTrue(Double.isNaN(matrix.precision(3)), "never predicted");
        assertTrue(Double.isNaN(matrix.f1(3)), "neither true nor predicted");
    }

    /*
     * binary vector of ReferenceData, pred = p >= 0.5: confusion_matrix -> [[6,3],[1,4]]
     * f1_score(average=None) -> [0.75, 0.6666666666666666]; f1_score(average='macro') -> 0.7083333333333333
     * balanced_accuracy_score -> 0.7333333333333334
     */
    @Test
    void binaryCountsNegativesFirst() {
        ConfusionMatrix matrix = ConfusionMatrix.ofBinary(truth(BINARY_LABELS), LabelledScores.atLeast(BINARY_SCORES, 0.5));

        assertArrayEquals(new long[][] {{6, 3}, {1, 4}}, matrix.rows());
        assertEquals(0.75, matrix.f1(0), TOLERANCE);
        assertEquals(0.6666666666666666, matrix.f1(1), TOLERANCE);
        assertEquals(0.7083333333333333, matrix.macroF1(), TOLERANCE);
        assertEquals(0.7333333333333334, matrix.balancedAccuracy(), TOLERANCE);
    }
}
