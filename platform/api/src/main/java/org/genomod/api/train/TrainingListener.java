package org.genomod.api.train;

import org.osgi.annotation.versioning.ConsumerType;

/** Receives training progress; called on the training thread, so keep it quick. */
@ConsumerType
public interface TrainingListener {
    TrainingListener NONE = new TrainingListener() { };

    default void onBatch(int epoch, int batch, int batches) {
    }

    default void onEpoch(EpochReport report) {
    }
}
