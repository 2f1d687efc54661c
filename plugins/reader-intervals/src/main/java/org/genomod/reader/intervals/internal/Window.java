package org.genomod.reader.intervals.internal;

/**
 * One example: a fixed-length stretch of a reference contig (or a shuffled copy of one), its bases in
 * reading direction once fetched, and what its labels are computed from.
 */
final class Window {
    /** What made the window. */
    enum Kind { INTERVAL, BACKGROUND, SHUFFLED }

    final Kind kind;
    final int contig;
    /** 0-based start; may be negative for a padded window. */
    final int start;
    final boolean minus;
    /** The interval's own value (name task index, score or signal) as the labels need it; NaN for none. */
    final double value;
    /** For shuffled copies: which shuffle of its source (1, 2, ...); 0 otherwise. */
    final int copy;
    byte[] bases;
    /** Whether {@link #bases} are all A, C, G or T (the encoder's fast path). */
    boolean acgt;

    Window(Kind kind, int contig, int start, boolean minus, double value, int copy) {
        this.kind = kind;
        this.contig = contig;
        this.start = start;
        this.minus = minus;
        this.value = value;
        this.copy = copy;
    }

    /** A samtools-style region naming the window, with the strand when reverse-complemented and the kind. */
    String id(Reference reference, int length) {
        String region = reference.name(contig) + ":" + (start + 1L) + "-" + ((long) start + length) + (minus ? "(-)" : "");
        return switch (kind) {
            case INTERVAL -> region;
            case BACKGROUND -> region + "/background";
            case SHUFFLED -> region + "/shuffle" + copy;
        };
    }
}
