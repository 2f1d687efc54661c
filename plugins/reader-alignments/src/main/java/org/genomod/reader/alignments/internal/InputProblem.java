package org.genomod.reader.alignments.internal;

import org.genomod.api.data.InputFormatException;

/**
 * Carries an {@link InputFormatException} through code that cannot throw checked exceptions
 * (htsjdk callbacks such as a CRAM reference source, iterators); unwrapped where the read is driven.
 */
final class InputProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InputProblem(InputFormatException cause) {
        super(cause.getMessage(), cause);
    }

    InputFormatException problem() {
        return (InputFormatException) getCause();
    }
}
