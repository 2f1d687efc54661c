package org.genomod.reader.fasta.internal;

import java.io.IOException;

/** Parses one file format into {@link SequenceRecord}s, streaming: only the current record is held. */
interface RecordParser {

    /** Receives records in file order; may reject one by throwing. */
    interface Sink {
        void accept(SequenceRecord record) throws IOException;
    }

    /** @throws org.genomod.api.data.InputFormatException for malformed input, naming file and line */
    void parse(LineSource lines, Sink sink) throws IOException;

    /**
     * Rejects the first character of {@code bases} that is outside the alphabet, naming the current line.
     *
     * @param basesBefore how many bases of the record precede {@code bases} (FASTA sequences span lines)
     */
    static void requireValid(OneHotEncoder encoder, LineSource lines, String id, String bases, long basesBefore)
            throws IOException {
        int bad = encoder.firstInvalid(bases);
        if (bad >= 0) {
            throw lines.error(lines.lineNumber(),
                    "record '" + id + "': " + encoder.describeInvalid(bases.charAt(bad), basesBefore + bad + 1));
        }
    }
}
