package org.genomod.model.multimodal.internal;

import java.util.List;
import java.util.Map;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.param.Parameters;
import org.genomod.dl4j.Dl4jGraphModel;

/**
 * What a schema and the hyper-parameters resolve to: the inputs with their branches, the tasks with their
 * loss weights, and the settings of the layers after the merge.
 *
 * @param weights      each task's loss weight, in task order
 * @param sharedHidden units per shared layer after the merge
 * @param headHidden   units per layer of each task's own head
 * @param loss         every task's loss, one of {@code OutputHead.LOSSES}
 */
record Architecture(List<Segment> segments, Map<String, Branch> branches, List<Task> tasks, double[] weights,
                    List<Integer> sharedHidden, List<Integer> headHidden, String activation, double dropout, double l2, String loss) {

    /** @throws IllegalArgumentException for settings that do not fit the data ({@code check} lists them first) */
    static Architecture of(DatasetSchema schema, Parameters p) {
        return of(schema, p, false);
    }

    /**
     * @param inherited whether the hyper-parameters are a saved model's, which may be a fine-tuned model's or
     *                  its parent's: task weights for tasks the data lacks are then left out
     */
    static Architecture of(DatasetSchema schema, Parameters p, boolean inherited) {
        List<Segment> segments = Segment.of(schema);
        List<Task> tasks = Task.of(schema);
        return new Architecture(segments, MultimodalHyperParameters.branches(p, segments), tasks,
                MultimodalHyperParameters.taskWeights(p, tasks, inherited),
                p.integers(MultimodalHyperParameters.SHARED_HIDDEN), p.integers(MultimodalHyperParameters.HEAD_HIDDEN),
                p.string(MultimodalHyperParameters.ACTIVATION), p.number(MultimodalHyperParameters.DROPOUT),
                p.number(MultimodalHyperParameters.L2), p.string(MultimodalHyperParameters.LOSS));
    }

    /** The graph's input for each segment: flat for dense branches, channels-first for convolutions. */
    List<Dl4jGraphModel.Input> inputs() {
        return segments.stream().map(s -> new Dl4jGraphModel.Input(s.offset(), s.shape(),
                branches.get(s.name()).conv() ? org.genomod.dl4j.InputLayout.CHANNELS_FIRST : org.genomod.dl4j.InputLayout.FLAT)).toList();
    }

    /** The graph's output for each task: its columns. */
    List<Dl4jGraphModel.Output> outputs() {
        return tasks.stream().map(t -> new Dl4jGraphModel.Output(t.first(), t.count())).toList();
    }
}
