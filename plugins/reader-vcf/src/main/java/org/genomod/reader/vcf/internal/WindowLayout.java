package org.genomod.reader.vcf.internal;

/**
 * Places an allele in the middle of a window over the haplotype it makes: the reference with the
 * allele in place of the REF bases. The allele's first base sits at index
 * {@code floor((window - length + 1) / 2)}, so a single base is at {@code window / 2} and a longer
 * allele is centred (the extra base of an odd difference goes to the end, as in reader-fasta); an
 * allele longer than the window is cut to its middle. Flanks come from the reference; positions past
 * a contig end are padding (mask 0).
 */
final class WindowLayout {
    private final int window;

    WindowLayout(int window) {
        this.window = window;
    }

    int window() {
        return window;
    }

    /** Index of the first allele base in the window; negative when the allele is cut. */
    int alleleOffset(int alleleLength) {
        return Math.floorDiv(window - alleleLength + 1, 2);
    }

    /**
     * Writes the window's base masks into {@code dest[offset .. offset + window)}.
     *
     * @param start  first reference position the allele replaces (1-based, the VCF POS)
     * @param end    last reference position it replaces
     * @param allele the allele's bases, or {@code null} for the reference's own bases in {@code [start, end]}
     */
    void write(IndexedReference reference, long start, long end, byte[] allele, byte[] dest, int offset) {
        int length = allele == null ? (int) (end - start + 1) : allele.length;
        int at = alleleOffset(length);
        if (allele == null) {
            reference.copy(start - at, window, dest, offset);
            return;
        }
        // left flank, allele (possibly cut at either side), right flank from the base after REF
        reference.copy(start - at, Math.max(0, at), dest, offset);
        int from = Math.max(0, -at);
        int to = Math.min(length, window - at);
        for (int k = from; k < to; k++) {
            dest[offset + at + k] = (byte) Bases.mask(allele[k]);
        }
        int right = window - (at + length); // at + length > 0: at is at least (window - length) / 2
        if (right > 0) {
            reference.copy(end + 1, right, dest, offset + at + length);
        }
    }
}
