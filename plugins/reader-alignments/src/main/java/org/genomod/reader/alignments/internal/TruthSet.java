package org.genomod.reader.alignments.internal;

import htsjdk.samtools.util.CloseableIterator;
import htsjdk.tribble.TribbleException;
import htsjdk.tribble.index.IndexFactory;
import htsjdk.variant.variantcontext.Allele;
import htsjdk.variant.variantcontext.Genotype;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFFileReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.genomod.api.data.InputFormatException;

/**
 * The truth genotypes of one contig interval, as classes per normalised allele: 1 when the sample
 * carries one copy of the allele (het, including 1/2), 2 when every called allele is it (hom-alt,
 * haploid 1 included); alleles the truth does not list are 0 (hom-ref). Records with a FILTER other
 * than PASS and no-call genotypes are ignored. The first sample's genotype is used.
 */
final class TruthSet {
    /** Indels are matched after left-normalisation, so truth a little outside the interval can land in it. */
    static final int PADDING = 1000;
    static final int HOM_REF = 0;
    static final int HET = 1;
    static final int HOM_ALT = 2;

    private final Map<String, Integer> classes;

    private TruthSet(Map<String, Integer> classes) {
        this.classes = classes;
    }

    /** The genotype class of a candidate allele, keyed as {@link Normalisation#key}. */
    int classOf(Candidate candidate) {
        return classes.getOrDefault(Normalisation.key(candidate.position(), candidate.ref(), candidate.alt()), HOM_REF);
    }

    /**
     * Reads the truth over {@code [from, to]} of the contig the reference has selected.
     *
     * @throws InputFormatException when the truth names the contig differently (chr20 vs 20), has no
     *                              genotypes, disagrees with the reference, or cannot be read
     */
    static TruthSet load(Path vcf, String contig, long from, long to, Reference reference) throws InputFormatException {
        Map<String, Integer> classes = new HashMap<>();
        Set<String> contigs = new LinkedHashSet<>();
        long lo = Math.max(1, from - PADDING);
        long hi = to + PADDING;
        try (VCFFileReader reader = new VCFFileReader(vcf, false)) {
            if (reader.getFileHeader().getNGenotypeSamples() == 0) {
                throw new InputFormatException(vcf, 0, "the truth VCF has no sample column, so it has no genotypes to label with");
            }
            boolean queryable = reader.isQueryable();
            if (queryable) {
                contigs.addAll(indexedContigs(vcf));
            }
            try (CloseableIterator<VariantContext> records = queryable
                    ? reader.query(contig, (int) lo, (int) Math.min(hi, Integer.MAX_VALUE)) : reader.iterator()) {
                while (records.hasNext()) {
                    VariantContext record = records.next();
                    contigs.add(record.getContig());
                    if (record.getContig().equals(contig) && record.getEnd() >= lo && record.getStart() <= hi) {
                        add(record, reference, vcf, classes);
                    }
                }
            }
        } catch (TribbleException | IllegalArgumentException | IllegalStateException e) {
            throw new InputFormatException(vcf, 0, "the truth VCF cannot be read: " + e.getMessage());
        }
        if (contigs.isEmpty()) {
            throw new InputFormatException(vcf, 0, "the truth VCF has no variant records to label with");
        }
        if (!contigs.contains(contig) && ContigNaming.otherSpelling(contig, contigs).isPresent()) {
            throw new InputFormatException(vcf, 0, "the truth VCF has no records on contig '" + contig
                    + "', which the alignments use" + ContigNaming.hint(contig, contigs));
        }
        return new TruthSet(classes);
    }

    private static Collection<String> indexedContigs(Path vcf) {
        for (String suffix : List.of(".tbi", ".csi", ".idx")) {
            Path index = vcf.resolveSibling(vcf.getFileName() + suffix);
            if (Files.isRegularFile(index)) {
                try {
                    return IndexFactory.loadIndex(index.toString()).getSequenceNames();
                } catch (RuntimeException e) {
                    return List.of();
                }
            }
        }
        return List.of();
    }

    private static void add(VariantContext record, Reference reference, Path vcf, Map<String, Integer> classes)
            throws InputFormatException {
        if (record.isFiltered()) {
            return;
        }
        String ref = record.getReference().getBaseString();
        String expected = Normalisation.bases(reference, record.getStart(), record.getStart() + ref.length() - 1);
        if (!compatible(ref, expected)) {
            throw new InputFormatException(vcf, 0, "the truth's REF at " + record.getContig() + ":" + record.getStart() + " is "
                    + ref + " but the reference has " + expected + " there: the truth VCF was made against another reference");
        }
        Genotype genotype = record.getGenotype(0);
        if (genotype.isNoCall()) {
            return;
        }
        List<Allele> called = genotype.getAlleles();
        int calledCount = 0;
        for (Allele a : called) {
            calledCount += a.isCalled() ? 1 : 0;
        }
        for (Allele alt : record.getAlternateAlleles()) {
            if (alt.isSymbolic() || alt.isNoCall() || alt.getDisplayString().equals("*")) {
                continue;
            }
            int copies = 0;
            for (Allele a : called) {
                copies += a.equals(alt) ? 1 : 0;
            }
            if (copies == 0) {
                continue;
            }
            int genotypeClass = copies == calledCount ? HOM_ALT : HET;
            for (String key : Normalisation.keys(record.getStart(), ref, alt.getBaseString(), reference)) {
                classes.merge(key, genotypeClass, Math::max);
            }
        }
    }

    /** Equal bases, where the reference knows them: test references mask what they do not cover with N. */
    private static boolean compatible(String ref, String expected) {
        for (int i = 0; i < ref.length(); i++) {
            char known = expected.charAt(i);
            if (known != 'N' && Character.toUpperCase(ref.charAt(i)) != known) {
                return false;
            }
        }
        return true;
    }
}
