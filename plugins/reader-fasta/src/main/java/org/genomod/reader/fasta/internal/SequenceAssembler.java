package org.genomod.reader.fasta.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.genomod.api.data.InputFormatException;

/**
 * Joins the pieces of each parsed record into one sequence of ASCII codes, rejecting the first
 * character outside the alphabet with the line it is on and its position in the record, and hands
 * complete records on. Once checked, every character is below 128, so a byte holds it.
 */
final class SequenceAssembler implements RecordParser.Sink {
    /** Receives complete records. */
    interface Receiver {
        void accept(SequenceRecord record) throws IOException;
    }

    private final Path file;
    private final Alphabet alphabet;
    private final Receiver receiver;
    /** The record's bases so far; reused from record to record, so only the final copy is allocated. */
    private byte[] bases = new byte[1 << 12];
    private int length;
    private String id;
    private String label;
    private long line;

    SequenceAssembler(Path file, Alphabet alphabet, Receiver receiver) {
        this.file = file;
        this.alphabet = alphabet;
        this.receiver = receiver;
    }

    @Override
    public void begin(String id, String label, long line) {
        this.id = id;
        this.label = label;
        this.line = line;
        length = 0;
    }

    @Override
    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): exact for ASCII, and copies without allocating
    public void bases(String piece, long pieceLine) throws IOException {
        int bad = alphabet.firstInvalid(piece);
        if (bad >= 0) {
            throw new InputFormatException(file, pieceLine,
                    "record '" + id + "': " + alphabet.describeInvalid(piece.charAt(bad), (long) length + bad + 1));
        }
        int n = piece.length();
        if (length + n > bases.length) {
            bases = Arrays.copyOf(bases, Math.max(bases.length * 2, length + n));
        }
        piece.getBytes(0, n, bases, length);
        length += n;
    }

    @Override
    public void end() throws IOException {
        receiver.accept(new SequenceRecord(id, Arrays.copyOf(bases, length), label, line));
    }
}
