package org.genomod.reader.vcf.internal;

import htsjdk.variant.variantcontext.Allele;
import htsjdk.variant.variantcontext.Genotype;
import htsjdk.variant.variantcontext.GenotypesContext;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFHeader;
import java.util.List;
import java.util.Set;
import org.genomod.api.data.InputFormatException;

/** A record decoded by htsjdk: BCF, an index query, or a VCF line the hand-written checks leave to htsjdk. */
final class DecodedRecord implements VariantRecord {
    private final VariantContext vc;
    private final List<Allele> alleles;
    private GenotypesContext genotypes;

    DecodedRecord(VariantContext vc) {
        this.vc = vc;
        this.alleles = vc.getAlleles();
    }

    @Override
    public String contig() {
        return vc.getContig();
    }

    @Override
    public long start() {
        return vc.getStart();
    }

    @Override
    public long end() {
        return vc.getEnd();
    }

    @Override
    public boolean filtered() {
        return vc.isFiltered();
    }

    @Override
    public int alleles() {
        return alleles.size();
    }

    @Override
    public AlleleKind kind(int allele) {
        return AlleleKind.of(vc.getReference(), alleles.get(allele));
    }

    @Override
    public boolean spanningDeletion(int allele) {
        return Allele.SPAN_DEL.equals(alleles.get(allele));
    }

    @Override
    public String display(int allele) {
        return alleles.get(allele).getDisplayString();
    }

    @Override
    public int refLength() {
        return vc.getReference().getBases().length;
    }

    @Override
    public byte refBase(int i) {
        return vc.getReference().getBases()[i];
    }

    @Override
    public void decodeGenotypes(VariantStream stream) throws InputFormatException {
        if (genotypes == null) {
            genotypes = stream.genotypes(vc);
        }
    }

    @Override
    public int ploidy(int sample) {
        return genotype(sample).getPloidy();
    }

    @Override
    public int genotypeAllele(int sample, int k) {
        Allele a = genotype(sample).getAllele(k);
        if (a.isNoCall()) {
            return -1;
        }
        for (int i = 0; i < alleles.size(); i++) {
            if (a == alleles.get(i) || a.equals(alleles.get(i))) {
                return i;
            }
        }
        return -2; // not an allele of the record: counts as none of them
    }

    @Override
    public String genotypeString(int sample) {
        return genotype(sample).getGenotypeString();
    }

    private Genotype genotype(int sample) {
        if (genotypes == null) {
            throw new IllegalStateException("genotypes are read after decodeGenotypes");
        }
        return genotypes.get(sample);
    }

    @Override
    public boolean undeclaredInfo(VCFHeader header, Set<String> sink) {
        boolean allDeclared = true;
        for (String key : vc.getAttributes().keySet()) {
            if (header.getInfoHeaderLine(key) == null) {
                sink.add(key);
                allDeclared = false;
            }
        }
        return allDeclared;
    }

    @Override
    public void checkTypes(VCFHeader header) {
        vc.fullyDecode(header, true);
    }
}
