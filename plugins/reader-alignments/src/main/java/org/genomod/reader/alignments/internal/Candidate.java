package org.genomod.reader.alignments.internal;

/**
 * A candidate variant in VCF terms: 1-based position of the first reference base, reference and
 * alternative alleles (indels carry the anchor base). {@code indel} is {@code null} for an SNV.
 */
record Candidate(String contig, long position, String ref, String alt, IndelAllele indel) {

    /** The example id: {@code contig:position:REF>ALT}. */
    String id() {
        return contig + ":" + position + ":" + ref + ">" + alt;
    }

    /** The last reference position the variant touches. */
    long end() {
        return position + ref.length() - 1;
    }
}
