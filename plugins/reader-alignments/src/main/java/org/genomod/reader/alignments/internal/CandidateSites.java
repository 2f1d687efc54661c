package org.genomod.reader.alignments.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.genomod.api.data.InputFormatException;

/**
 * Finds the candidate alleles of each finished pileup position and turns each into an example: its
 * pileup image, its id {@code contig:pos:REF>ALT}, the contig as its group and, with a truth set,
 * its genotype class. SNVs come first (A, C, G, T), then deletions, then insertions.
 */
final class CandidateSites implements Pileup.Listener {
    private static final int[] BASES = {Bases.A, Bases.C, Bases.G, Bases.T};

    private final String contig;
    private final Reference reference;
    private final CandidateRule rule;
    private final PileupImage image;
    private final TruthSet truth;
    private final ConfidentRegions confident;
    private final PileupDataset.Builder examples;
    private final int maxRecords;
    private final Path alignments;
    private final List<IndelAllele> indels = new ArrayList<>();

    /**
     * @param truth     {@code null} for unlabelled examples
     * @param confident {@code null} to keep candidates everywhere
     */
    CandidateSites(String contig, Reference reference, CandidateRule rule, PileupImage image, TruthSet truth,
                   ConfidentRegions confident, PileupDataset.Builder examples, int maxRecords, Path alignments) {
        this.contig = contig;
        this.reference = reference;
        this.rule = rule;
        this.image = image;
        this.truth = truth;
        this.confident = confident;
        this.examples = examples;
        this.maxRecords = maxRecords;
        this.alignments = alignments;
    }

    @Override
    public void site(long position, Pileup pileup) {
        int depth = pileup.depth(position);
        if (depth == 0) {
            return;
        }
        byte refBase = reference.base(position);
        int refCode = Bases.code(refBase);
        if (refCode == Bases.N) {
            return; // no candidates where the reference is unknown
        }
        String ref = String.valueOf((char) refBase);
        for (int code : BASES) {
            if (code != refCode && rule.snv(pileup.count(position, code), depth)) {
                emit(new Candidate(contig, position, ref, String.valueOf((char) Bases.letter(code)), null), pileup);
            }
        }
        List<IndelAllele> here = pileup.indels(position);
        if (!here.isEmpty() && rule.indels()) {
            indels.clear();
            indels.addAll(here);
            indels.sort(IndelAllele::compareTo);
            for (IndelAllele allele : indels) {
                if (rule.indel(allele.count, depth)) {
                    emit(indel(position, ref, allele), pileup);
                }
            }
        }
    }

    private Candidate indel(long anchor, String refBase, IndelAllele allele) {
        if (allele.deletion) {
            return new Candidate(contig, anchor, Normalisation.bases(reference, anchor, anchor + allele.length), refBase, allele);
        }
        return new Candidate(contig, anchor, refBase,
                refBase + new String(allele.inserted, java.nio.charset.StandardCharsets.US_ASCII), allele);
    }

    private void emit(Candidate candidate, Pileup pileup) {
        if (confident != null && !confident.contains(candidate.position(), candidate.end())) {
            return;
        }
        if (examples.size() == maxRecords) {
            throw new InputProblem(new InputFormatException(alignments, 0, String.format(Locale.ROOT,
                    "finds more than %,d candidate sites (max_records) by %s; narrow the region or raise max_records"
                            + " (each example holds up to %,d values in memory)", maxRecords, candidate.id(),
                    examples.featureSize())));
        }
        int genotypeClass = truth == null ? -1 : truth.classOf(candidate);
        examples.add(candidate.id(), contig, image.render(candidate, pileup, reference), genotypeClass);
    }
}
