package org.genomod.reader.vcf.internal;

import htsjdk.variant.variantcontext.Allele;
import java.util.Locale;

/**
 * What kind of change an ALT allele makes to its REF, classified as {@code bcftools} does: the bases
 * the two share at the start, then at the end, are set aside first, so {@code CA>TA} is an SNV and
 * {@code A>AAGG} an indel whatever the padding.
 */
enum AlleleKind {
    SNV, MNV, INDEL,
    /** REF and ALT both keep bases after trimming and differ in length, e.g. {@code AT>GCC}. */
    COMPLEX,
    /** No sequence of its own: {@code <DEL>}, {@code <*>}, breakends and the {@code *} of an overlapping deletion. */
    SYMBOLIC;

    /** The parameter spelling, e.g. {@code snv}. */
    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static AlleleKind of(Allele ref, Allele alt) {
        if (alt.isSymbolic() || alt.isNoCall() || Allele.SPAN_DEL.equals(alt)) {
            return SYMBOLIC;
        }
        byte[] r = ref.getBases();
        byte[] a = alt.getBases();
        int start = 0;
        while (start < r.length && start < a.length && upper(r[start]) == upper(a[start])) {
            start++;
        }
        if (start == r.length || start == a.length) {
            return INDEL; // one allele is a prefix of the other (htsjdk has already rejected REF == ALT)
        }
        int rEnd = r.length - 1;
        int aEnd = a.length - 1;
        while (rEnd > start && aEnd > start && upper(r[rEnd]) == upper(a[aEnd])) {
            rEnd--;
            aEnd--;
        }
        int rLength = rEnd - start;
        int aLength = aEnd - start;
        if (rLength == 0 && aLength == 0) {
            return SNV;
        }
        if (rLength == aLength) {
            return MNV;
        }
        if (rLength == 0 || aLength == 0) {
            // the trimmed-off end base matched on one side only when it is shared: a pure insertion or deletion
            return upper(r[rEnd]) == upper(a[aEnd]) ? INDEL : COMPLEX;
        }
        return COMPLEX;
    }

    private static int upper(byte b) {
        return b >= 'a' && b <= 'z' ? b - 32 : b;
    }
}
