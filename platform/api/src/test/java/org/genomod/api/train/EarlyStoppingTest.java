package org.genomod.api.train;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EarlyStoppingTest {

    private static boolean maximise(String metric) {
        return new EarlyStopping(metric, 3, 0, true).maximise();
    }

    @Test
    void errorsAndLossesAreMinimisedScoresMaximised() {
        for (String lower : new String[] {"loss", "mse", "rmse", "mae", "brier", "log_loss", "micro_mse", "micro_rmse", "micro_mae"}) {
            assertFalse(maximise(lower), lower);
        }
        for (String higher : new String[] {"auroc", "accuracy", "r2", "pearson", "micro_auroc", "micro_r2", "micro_pearson"}) {
            assertTrue(maximise(higher), higher);
        }
    }
}
