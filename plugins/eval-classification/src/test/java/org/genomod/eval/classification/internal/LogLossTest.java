package org.genomod.eval.classification.internal;

import static org.genomod.eval.classification.internal.ReferenceData.BINARY_LABELS;
import static org.genomod.eval.classification.internal.ReferenceData.BINARY_SCORES;
import static org.genomod.eval.classification.internal.ReferenceData.MULTICLASS_LABELS;
import static org.genomod.eval.classification.internal.ReferenceData.MULTICLASS_SCORES;
import static org.genomod.eval.classification.internal.ReferenceData.SPARSE_LABELS;
import static org.genomod.eval.classification.internal.ReferenceData.SPARSE_SCORES;
import static org.genomod.eval.classification.internal.ReferenceData.TOLERANCE;
import static org.genomod.eval.classification.internal.ReferenceData.flatten;
import static org.genomod.eval.classification.internal.ReferenceData.truth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LogLossTest {

    /* log_loss(y, p, eps=1e-15) on the binary vector (it holds p = 0 for a negative and p = 1 for a positive) -> 0.5800792605559034 */
    @Test
    void binaryMatchesScikitLearn() {
        assertEquals(0.5800792605559034, LogLoss.binary(BINARY_SCORES, truth(BINARY_LABELS)), TOLERANCE);
    }

    /* log_loss([0,0,0,0], f32([0.2,0.7,0.1,0.4]), eps=1e-15, labels=[0,1]) -> 0.5108256176606539 */
    @Test
    void binaryWithOneClassOnly() {
        float[] scores = {0.2f, 0.7f, 0.1f, 0.4f};

        assertEquals(0.5108256176606539, LogLoss.binary(scores, new boolean[4]), TOLERANCE);
    }

    /*
     * A certain mistake costs about -ln(1e-15) = 15 ln 10, not infinity. For p = 1 the cost is -ln(1 - (1 - 1e-15)),
     * slightly less because 1 - 1e-15 rounds in double, exactly as in scikit-learn:
     * log_loss([1], [0.0], eps=1e-15, labels=[0,1]) -> 34.538776394910684; log_loss([0], [1.0], eps=1e-15, labels=[0,1]) -> 34.53957599234088
     */
    @Test
    void clipsCertainMistakes() {
        assertEquals(34.538776394910684, LogLoss.binary(new float[] {0f}, new boolean[] {true}), TOLERANCE);
        assertEquals(34.53957599234088, LogLoss.binary(new float[] {1f}, new boolean[] {false}), TOLERANCE);
        assertEquals(1e-15, LogLoss.clip(-3), 0);
        assertEquals(1 - 1e-15, LogLoss.clip(2), 0);
    }

    /*
     * log_loss(Y, P, eps=1e-15) on the 3-class vector -> 0.7122930680160597 (the last row holds zeros, clipped then renormalised)
     * log_loss(Y4, P4, eps=1e-15, labels=[0,1,2,3]) on the 4-class vector -> 0.7243145938704568
     */
    @Test
    void categoricalMatchesScikitLearn() {
        assertEquals(0.7122930680160597, LogLoss.categorical(flatten(MULTICLASS_SCORES), 3, MULTICLASS_LABELS), TOLERANCE);
        assertEquals(0.7243145938704568, LogLoss.categorical(flatten(SPARSE_SCORES), 4, SPARSE_LABELS), TOLERANCE);
    }

    /** Rows that do not sum to one are renormalised after clipping, as scikit-learn does. */
    @Test
    void categoricalRenormalisesRows() {
        assertEquals(Math.log(2), LogLoss.categorical(new float[] {0.2f, 0.2f}, 2, new int[] {1}), 1e-12);
    }

    @Test
    void rejectsEmptyAndMismatchedInput() {
        assertThrows(IllegalArgumentException.class, () -> LogLoss.binary(new float[0], new boolean[0]));
        assertThrows(IllegalArgumentException.class, () -> LogLoss.categorical(new float[] {0.5f, 0.5f, 1f}, 2, new int[] {0}));
    }
}
