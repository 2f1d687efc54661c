package org.genomod.reader.intervals.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import org.genomod.api.data.InputFormatException;
import org.genomod.api.train.Cancellation;

/** Side files of intervals (label peaks, blacklists) read whole into an {@link IntervalIndex}. */
final class IntervalFiles {
    private IntervalFiles() {
    }

    /**
     * Reads every interval of {@code file}. Contigs the reference lacks are kept out of the index, but
     * a file sharing no contig with the reference is an error: it would silently match nothing, the
     * classic {@code chr20} against {@code 20} mix-up.
     *
     * @param role what the file is for, e.g. {@code "label file for task ctcf"}, for messages
     */
    static IntervalIndex index(Path file, String role, Reference reference, Cancellation cancellation) throws IOException {
        IntervalIndex.Builder index = IntervalIndex.builder();
        IntervalRecord record = new IntervalRecord();
        String firstMissing = null;
        long kept = 0;
        try (IntervalParser parser = IntervalParser.open(file, null)) {
            while (parser.next(record)) {
                if (parser.records() % 4096 == 1 && cancellation.isCancelled()) {
                    throw new CancellationException("reading " + file + " was cancelled: " + cancellation.reason());
                }
                if (reference.contig(record.contig) < 0) {
                    firstMissing = firstMissing == null ? record.contig : firstMissing;
                    continue;
                }
                index.add(record.contig, record.start, record.end);
                kept++;
            }
            if (parser.records() == 0) {
                throw new InputFormatException(file, 0, "has no intervals (" + role + ")");
            }
        }
        if (kept == 0) {
            throw new InputFormatException(file, 0, "shares no contig with the reference (" + role + "): "
                    + reference.describeMissing(firstMissing));
        }
        return index.build();
    }
}
