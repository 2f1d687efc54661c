package org.genomod.interpret.variant.effects.internal;

import htsjdk.variant.variantcontext.Allele;
import java.util.Locale;

/** Why an ALT allele was not scored; the lower-case name is what the outputs and the summary show. */
enum SkipReason {
    /** A symbolic allele such as {@code <DEL>} or {@code <*>}: no sequence to put in a window. */
    SYMBOLIC_ALLELE,
    /** A breakend ({@code G]17:198982]}): its sequence joins another locus. */
    BREAKEND,
    /** {@code *}: the allele is deleted by an overlapping variant scored on its own record. */
    SPANNING_DELETION,
    /** The contig is in the reference under no alias. */
    CONTIG_NOT_IN_REFERENCE,
    /** POS or the end of REF lies past the contig's end. */
    OUTSIDE_CONTIG;

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Why {@code alt} has no sequence to score, or {@code null} when it has one. */
    static SkipReason ofAllele(Allele alt) {
        if (Allele.SPAN_DEL.equals(alt)) {
            return SPANNING_DELETION;
        }
        if (alt.isBreakpoint() || alt.isSingleBreakend()) {
            return BREAKEND;
        }
        return alt.isSymbolic() || alt.isNoCall() ? SYMBOLIC_ALLELE : null;
    }
}
