package org.genomod.interpret.ism.internal;

import java.io.IOException;

/** Receives scored windows and mutants in the order they were queued. */
interface MutationSink {

    /** The unmutated window of sequence {@code sequence} starting at {@code start} scored {@code score}. */
    default void reference(int sequence, int start, double score) throws IOException {
    }

    /**
     * Base {@code ref} at {@code position} replaced by {@code alt} (channel indices) moved the score of
     * the window that owns the position from {@code refScore} to {@code altScore}.
     */
    default void mutant(int sequence, int position, int ref, int alt, double refScore, double altScore) throws IOException {
    }
}
