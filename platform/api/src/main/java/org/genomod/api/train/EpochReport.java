package org.genomod.api.train;

import java.util.Map;

/**
 * What one epoch achieved.
 *
 * @param validationMetrics scalars the job's evaluators reported on the validation split
 * @param samplesPerSecond  training throughput of this epoch (forward, backward and update)
 */
public record EpochReport(int epoch, double trainLoss, double validationLoss, Map<String, Double> validationMetrics,
                          long samples, double seconds, double samplesPerSecond) {
    public EpochReport {
        validationMetrics = Map.copyOf(validationMetrics);
    }
}
