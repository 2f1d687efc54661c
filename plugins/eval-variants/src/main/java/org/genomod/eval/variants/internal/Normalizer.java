package org.genomod.eval.variants.internal;

/**
 * Left-alignment and trimming of one REF/ALT pair to its unique minimal, left-most representation, the
 * algorithm of Tan, Abecasis and Kang (Bioinformatics 2015) that {@code vt normalize} and
 * {@code bcftools norm} implement: while both alleles end in the same base, drop it, and whenever one
 * becomes empty prepend the reference base to the left of both; then drop bases both alleles start with
 * while each keeps at least one.
 */
final class Normalizer {
    private Normalizer() {
    }

    /**
     * @param ref the REF allele, already checked against the reference
     * @param alt a different, non-symbolic ALT allele
     */
    static Variant normalize(Reference reference, String contig, long position, String ref, String alt)
            throws org.genomod.api.data.InputFormatException {
        StringBuilder r = new StringBuilder(ref.toUpperCase(java.util.Locale.ROOT));
        StringBuilder a = new StringBuilder(alt.toUpperCase(java.util.Locale.ROOT));
        long pos = position;
        boolean changed = true;
        while (changed) {
            changed = false;
            if (r.length() > 0 && a.length() > 0 && last(r) == last(a)) {
                r.setLength(r.length() - 1);
                a.setLength(a.length() - 1);
                changed = true;
            }
            if (r.length() == 0 || a.length() == 0) {
                if (pos == 1) {
                    // nothing lies left of the contig's first base: pad on the right instead, as VCF does there
                    char next = reference.base(contig, pos + r.length());
                    r.append(next);
                    a.append(next);
                    break;
                }
                pos--;
                char left = reference.base(contig, pos);
                r.insert(0, left);
                a.insert(0, left);
                changed = true;
            }
        }
        int common = 0;
        while (r.length() - common >= 2 && a.length() - common >= 2 && r.charAt(common) == a.charAt(common)) {
            common++;
        }
        return new Variant(contig, pos + common, r.substring(common), a.substring(common));
    }

    private static char last(StringBuilder s) {
        return s.charAt(s.length() - 1);
    }
}
