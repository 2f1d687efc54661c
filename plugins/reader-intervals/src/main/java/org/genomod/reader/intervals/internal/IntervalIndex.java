package org.genomod.reader.intervals.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The union of a set of intervals per contig, as sorted disjoint regions. Merging first makes
 * overlapping peaks of one file count once and turns every query into a binary search over two int
 * arrays, leaner than an interval tree that keeps each interval.
 */
final class IntervalIndex {
    static final IntervalIndex EMPTY = new IntervalIndex(Map.of());

    /** Region starts and ends per contig; both ascending, regions disjoint and not adjacent. */
    private final Map<String, int[][]> regions;

    private IntervalIndex(Map<String, int[][]> regions) {
        this.regions = regions;
    }

    static Builder builder() {
        return new Builder();
    }

    Set<String> contigs() {
        return regions.keySet();
    }

    boolean isEmpty() {
        return regions.isEmpty();
    }

    /** Whether any base of {@code [start, end)} lies in a region. */
    boolean overlaps(String contig, int start, int end) {
        int[][] r = regions.get(contig);
        if (r == null || end <= start) {
            return false;
        }
        int i = firstEndingAfter(r[1], start);
        return i < r[0].length && r[0][i] < end;
    }

    /**
     * Whether a region overlaps {@code [start, end)} by at least {@code fraction} of the shorter of
     * the two (and by at least one base): a long peak must cover that share of the bin, a peak shorter
     * than the bin that share of itself.
     */
    boolean hits(String contig, int start, int end, double fraction) {
        int[][] r = regions.get(contig);
        if (r == null || end <= start) {
            return false;
        }
        for (int i = firstEndingAfter(r[1], start); i < r[0].length && r[0][i] < end; i++) {
            int overlap = Math.min(end, r[1][i]) - Math.max(start, r[0][i]);
            int shorter = Math.min(end - start, r[1][i] - r[0][i]);
            if (overlap >= fraction * shorter) {
                return true;
            }
        }
        return false;
    }

    /** The index of the first region whose end exceeds {@code position}. */
    private static int firstEndingAfter(int[] ends, int position) {
        int low = 0;
        int high = ends.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (ends[mid] <= position) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** Collects intervals in any order. */
    static final class Builder {
        private final Map<String, long[]> packed = new HashMap<>();
        private final Map<String, Integer> counts = new HashMap<>();

        /** Adds {@code [start, end)}; empty intervals cover nothing and are ignored. */
        Builder add(String contig, int start, int end) {
            if (end <= start) {
                return this;
            }
            int n = counts.getOrDefault(contig, 0);
            long[] a = packed.get(contig);
            if (a == null || n == a.length) {
                a = a == null ? new long[16] : Arrays.copyOf(a, a.length * 2);
                packed.put(contig, a);
            }
            a[n] = (long) start << 32 | end; // sorts by start, then end
            counts.put(contig, n + 1);
            return this;
        }

        IntervalIndex build() {
            Map<String, int[][]> regions = new HashMap<>();
            packed.forEach((contig, a) -> regions.put(contig, merge(a, counts.get(contig))));
            return new IntervalIndex(regions);
        }

        private static int[][] merge(long[] a, int n) {
            Arrays.sort(a, 0, n);
            int[] starts = new int[n];
            int[] ends = new int[n];
            int m = 0;
            for (int i = 0; i < n; i++) {
                int start = (int) (a[i] >>> 32);
                int end = (int) a[i];
                if (m > 0 && start <= ends[m - 1]) {
                    ends[m - 1] = Math.max(ends[m - 1], end);
                } else {
                    starts[m] = start;
                    ends[m] = end;
                    m++;
                }
            }
            return new int[][] {Arrays.copyOf(starts, m), Arrays.copyOf(ends, m)};
        }
    }
}
