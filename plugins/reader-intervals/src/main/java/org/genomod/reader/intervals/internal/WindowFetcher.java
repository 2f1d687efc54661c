package org.genomod.reader.intervals.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.genomod.api.train.Cancellation;

/**
 * Fills windows with their reference bases. Windows are visited in genome order and read through a
 * buffer spanning as many neighbouring windows as fit in {@value #CHUNK} bases, so a bgzip reference is
 * decompressed about once rather than once per window, and memory stays bounded by the chunk.
 */
final class WindowFetcher {
    static final int CHUNK = 1 << 20;
    private static final int CANCELLATION_INTERVAL = 4096;
    private final Reference reference;
    private final int length;
    private byte[] buffer = new byte[0];
    private boolean bufferAcgt;
    private int bufferContig = -1;
    private int bufferStart;
    private int bufferEnd;

    WindowFetcher(Reference reference, int length) {
        this.reference = reference;
        this.length = length;
    }

    /**
     * Sets {@link Window#bases} of every window: reference bases (upper case), {@link Bases#PAD} where
     * the window runs off the contig, reverse-complemented for {@code -} strand windows.
     */
    void fetch(List<Window> windows, Cancellation cancellation, String what) throws IOException {
        Window[] order = windows.toArray(Window[]::new);
        Arrays.sort(order, Comparator.<Window>comparingInt(w -> w.contig).thenComparingInt(w -> w.start));
        for (int i = 0; i < order.length; i++) {
            if (i % CANCELLATION_INTERVAL == 0 && cancellation.isCancelled()) {
                throw new CancellationException("reading " + what + " was cancelled: " + cancellation.reason());
            }
            Window w = order[i];
            byte[] bases = new byte[length];
            int from = Math.max(0, w.start);
            int to = (int) Math.min(reference.length(w.contig), (long) w.start + length);
            if (to > from) {
                if (w.contig != bufferContig || from < bufferStart || to > bufferEnd) {
                    load(order, i, from);
                }
                System.arraycopy(buffer, from - bufferStart, bases, from - w.start, to - from);
            }
            if (w.minus) {
                Bases.reverseComplement(bases, 0, length);
            }
            w.bases = bases;
            // A chunk of plain bases vouches for every whole window in it; only others need a look.
            w.acgt = to - from == length && (bufferAcgt || OneHot.onlyAcgt(bases));
        }
    }

    /** Loads from {@code from} to the end of the last window (from {@code first} on) that fits in a chunk. */
    private void load(Window[] order, int first, int from) throws IOException {
        int contig = order[first].contig;
        long end = (long) order[first].start + length;
        for (int j = first + 1; j < order.length && order[j].contig == contig; j++) {
            long next = (long) order[j].start + length;
            if (next - from > Math.max(CHUNK, length)) {
                break;
            }
            end = Math.max(end, next);
        }
        int to = (int) Math.min(reference.length(contig), end);
        Reference.Chunk chunk = reference.read(contig, from, to);
        buffer = chunk.bases();
        bufferAcgt = chunk.acgt();
        bufferContig = contig;
        bufferStart = from;
        bufferEnd = to;
    }
}
