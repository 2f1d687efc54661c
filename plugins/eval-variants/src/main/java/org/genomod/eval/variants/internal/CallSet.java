package org.genomod.eval.variants.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The variants one VCF holds after filtering, splitting and normalisation, each with the number of copies of
 * its ALT allele in the sample's genotype ({@value #NO_GENOTYPE} when the file has no genotypes), and what
 * was left out on the way.
 */
final class CallSet {
    static final int NO_GENOTYPE = -1;

    final Map<Variant, Integer> variants = new LinkedHashMap<>();
    final List<String> warnings = new ArrayList<>();
    String sample;
    /** Data lines read. */
    long records;
    /** Records whose FILTER is neither PASS nor '.', left out with pass_only. */
    long filtered;
    /** Records on a contig, and alleles at a position, outside the BED or region. */
    long outsideRegions;
    /** ALT alleles the sample's genotype does not carry (0/0, ./., the other allele of a multi-allelic record). */
    long notInGenotype;
    /** Symbolic ALT alleles ({@code <DEL>}, {@code <*>}, {@code <NON_REF>}), the spanning deletion {@code *}, records without ALT. */
    long symbolic;
    /** Multi-allelic records split into one variant per ALT. */
    long split;
    /** Alleles whose position or alleles changed in normalisation (left-aligned or trimmed). */
    long normalised;
    /** Alleles equal after normalisation to one counted before; counted once. */
    long duplicates;

    Map<String, Object> summary() {
        Map<String, Object> s = new LinkedHashMap<>();
        if (sample != null) {
            s.put("sample", sample);
        }
        s.put("records", records);
        s.put("variants", (long) variants.size());
        s.put("filtered", filtered);
        s.put("outside_regions", outsideRegions);
        s.put("not_in_genotype", notInGenotype);
        s.put("symbolic", symbolic);
        s.put("split", split);
        s.put("normalised", normalised);
        s.put("duplicates", duplicates);
        return s;
    }
}
