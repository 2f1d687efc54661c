package org.genomod.api.train;

import java.util.List;

/**
 * The outcome of training.
 *
 * @param bestEpoch   epoch whose state the model ends in (1-based)
 * @param bestScore   validation value of the early-stopping metric at {@code bestEpoch}
 * @param stoppedEarly whether early stopping ended training before the last epoch
 * @param cancelReason why training was cancelled; {@code null} when it was not
 */
public record TrainingResult(List<EpochReport> history, int bestEpoch, double bestScore, boolean stoppedEarly,
                             String cancelReason) {
    public TrainingResult {
        history = List.copyOf(history);
    }

    public boolean cancelled() {
        return cancelReason != null;
    }

    public int epochsRun() {
        return history.size();
    }
}
