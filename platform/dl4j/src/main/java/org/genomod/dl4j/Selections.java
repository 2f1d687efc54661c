package org.genomod.dl4j;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Label arrays that select one output's score for {@link ScoreLoss}. */
final class Selections {
    private Selections() {
    }

    /** {@code [examples, columns]}, 1 in {@code column} and 0 elsewhere; detached from any workspace. */
    static INDArray oneHot(int examples, int columns, int column) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            INDArray selection = Nd4j.zeros(DataType.FLOAT, examples, columns);
            if (column >= 0) {
                selection.getColumn(column).assign(1);
            }
            return selection;
        }
    }
}
