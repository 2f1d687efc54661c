package org.genomod.api.train;

import org.genomod.api.data.Dataset;
import org.genomod.api.model.Model;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Platform service: the mini-batch training loop shared by every model family. Shuffles the training
 * split each epoch from the seed, scores the validation split after each epoch, stops early and
 * restores the best state as {@link EarlyStopping} says, reports progress and honours cancellation
 * between batches.
 */
@ProviderType
public interface Trainer {
    TrainingResult train(Model model, Dataset train, Dataset validation, TrainingOptions options, long seed,
                         ValidationScorer scorer, TrainingListener listener, Cancellation cancellation);
}
