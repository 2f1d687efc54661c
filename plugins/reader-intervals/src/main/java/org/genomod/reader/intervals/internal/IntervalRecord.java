package org.genomod.reader.intervals.internal;

/**
 * One interval as parsed, in BED coordinates (0-based, end-exclusive) whatever the file's own
 * convention. Mutable and reused by {@link IntervalParser} so that streaming allocates little.
 */
final class IntervalRecord {
    /** No summit given (narrowPeak's -1, or a format without summits). */
    static final int NO_SUMMIT = -1;

    String contig;
    int start;
    int end;
    /** {@code '+'}, {@code '-'} or {@code '.'} (unknown). */
    char strand;
    /** {@code null} when the file has no name column or the name is {@code .}. */
    String name;
    /** BED score; NaN when absent or {@code .}. */
    double score;
    /** narrowPeak signalValue; NaN otherwise. */
    double signal;
    /** Offset of the summit from {@link #start}, or {@link #NO_SUMMIT}. */
    int summit;
    long line;

    int length() {
        return end - start;
    }

    /** The samtools-style region, 1-based and closed: {@code chr1:1001-2000}. */
    String region() {
        return contig + ":" + (start + 1L) + "-" + end;
    }

    void clear() {
        contig = null;
        start = 0;
        end = 0;
        strand = '.';
        name = null;
        score = Double.NaN;
        signal = Double.NaN;
        summit = NO_SUMMIT;
        line = 0;
    }
}
