package org.genomod.interpret.variant.effects.internal;

import java.io.IOException;
import org.genomod.reader.support.genome.ReferenceSequence;

/**
 * The window of the model's length around one allele of a variant: the haplotype that puts the allele
 * in place of the REF bases, with the allele centred as reader-fasta centres a short record
 * ({@code floor((length - n) / 2)} bases before an allele of {@code n} bases, the extra base of an odd
 * difference after it). Both the REF and each ALT allele get their own window this way, so an indel's
 * ALT window is re-centred on the ALT allele and takes as many flanking reference bases on each side
 * as make up the length. An allele longer than the window is cut to its middle {@code length} bases.
 * Positions past either end of the contig are padding (byte 0, encoded as all-zero).
 */
final class AlleleWindow {
    private final int length;

    AlleleWindow(int length) {
        this.length = length;
    }

    /** Index of the allele's first base in the window; negative when the allele is cut. */
    int alleleOffset(int alleleLength) {
        return Math.floorDiv(length - alleleLength, 2);
    }

    /**
     * Writes the window's bases (ASCII) into {@code dest[0, length)}.
     *
     * @param position  VCF POS: the first reference base the allele replaces
     * @param refLength how many reference bases it replaces (the length of REF)
     */
    void write(ReferenceSequence reference, String contig, long position, int refLength, byte[] allele, byte[] dest)
            throws IOException {
        int n = allele.length;
        if (n >= length) {
            System.arraycopy(allele, (n - length) / 2, dest, 0, length);
            return;
        }
        int at = alleleOffset(n);
        reference.copy(contig, position - at, at, dest, 0);
        System.arraycopy(allele, 0, dest, at, n);
        reference.copy(contig, position + refLength, length - at - n, dest, at + n);
    }
}
