package org.genomod.reader.fasta.internal;

import org.genomod.reader.support.LineSource;
import java.io.IOException;

/**
 * Parses one file format, streaming: records are handed on piece by piece (a FASTA sequence line by
 * line), so a chromosome-sized record never has to be held unless the receiver wants it.
 */
interface RecordParser {

    /** Receives records in file order; may reject one by throwing. */
    interface Sink {
        /** A record starts on {@code line}; {@code label} is the label it carries itself, {@code null} for none. */
        void begin(String id, String label, long line) throws IOException;

        /** The next piece of the current record's sequence, as written on {@code line}. */
        void bases(String bases, long line) throws IOException;

        /** FASTQ only: the current record's quality string, already checked against the sequence. */
        default void qualities(String qualities, long line) throws IOException {
        }

        /** The current record is complete and has at least one base. */
        void end() throws IOException;
    }

    /** @throws org.genomod.api.data.InputFormatException for malformed input, naming file and line */
    void parse(LineSource lines, Sink sink) throws IOException;
}
