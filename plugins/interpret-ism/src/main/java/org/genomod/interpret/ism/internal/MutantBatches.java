package org.genomod.interpret.ism.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import org.genomod.api.model.Batch;
import org.genomod.api.model.Model;
import org.genomod.api.train.Cancellation;

/**
 * Queues reference windows and single-base mutants of them into one fixed-size batch, predicts the
 * batch when it is full and hands the scores to a {@link MutationSink} in queue order. A reference
 * window is queued before its mutants, so its score is known when theirs arrive. The batch's arrays are
 * allocated once: memory is {@code batchSize × window × 4} floats whatever the number or length of the
 * sequences.
 */
final class MutantBatches {
    private static final int REFERENCE = -1;

    private final Model model;
    private final OutputScore score;
    private final MutationSink sink;
    private final Cancellation cancellation;
    private final int windowValues;
    private final int capacity;
    private final float[] features;
    private final int[] sequences;
    private final int[] starts;
    private final int[] positions;
    private final int[] refs;
    private final int[] alts;
    private int queued;
    private double referenceScore = Double.NaN;
    private long predicted;

    MutantBatches(Model model, OutputScore score, SequenceLayout layout, int batchSize, MutationSink sink,
                  Cancellation cancellation) {
        this.model = model;
        this.score = score;
        this.sink = sink;
        this.cancellation = cancellation;
        this.windowValues = layout.windowValues();
        this.capacity = batchSize;
        this.features = new float[batchSize * windowValues];
        this.sequences = new int[batchSize];
        this.starts = new int[batchSize];
        this.positions = new int[batchSize];
        this.refs = new int[batchSize];
        this.alts = new int[batchSize];
    }

    /** Queues the unmutated window of {@code sequence} starting at {@code start}. */
    void reference(int sequence, float[] features, int start) throws IOException {
        slot(sequence, features, start, -1, -1, REFERENCE);
    }

    /** Queues the window with base {@code ref} at {@code position} (in the sequence) replaced by {@code alt}. */
    void mutant(int sequence, float[] features, int start, int position, int ref, int alt) throws IOException {
        slot(sequence, features, start, position, ref, alt);
    }

    private void slot(int sequence, float[] source, int start, int position, int ref, int alt) throws IOException {
        int offset = queued * windowValues;
        System.arraycopy(source, start * SequenceLayout.CHANNELS, features, offset, windowValues);
        if (alt != REFERENCE) {
            int row = offset + (position - start) * SequenceLayout.CHANNELS;
            features[row + ref] = 0f;
            features[row + alt] = 1f;
        }
        sequences[queued] = sequence;
        starts[queued] = start;
        positions[queued] = position;
        refs[queued] = ref;
        alts[queued] = alt;
        if (++queued == capacity) {
            flush();
        }
    }

    /** Predicts what is queued and hands it on. */
    void flush() throws IOException {
        if (queued == 0) {
            return;
        }
        if (cancellation.isCancelled()) {
            throw new CancellationException("in-silico mutagenesis was cancelled: " + cancellation.reason());
        }
        int size = queued;
        queued = 0;
        float[] scores = model.predict(new Batch(size, size == capacity ? features : Arrays.copyOf(features, size * windowValues), null));
        predicted += size;
        for (int i = 0; i < size; i++) {
            double s = score.of(scores, i);
            if (alts[i] == REFERENCE) {
                referenceScore = s;
                sink.reference(sequences[i], starts[i], s);
            } else {
                sink.mutant(sequences[i], positions[i], refs[i], alts[i], referenceScore, s);
            }
        }
    }

    /** Windows predicted so far, references included. */
    long predicted() {
        return predicted;
    }
}
