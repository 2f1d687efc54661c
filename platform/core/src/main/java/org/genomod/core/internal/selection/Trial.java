package org.genomod.core.internal.selection;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.genomod.api.param.Parameters;
import org.genomod.api.train.TrainingOptions;

/**
 * One configuration a search tries.
 *
 * @param number          1-based, in the order the search runs them
 * @param assignment      the searched keys ({@code model.*}, {@code training.*}) and this trial's values
 * @param hyperParameters the family's hyper-parameters with this trial's values, validated
 * @param options         the training options with this trial's values
 */
public record Trial(int number, Map<String, Object> assignment, Parameters hyperParameters, TrainingOptions options) {
    public Trial {
        assignment = Collections.unmodifiableMap(new LinkedHashMap<>(assignment));
    }

    /** "model.hidden=[64], training.learning_rate=0.01", or "the spec's configuration" when nothing is searched. */
    public String describe() {
        if (assignment.isEmpty()) {
            return "the spec's configuration";
        }
        StringBuilder s = new StringBuilder();
        assignment.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append('=').append(v));
        return s.toString();
    }
}
