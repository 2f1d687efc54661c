package org.genomod.reader.intervals.internal;

import java.util.HashSet;
import java.util.Set;

/**
 * Checks the order tabix, {@code bedtools --sorted} and genome browsers' indexers need: the intervals of
 * a contig together, by ascending start. The order of the contigs themselves is free.
 */
final class SortOrder {
    private final Set<String> finished = new HashSet<>();
    private String contig;
    private int start;
    private long line;

    /** Records {@code r}; returns why it breaks the order, or {@code null} when it does not. */
    String next(IntervalRecord r) {
        String problem = null;
        if (r.contig.equals(contig)) {
            if (r.start < start) {
                problem = r.contig + ":" + r.start + " comes after " + contig + ":" + start + " (line " + line + ")";
            }
        } else {
            if (finished.contains(r.contig)) {
                problem = r.contig + " appears again after the intervals of " + contig + " (line " + line + ")";
            }
            if (contig != null) {
                finished.add(contig);
            }
        }
        contig = r.contig;
        start = r.start;
        line = r.line;
        return problem == null ? null : problem + ", so the file is not sorted; sort it with: sort -k1,1 -k2,2n";
    }
}
