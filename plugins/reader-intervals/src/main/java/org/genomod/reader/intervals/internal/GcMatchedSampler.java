package org.genomod.reader.intervals.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import org.genomod.api.train.Cancellation;

/**
 * Background windows whose GC content follows the positives'. The allowed contigs are tiled with
 * windows (at a random phase per contig); a tile is a candidate when it is free of N and other
 * ambiguity codes and overlaps neither a positive nor the blacklist. Each GC bin keeps a uniform
 * reservoir sample of as many candidates as it needs, so one sequential pass over the reference
 * suffices and memory holds only the chosen positions.
 */
final class GcMatchedSampler {
    private final Reference reference;
    private final int length;
    private final int bins;

    GcMatchedSampler(Reference reference, int length, int bins) {
        this.reference = reference;
        this.length = length;
        this.bins = bins;
    }

    /** The GC bin of a window's bases, counting called bases (A, C, G, T) only; -1 when there are none. */
    int bin(byte[] bases) {
        int gc = 0;
        int called = 0;
        for (byte b : bases) {
            gc += b == 'G' || b == 'C' ? 1 : 0;
            called += Bases.isAcgt(b) ? 1 : 0;
        }
        return called == 0 ? -1 : Math.min(bins - 1, (int) ((long) gc * bins / called));
    }

    int bins() {
        return bins;
    }

    /**
     * @param wanted   windows wanted per GC bin
     * @param allowed  per reference contig, whether background may come from it
     * @param excluded intervals background must not overlap: positives (windows and intervals), label peaks, blacklist
     * @return the chosen windows in genome order, without bases; fewer than wanted when a bin runs short
     */
    List<Window> sample(int[] wanted, boolean[] allowed, List<IntervalIndex> excluded, SplittableRandom random,
                        Cancellation cancellation) throws IOException {
        long[][] reservoir = new long[bins][];
        long[] seen = new long[bins];
        for (int b = 0; b < bins; b++) {
            reservoir[b] = new long[wanted[b]];
        }
        int tilesPerChunk = Math.max(1, WindowFetcher.CHUNK / length);
        for (int contig = 0; contig < reference.contigCount(); contig++) {
            int contigLength = reference.length(contig);
            if (!allowed[contig] || contigLength < length) {
                continue;
            }
            String name = reference.name(contig);
            int phase = random.nextInt(Math.min(length, contigLength - length + 1));
            for (int t = phase; (long) t + length <= contigLength; ) {
                if (cancellation.isCancelled()) {
                    throw new CancellationException("sampling background windows was cancelled: " + cancellation.reason());
                }
                int tiles = (int) Math.min(tilesPerChunk, ((long) contigLength - t) / length);
                byte[] chunk = reference.read(contig, t, t + tiles * length).bases();
                for (int k = 0; k < tiles; k++, t += length) {
                    int bin = candidateBin(chunk, k * length);
                    if (bin < 0 || wanted[bin] == 0 || overlapsAny(excluded, name, t)) {
                        continue;
                    }
                    long position = (long) contig << 32 | t;
                    long n = ++seen[bin];
                    if (n <= wanted[bin]) {
                        reservoir[bin][(int) n - 1] = position;
                    } else {
                        long j = random.nextLong(n);
                        if (j < wanted[bin]) {
                            reservoir[bin][(int) j] = position;
                        }
                    }
                }
            }
        }
        int total = 0;
        for (int b = 0; b < bins; b++) {
            total += (int) Math.min(seen[b], wanted[b]);
        }
        long[] chosen = new long[total];
        int k = 0;
        for (int b = 0; b < bins; b++) {
            int found = (int) Math.min(seen[b], wanted[b]);
            System.arraycopy(reservoir[b], 0, chosen, k, found);
            k += found;
        }
        Arrays.sort(chosen);
        List<Window> windows = new ArrayList<>(total);
        for (long position : chosen) {
            windows.add(new Window(Window.Kind.BACKGROUND, (int) (position >>> 32), (int) position, false, Double.NaN, 0));
        }
        return windows;
    }

    private boolean overlapsAny(List<IntervalIndex> excluded, String contig, int start) {
        for (IntervalIndex index : excluded) {
            if (index.overlaps(contig, start, start + length)) {
                return true;
            }
        }
        return false;
    }

    /** The GC bin of the tile at {@code from}, or -1 when the tile holds anything but A, C, G, T. */
    private int candidateBin(byte[] chunk, int from) {
        int gc = 0;
        for (int i = from, end = from + length; i < end; i++) {
            byte b = chunk[i];
            if (!Bases.isAcgt(b)) {
                return -1;
            }
            gc += b == 'G' || b == 'C' ? 1 : 0;
        }
        return Math.min(bins - 1, (int) ((long) gc * bins / length));
    }
}
