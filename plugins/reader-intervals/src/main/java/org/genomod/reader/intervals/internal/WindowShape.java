package org.genomod.reader.intervals.internal;

/**
 * Where the fixed-length window of an interval lies: {@code length} bases centred on the summit (when
 * {@code summit} is set and the record has one) or on the interval's centre. With {@code strandAware},
 * a {@code -} strand window is the mirror image of a {@code +} strand one, so that after reverse
 * complementing its centre base sits at the same index ({@code length / 2}) as on the {@code +} strand.
 */
record WindowShape(int length, boolean summit, boolean strandAware) {

    /** Whether the window is read from the reverse strand. */
    boolean minus(IntervalRecord r) {
        return strandAware && r.strand == '-';
    }

    /** The 0-based start of the window; may lie before the contig start or run past its end. */
    long start(IntervalRecord r) {
        boolean minus = minus(r);
        long centre;
        if (summit && r.summit != IntervalRecord.NO_SUMMIT) {
            centre = (long) r.start + r.summit;
        } else if (r.length() == 0) {
            centre = r.start;
        } else {
            // The middle base; for an even length, the first base of the second half in reading direction.
            centre = minus ? r.end - 1L - r.length() / 2 : r.start + (long) (r.length() / 2);
        }
        return minus ? centre - (length - 1 - length / 2) : centre - length / 2;
    }

    /** The centre {@code bin} bases of a window starting at {@code start}, as genomic {@code [from, to)}. */
    int[] centreBin(int start, int bin, boolean minus) {
        int b = Math.min(bin, length);
        int first = (length - b) / 2; // index in the encoded (reading-direction) sequence
        int from = minus ? start + length - first - b : start + first;
        return new int[] {from, from + b};
    }
}
