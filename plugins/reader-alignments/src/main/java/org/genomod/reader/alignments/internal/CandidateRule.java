package org.genomod.reader.alignments.internal;

/**
 * When an allele seen in the reads makes a candidate site (DeepVariant's very sensitive caller:
 * {@code vsc_min_count_snps/indels} 2, {@code vsc_min_fraction_snps} 0.12, {@code vsc_min_fraction_indels} 0.06).
 * Fractions are of the site's depth: reads with a base of sufficient quality there, or a deletion across it.
 */
record CandidateRule(int minAltCount, double minAltFraction, boolean indels, double minIndelFraction) {

    boolean snv(int count, int depth) {
        return count >= minAltCount && count >= minAltFraction * depth;
    }

    boolean indel(int count, int depth) {
        return indels && count >= minAltCount && count >= minIndelFraction * depth;
    }
}
