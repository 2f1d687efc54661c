package org.genomod.interpret.ism.internal;

import java.io.IOException;
import org.genomod.api.data.Dataset;

/**
 * Queues every single-base substitution of the chosen sequences, window by window: for each window its
 * unmutated form, then three mutants of each position it owns. Only one sequence's features and one
 * batch are held at a time.
 */
final class Mutagenesis {
    private final Dataset dataset;
    private final SequenceLayout layout;
    private final Tiling tiling;
    private long positions;
    private long skipped;

    Mutagenesis(Dataset dataset, SequenceLayout layout, Tiling tiling) {
        this.dataset = dataset;
        this.layout = layout;
        this.tiling = tiling;
    }

    void run(int[] sequences, MutantBatches queue) throws IOException {
        float[] features = new float[layout.length() * SequenceLayout.CHANNELS];
        for (int sequence : sequences) {
            dataset.features(sequence, features, 0);
            for (int w = 0; w < tiling.count(); w++) {
                int start = tiling.start(w);
                queue.reference(sequence, features, start);
                for (int p = tiling.ownedFrom(w); p < tiling.ownedTo(w); p++) {
                    int ref = SequenceLayout.base(features, p);
                    if (ref < 0) {
                        skipped++;
                        continue;
                    }
                    positions++;
                    for (int alt = 0; alt < SequenceLayout.CHANNELS; alt++) {
                        if (alt != ref) {
                            queue.mutant(sequence, features, start, p, ref, alt);
                        }
                    }
                }
            }
        }
        queue.flush();
    }

    /** Positions mutated. */
    long positions() {
        return positions;
    }

    /** Positions left alone because they hold no single base (padding, N and other ambiguity codes). */
    long skipped() {
        return skipped;
    }
}
