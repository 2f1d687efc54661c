package org.genomod.reader.fasta.internal;

/**
 * The record ids seen so far, in bounded memory: each id is kept as a 64-bit fingerprint with a
 * fingerprint of its record's content and the line it was first used on (24 bytes, in an open-addressing
 * table), never as a string. Beyond {@link #CAPACITY} ids it stops remembering (a FASTQ run has hundreds
 * of millions of reads) and says so. Two different ids share a fingerprint with a chance of about
 * n²/2⁶⁵: 3·10⁻⁸ at the capacity.
 */
final class IdRegistry {
    static final int CAPACITY = 1 << 20;

    /** An earlier record with the same id. */
    record Earlier(long line, boolean sameContent) {
    }

    private long[] ids = new long[1 << 10];
    private long[] contents = new long[ids.length];
    private long[] lines = new long[ids.length];
    private int size;
    private boolean full;

    /**
     * Remembers {@code id}, unless the registry is full.
     *
     * @param content a fingerprint of what makes two records with this id the same (sequence and label)
     * @return the earlier record with this id, or {@code null} when there is none (or the registry is full)
     */
    Earlier register(String id, long content, long line) {
        long key = fingerprint(id);
        int slot = find(key);
        if (ids[slot] == key) {
            return new Earlier(lines[slot], contents[slot] == content);
        }
        if (size == CAPACITY) {
            full = true;
            return null;
        }
        ids[slot] = key;
        contents[slot] = content;
        lines[slot] = line;
        if (++size * 2 > ids.length) {
            grow();
        }
        return null;
    }

    /** Whether ids after the first {@link #CAPACITY} went unchecked. */
    boolean full() {
        return full;
    }

    /** A 64-bit FNV-1a hash of the characters, never 0 (0 marks an empty slot). */
    static long fingerprint(CharSequence s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0, n = s.length(); i < n; i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return h == 0 ? 1 : h;
    }

    private int find(long key) {
        int mask = ids.length - 1;
        int slot = (int) (mix(key) & mask);
        while (ids[slot] != 0 && ids[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** Spreads FNV's low bits, which index the table (the MurmurHash3 finaliser). */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    private void grow() {
        long[] oldIds = ids;
        long[] oldContents = contents;
        long[] oldLines = lines;
        ids = new long[oldIds.length * 2];
        contents = new long[ids.length];
        lines = new long[ids.length];
        for (int i = 0; i < oldIds.length; i++) {
            if (oldIds[i] != 0) {
                int slot = find(oldIds[i]);
                ids[slot] = oldIds[i];
                contents[slot] = oldContents[i];
                lines[slot] = oldLines[i];
            }
        }
    }
}
