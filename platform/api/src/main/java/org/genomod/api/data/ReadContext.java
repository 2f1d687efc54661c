package org.genomod.api.data;

import java.util.List;
import java.util.Optional;
import org.genomod.api.train.Cancellation;

/**
 * What the caller expects of a read.
 *
 * @param labelsRequired whether every record must carry a label (training) or labels are optional (prediction)
 * @param outputs        the output names a trained model expects, in its order; empty when training decides them
 * @param cancellation   checked between records so a long read can be stopped
 */
public record ReadContext(boolean labelsRequired, List<String> outputs, Cancellation cancellation) {

    public ReadContext {
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
        cancellation = cancellation == null ? Cancellation.NEVER : cancellation;
    }

    public static ReadContext forTraining(Cancellation cancellation) {
        return new ReadContext(true, List.of(), cancellation);
    }

    public static ReadContext forPrediction(List<String> outputs) {
        return new ReadContext(false, outputs, Cancellation.NEVER);
    }

    public Optional<List<String>> expectedOutputs() {
        return outputs.isEmpty() ? Optional.empty() : Optional.of(outputs);
    }
}
