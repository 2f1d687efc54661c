package org.genomod.reader.alignments.internal;

import java.util.Arrays;

/**
 * An insertion or deletion right after an anchor base, left-normalised against the reference, with
 * the number of reads showing it at that anchor. A deletion removes {@code length} reference bases
 * after the anchor; an insertion adds {@code inserted} after it.
 */
final class IndelAllele {
    final boolean deletion;
    final int length;
    final byte[] inserted;
    int count;

    private IndelAllele(boolean deletion, int length, byte[] inserted) {
        this.deletion = deletion;
        this.length = length;
        this.inserted = inserted;
    }

    static IndelAllele deletion(int length) {
        return new IndelAllele(true, length, null);
    }

    static IndelAllele insertion(byte[] inserted) {
        return new IndelAllele(false, inserted.length, inserted);
    }

    boolean sameAs(IndelAllele other) {
        return deletion == other.deletion && length == other.length && (deletion || Arrays.equals(inserted, other.inserted));
    }

    /** Deletions first, shorter first; then insertions by length and bases: the order candidates are listed in. */
    int compareTo(IndelAllele other) {
        if (deletion != other.deletion) {
            return deletion ? -1 : 1;
        }
        if (length != other.length) {
            return Integer.compare(length, other.length);
        }
        return deletion ? 0 : Arrays.compare(inserted, other.inserted);
    }
}
