package org.genomod.reader.intervals.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.genomod.api.data.InputFormatException;
import org.genomod.api.data.TaskType;

/**
 * What the labels are and how each window gets its label values.
 * <ul>
 *   <li>positives: no label source; the intervals' windows are 1 and negatives 0 (binary);</li>
 *   <li>overlap: one task per label file or per distinct name; a task is 1 where one of its peaks
 *       overlaps the window's centre bin enough ({@link IntervalIndex#hits}); binary for one task,
 *       multi-label for more;</li>
 *   <li>value: the interval's score or signal value (regression); negatives 0.</li>
 * </ul>
 * Shuffled negatives have no genomic position, so every task is 0 for them.
 */
final class LabelPlan {
    enum Mode { POSITIVES, OVERLAP, VALUE }

    private final Mode mode;
    private final TaskType task;
    private final List<String> outputs;
    /** Per output, in output order (overlap mode). */
    private final List<IntervalIndex> peaks;
    private final WindowShape shape;
    private final int bin;
    private final double minOverlap;

    private LabelPlan(Mode mode, TaskType task, List<String> outputs, List<IntervalIndex> peaks, WindowShape shape, int bin,
                      double minOverlap) {
        this.mode = mode;
        this.task = task;
        this.outputs = List.copyOf(outputs);
        this.peaks = List.copyOf(peaks);
        this.shape = shape;
        this.bin = Math.min(bin, shape.length());
        this.minOverlap = minOverlap;
    }

    /**
     * @param tasks    label peaks per task name, in the order the tasks were given (overlap mode), else empty
     * @param expected a trained model's outputs in its order; empty when training decides them
     */
    static LabelPlan resolve(ReaderOptions options, Map<String, IntervalIndex> tasks, List<String> expected)
            throws InputFormatException {
        Path path = options.path();
        if (!tasks.isEmpty()) {
            List<String> outputs = expected.isEmpty() ? new ArrayList<>(tasks.keySet()) : expected;
            if (!expected.isEmpty() && !new HashSet<>(expected).equals(tasks.keySet())) {
                throw new InputFormatException(path, 0, "the label tasks " + tasks.keySet() + " differ from the model's outputs "
                        + expected);
            }
            List<IntervalIndex> peaks = new ArrayList<>();
            outputs.forEach(o -> peaks.add(tasks.get(o)));
            return new LabelPlan(Mode.OVERLAP, outputs.size() == 1 ? TaskType.BINARY : TaskType.MULTILABEL, outputs, peaks,
                    options.shape(), options.labelBin(), options.minOverlap());
        }
        boolean value = options.labelColumn() == ReaderOptions.LabelColumn.SCORE
                || options.labelColumn() == ReaderOptions.LabelColumn.SIGNAL_VALUE;
        if (value && expected.size() > 1) {
            throw new InputFormatException(path, 0, "the model has the outputs " + expected + ", but label_column "
                    + options.labelColumn().name().toLowerCase(java.util.Locale.ROOT) + " gives a single target");
        }
        // Prediction drops label sources: the windows then carry the model's outputs, unlabelled.
        List<String> outputs = expected.isEmpty() ? List.of(options.taskName()) : expected;
        TaskType task = value ? TaskType.REGRESSION : outputs.size() == 1 ? TaskType.BINARY : TaskType.MULTILABEL;
        return new LabelPlan(value ? Mode.VALUE : Mode.POSITIVES, task, outputs, List.of(), options.shape(),
                options.labelBin(), options.minOverlap());
    }

    Mode mode() {
        return mode;
    }

    TaskType task() {
        return task;
    }

    List<String> outputs() {
        return outputs;
    }

    /** The centre bin actually used (the label bin, capped at the window). */
    int bin() {
        return bin;
    }

    /** Writes the label values of {@code window} to {@code dest} at {@code offset}. */
    void labels(Window window, Reference reference, float[] dest, int offset) {
        switch (mode) {
            case POSITIVES -> dest[offset] = window.kind == Window.Kind.INTERVAL ? 1f : 0f;
            case VALUE -> dest[offset] = window.kind == Window.Kind.INTERVAL ? (float) window.value : 0f;
            case OVERLAP -> {
                boolean located = window.kind != Window.Kind.SHUFFLED;
                int[] centre = shape.centreBin(window.start, bin, window.minus);
                String contig = reference.name(window.contig);
                for (int t = 0; t < peaks.size(); t++) {
                    dest[offset + t] = located && peaks.get(t).hits(contig, centre[0], centre[1], minOverlap) ? 1f : 0f;
                }
            }
        }
    }
}
