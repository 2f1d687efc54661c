package org.genomod.reader.alignments.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Per-position tallies of a sliding pileup, in a ring that holds the positions from the first one not
 * yet finished to the furthest one a read reaches. It grows to the longest read span it meets, so its
 * memory is bounded by read length, not by contig length.
 */
final class SiteTallies {
    /** Values per position: bases A, C, G, T, N (quality-filtered), then reads with a deletion across it. */
    static final int DELETIONS = 5;
    private static final int SLOTS = 6;

    private int capacity = 1024;
    private long first = 1;
    private int[] counts = new int[capacity * SLOTS];
    private List<IndelAllele>[] indels = newIndelSlots(capacity);

    @SuppressWarnings("unchecked")
    private static List<IndelAllele>[] newIndelSlots(int n) {
        return (List<IndelAllele>[]) new List<?>[n];
    }

    /** Discards everything and starts the ring at {@code position}. */
    void reset(long position) {
        Arrays.fill(counts, 0);
        Arrays.fill(indels, null);
        first = position;
    }

    long first() {
        return first;
    }

    /** Makes room up to {@code last}, growing the ring when a read reaches further than it holds. */
    void reach(long last) {
        long needed = last - first + 1;
        if (needed <= capacity) {
            return;
        }
        int grown = capacity;
        while (grown < needed) {
            grown *= 2;
        }
        int[] newCounts = new int[grown * SLOTS];
        List<IndelAllele>[] newIndels = newIndelSlots(grown);
        for (long p = first; p < first + capacity; p++) {
            int from = slot(p, capacity);
            int to = slot(p, grown);
            System.arraycopy(counts, from * SLOTS, newCounts, to * SLOTS, SLOTS);
            newIndels[to] = indels[from];
        }
        capacity = grown;
        counts = newCounts;
        indels = newIndels;
    }

    private static int slot(long position, int capacity) {
        return (int) (position & (capacity - 1));
    }

    void addBase(long position, int code) {
        counts[slot(position, capacity) * SLOTS + code]++;
    }

    void addDeletion(long position) {
        counts[slot(position, capacity) * SLOTS + DELETIONS]++;
    }

    /** Counts one read showing {@code allele} after {@code anchor}; returns the tally's own instance. */
    IndelAllele addIndel(long anchor, IndelAllele allele) {
        int s = slot(anchor, capacity);
        List<IndelAllele> here = indels[s];
        if (here == null) {
            here = new ArrayList<>(2);
            indels[s] = here;
        }
        for (IndelAllele known : here) {
            if (known.sameAs(allele)) {
                known.count++;
                return known;
            }
        }
        allele.count = 1;
        here.add(allele);
        return allele;
    }

    int count(long position, int what) {
        return counts[slot(position, capacity) * SLOTS + what];
    }

    /** Reads counted at the position: bases of sufficient quality plus deletions across it (samtools' depth). */
    int depth(long position) {
        int base = slot(position, capacity) * SLOTS;
        int sum = 0;
        for (int i = 0; i < SLOTS; i++) {
            sum += counts[base + i];
        }
        return sum;
    }

    /** The indel alleles anchored at the position; empty when none. */
    List<IndelAllele> indels(long position) {
        List<IndelAllele> here = indels[slot(position, capacity)];
        return here == null ? List.of() : here;
    }

    /** Forgets the first position and moves the ring on by one. */
    void advance() {
        int s = slot(first, capacity);
        Arrays.fill(counts, s * SLOTS, s * SLOTS + SLOTS, 0);
        indels[s] = null;
        first++;
    }
}
