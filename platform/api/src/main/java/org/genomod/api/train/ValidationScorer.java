package org.genomod.api.train;

import java.util.Map;
import org.genomod.api.eval.Predictions;

/** Turns validation predictions into the scalars early stopping and model selection compare. */
@FunctionalInterface
public interface ValidationScorer {
    ValidationScorer NONE = predictions -> Map.of();

    Map<String, Double> score(Predictions predictions);
}
