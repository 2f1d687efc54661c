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
        return ofBases(r, 0, r.length, a, 0, a.length);
    }

    /**
     * The kind of ALT bases {@code a[aFrom, aTo)} against REF bases {@code r[rFrom, rTo)}, in either case;
     * the two differ (htsjdk rejects REF == ALT).
     */
    static AlleleKind ofBases(byte[] r, int rFrom, int rTo, byte[] a, int aFrom, int aTo) {
        int rLast = rTo - rFrom - 1;
        int aLast = aTo - aFrom - 1;
        int start = 0;
        while (start <= rLast && start <= aLast && upper(r[rFrom + start]) == upper(a[aFrom + start])) {
            start++;
        }
        if (start > rLast || start > aLast) {
            return INDEL; // one allele is a prefix of the other
        }
        int rEnd = rLast;
        int aEnd = aLast;
        while (rEnd > start && aEnd > start && upper(r[rFrom + rEnd]) == upper(a[aFrom + aEnd])) {
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
            return upper(r[rFrom + rEnd]) == upper(a[aFrom + aEnd]) ? INDEL : COMPLEX;
        }
        return COMPLEX;
    }

    private static int upper(byte b) {
        return b >= 'a' && b <= 'z' ? b - 32 : b;
    }
}
