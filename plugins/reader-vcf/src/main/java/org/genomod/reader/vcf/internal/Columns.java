package org.genomod.reader.vcf.internal;

/**
 * Which columns of a VCF line a read decodes. htsjdk parses every FORMAT field of every sample (eagerly,
 * when the header's sample names are not in sorted order), which dominates the cost of a multi-sample
 * file; a read that needs less hands htsjdk less.
 */
enum Columns {
    /** Everything, so that every field is validated: the inspector. */
    ALL,
    /** CHROM to INFO only: mode variants. */
    SITES,
    /** CHROM to INFO and the GT of each sample: mode genotypes. */
    GENOTYPES
}
