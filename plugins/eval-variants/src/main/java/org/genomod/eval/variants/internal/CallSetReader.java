package org.genomod.eval.variants.internal;

import htsjdk.tribble.TribbleException;
import htsjdk.variant.variantcontext.Allele;
import htsjdk.variant.variantcontext.Genotype;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFCodec;
import htsjdk.variant.vcf.VCFHeader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.genomod.api.data.InputFormatException;
import org.genomod.reader.support.genome.ContigAliases;

/**
 * Reads one VCF into a {@link CallSet}: records decoded by htsjdk's {@link VCFCodec}, non-PASS records
 * dropped (with pass_only), every ALT allele the sample carries checked against the reference, normalised
 * and kept when it lies in the target regions.
 */
final class CallSetReader {
    private final Reference reference;
    private final ContigAliases aliases;
    private final TargetRegions targets;
    private final boolean passOnly;

    CallSetReader(Reference reference, ContigAliases aliases, TargetRegions targets, boolean passOnly) {
        this.reference = reference;
        this.aliases = aliases;
        this.targets = targets;
        this.passOnly = passOnly;
    }

    /** @param sampleName the sample whose genotypes count, or {@code null} for the first one */
    CallSet read(Path file, String sampleName) throws IOException {
        CallSet set = new CallSet();
        try (VcfLines lines = new VcfLines(file)) {
            if (lines.peek() == null || !lines.peek().startsWith("##fileformat=VCF")) {
                throw new InputFormatException(file, 1, "is not a VCF file: it must begin with ##fileformat=VCFv4.x");
            }
            VCFCodec codec = new VCFCodec();
            VCFHeader header;
            try {
                header = (VCFHeader) codec.readActualHeader(lines);
            } catch (TribbleException | IllegalArgumentException e) {
                throw new InputFormatException(file, lines.number(), "malformed header: " + e.getMessage());
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            int sample = sampleIndex(file, header, sampleName);
            set.sample = sample < 0 ? null : header.getGenotypeSamples().get(sample);
            while (lines.hasNext()) {
                String text;
                try {
                    text = lines.next();
                } catch (UncheckedIOException e) {
                    throw new InputFormatException(file, 0, "cannot be read past line " + lines.number() + ": " + e.getCause().getMessage());
                }
                if (text.isEmpty()) {
                    continue;
                }
                VariantContext vc;
                try {
                    vc = codec.decode(text);
                } catch (RuntimeException e) {
                    throw new InputFormatException(file, lines.number(), "malformed record: " + e.getMessage());
                }
                if (vc != null) {
                    add(set, vc, sample, file, lines.number());
                }
            }
        }
        return set;
    }

    private static int sampleIndex(Path file, VCFHeader header, String name) throws InputFormatException {
        List<String> samples = header.getGenotypeSamples();
        if (name == null) {
            return samples.isEmpty() ? -1 : 0;
        }
        int i = samples.indexOf(name);
        if (i < 0) {
            throw new InputFormatException(file, 0, "has no sample '" + name + "' (samples: "
                    + (samples.isEmpty() ? "none" : String.join(", ", samples)) + ")");
        }
        return i;
    }

    private void add(CallSet set, VariantContext vc, int sample, Path file, long line) throws InputFormatException {
        set.records++;
        if (passOnly && vc.isFiltered()) {
            set.filtered++;
            return;
        }
        String contig = aliases.resolve(vc.getContig());
        if (contig == null) {
            if (targets.restricted()) {
                set.outsideRegions++; // on no contig the targets cover either
                return;
            }
            throw new InputFormatException(file, line, "contig '" + vc.getContig() + "': " + aliases.explainMissing(vc.getContig())
                    + "; give a region or BED to leave other contigs out");
        }
        if (!targets.covers(contig)) {
            set.outsideRegions++;
            return;
        }
        Genotype genotype = sample < 0 ? null : genotype(vc, sample, file, line);
        List<Allele> alts = vc.getAlternateAlleles();
        if (alts.isEmpty()) {
            set.symbolic++;
            return;
        }
        if (alts.size() > 1) {
            set.split++;
        }
        String ref = vc.getReference().getBaseString();
        boolean refChecked = false;
        for (Allele alt : alts) {
            if (alt.isSymbolic() || alt.equals(Allele.SPAN_DEL) || alt.isNoCall()) {
                set.symbolic++;
                continue;
            }
            int copies = genotype == null ? CallSet.NO_GENOTYPE : genotype.countAllele(alt);
            if (copies == 0) {
                set.notInGenotype++;
                continue;
            }
            if (!refChecked) {
                checkRef(vc, contig, ref, file, line);
                refChecked = true;
            }
            Variant v = Normalizer.normalize(reference, contig, vc.getStart(), ref, alt.getBaseString());
            if (v.position() != vc.getStart() || !v.ref().equalsIgnoreCase(ref) || !v.alt().equalsIgnoreCase(alt.getBaseString())) {
                set.normalised++;
            }
            if (!targets.contains(v.contig(), v.position())) {
                set.outsideRegions++;
            } else if (set.variants.putIfAbsent(v, copies) != null) {
                set.duplicates++;
                if (set.duplicates <= 5) {
                    set.warnings.add(file.getFileName() + ":" + line + ": " + v + " was already counted (the same variant twice after normalisation)");
                }
            }
        }
    }

    private static Genotype genotype(VariantContext vc, int sample, Path file, long line) throws InputFormatException {
        try {
            Genotype g = vc.getGenotype(sample);
            return g.isAvailable() ? g : null; // a FORMAT without GT: every ALT counts, as in a sites-only file
        } catch (RuntimeException e) {
            throw new InputFormatException(file, line, "malformed genotype: " + e.getMessage());
        }
    }

    /** REF must be the reference's bases; N on either side matches any base, as bcftools norm allows. */
    private void checkRef(VariantContext vc, String contig, String ref, Path file, long line) throws InputFormatException {
        long end = vc.getStart() + ref.length() - 1;
        if (end > reference.length(contig)) {
            throw new InputFormatException(file, line, "REF at " + vc.getContig() + ":" + vc.getStart() + " runs past the end of "
                    + contig + " in the reference FASTA (length " + reference.length(contig) + "): is it the right reference?");
        }
        String expected = reference.bases(contig, vc.getStart(), end);
        for (int i = 0; i < ref.length(); i++) {
            char r = Character.toUpperCase(ref.charAt(i));
            char e = expected.charAt(i);
            if (r != e && r != 'N' && e != 'N') {
                throw new InputFormatException(file, line, "REF " + ref + " at " + vc.getContig() + ":" + vc.getStart()
                        + " does not match the reference FASTA, which has " + expected + " there: is it the right reference?");
            }
        }
    }
}
