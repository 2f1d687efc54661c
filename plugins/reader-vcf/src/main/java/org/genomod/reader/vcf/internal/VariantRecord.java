package org.genomod.reader.vcf.internal;

import htsjdk.variant.vcf.VCFHeader;
import java.util.Set;
import org.genomod.api.data.InputFormatException;

/**
 * One record as the inspector and the genotype matrix read it: either a VCF line checked by hand
 * ({@link VcfLine}) or a record htsjdk decoded ({@link DecodedRecord}). Both answer exactly as htsjdk's
 * {@code VariantContext} would; alleles are numbered as in the record, REF 0 and ALTs from 1.
 */
interface VariantRecord {
    String contig();

    long start();

    /** The last position, from {@code END} when the record has one. */
    long end();

    /** Whether FILTER names a filter (neither {@code PASS} nor {@code .}). */
    boolean filtered();

    /** REF and the ALT alleles: 1 when ALT is {@code .}. */
    int alleles();

    /** What ALT allele {@code allele} (1 or more) changes against REF. */
    AlleleKind kind(int allele);

    /** Whether an ALT allele is {@code *}, the allele of an overlapping deletion. */
    boolean spanningDeletion(int allele);

    /** An allele as htsjdk displays it: bases in upper case, symbolic alleles as written. */
    String display(int allele);

    int refLength();

    /** A REF base in upper case. */
    byte refBase(int i);

    /**
     * Decodes the genotypes, naming the record when they are malformed: needed before {@link #ploidy} on a
     * decoded record, nothing to do on a checked line.
     */
    void decodeGenotypes(VariantStream stream) throws InputFormatException;

    /** Alleles in the genotype of sample {@code sample}; 0 when it has no GT. */
    int ploidy(int sample);

    /** The allele number of the {@code k}-th allele of a genotype, -1 for a no-call ({@code .}). */
    int genotypeAllele(int sample, int k);

    /** The genotype as htsjdk prints it in messages, e.g. {@code A/G} or {@code ./.}. */
    String genotypeString(int sample);

    /** Adds the INFO keys the header does not declare to {@code sink}; {@code true} when there are none. */
    boolean undeclaredInfo(VCFHeader header, Set<String> sink);

    /**
     * Checks every INFO and FORMAT value against its header type as htsjdk's {@code fullyDecode} does,
     * throwing its exception on the first disagreement.
     */
    void checkTypes(VCFHeader header);
}
