package org.genomod.interpret.variant.effects.internal;

import htsjdk.variant.variantcontext.VariantContextBuilder;
import htsjdk.variant.variantcontext.writer.Options;
import htsjdk.variant.variantcontext.writer.VariantContextWriter;
import htsjdk.variant.variantcontext.writer.VariantContextWriterBuilder;
import htsjdk.variant.vcf.VCFHeader;
import htsjdk.variant.vcf.VCFHeaderLine;
import htsjdk.variant.vcf.VCFHeaderLineCount;
import htsjdk.variant.vcf.VCFHeaderLineType;
import htsjdk.variant.vcf.VCFInfoHeaderLine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.genomod.api.io.AtomicOutput;

/**
 * The input VCF with every record kept and its effects in INFO, each field declared in the header:
 * {@code VE_REF_MISMATCH} (a flag), {@code VE_SKIPPED} (per ALT allele: the reason, or {@code .}) and per
 * model output {@code VE_DIFF_<output>}, {@code VE_ABS_DIFF_<output>} and, for probabilities,
 * {@code VE_LOGIT_DIFF_<output>} (Number=A, Float; {@code .} for a skipped allele). An output name is
 * made a legal INFO key by replacing other characters with {@code _}. Fields of these names already in
 * the input are replaced.
 */
final class VcfEffectWriter implements EffectWriter {
    static final String REF_MISMATCH = "VE_REF_MISMATCH";
    static final String SKIPPED = "VE_SKIPPED";

    private final AtomicOutput target;
    private final ModelInput model;
    private final VariantContextWriter out;
    private final String[] diffKeys;
    private final String[] absDiffKeys;
    private final String[] logitDiffKeys;
    private final List<String> ownKeys = new ArrayList<>();

    VcfEffectWriter(AtomicOutput target, ModelInput model, VCFHeader input, String description, boolean bgzip) throws IOException {
        this.target = target;
        this.model = model;
        int n = model.outputs().size();
        diffKeys = new String[n];
        absDiffKeys = new String[n];
        logitDiffKeys = new String[n];
        VCFHeader header = new VCFHeader(input.getMetaDataInInputOrder(), input.getGenotypeSamples());
        header.addMetaDataLine(new VCFHeaderLine("genomod_variant_effects", description));
        declare(header, new VCFInfoHeaderLine(REF_MISMATCH, 0, VCFHeaderLineType.Flag,
                "REF disagrees with the reference FASTA at POS; scored on the VCF's REF and ALT in the reference's flanks"));
        declare(header, new VCFInfoHeaderLine(SKIPPED, VCFHeaderLineCount.A, VCFHeaderLineType.String,
                "Why the ALT allele was not scored, or . when it was"));
        Set<String> taken = new HashSet<>();
        for (int o = 0; o < n; o++) {
            String name = model.outputs().get(o);
            String key = uniqueKey(name, taken);
            diffKeys[o] = declare(header, score("VE_DIFF_" + key, "model output '" + name + "': ALT window minus REF window"));
            absDiffKeys[o] = declare(header, score("VE_ABS_DIFF_" + key, "model output '" + name + "': absolute value of VE_DIFF_" + key));
            if (model.probabilities()) {
                logitDiffKeys[o] = declare(header, score("VE_LOGIT_DIFF_" + key, "model output '" + name
                        + "': logit(ALT) minus logit(REF), probabilities clamped to [" + Effects.EPSILON + ", 1 - " + Effects.EPSILON + "]"));
            }
        }
        this.out = target.attach(new VariantContextWriterBuilder()
                .setOutputPath(target.temporary())
                .setOutputFileType(bgzip ? VariantContextWriterBuilder.OutputType.BLOCK_COMPRESSED_VCF : VariantContextWriterBuilder.OutputType.VCF)
                .unsetOption(Options.INDEX_ON_THE_FLY)
                .setOption(Options.ALLOW_MISSING_FIELDS_IN_HEADER) // the input's own undeclared fields pass through
                .build());
        out.writeHeader(header);
    }

    private static VCFInfoHeaderLine score(String key, String description) {
        return new VCFInfoHeaderLine(key, VCFHeaderLineCount.A, VCFHeaderLineType.Float, "Variant effect, " + description);
    }

    private String declare(VCFHeader header, VCFInfoHeaderLine line) {
        header.addMetaDataLine(line);
        ownKeys.add(line.getID());
        return line.getID();
    }

    /** The output name with characters outside INFO keys' alphabet replaced, numbered when two names collide. */
    private static String uniqueKey(String name, Set<String> taken) {
        String key = name.replaceAll("[^0-9A-Za-z_.]", "_");
        String unique = key;
        for (int i = 2; !taken.add(unique); i++) {
            unique = key + "_" + i;
        }
        return unique;
    }

    @Override
    public void write(RecordEffects record) {
        VariantContextBuilder vc = new VariantContextBuilder(record.variant).rmAttributes(ownKeys);
        if (record.refMismatch) {
            vc.attribute(REF_MISMATCH, true);
        }
        int alleles = record.alleles();
        boolean anySkipped = false;
        boolean anyScored = false;
        List<String> reasons = new ArrayList<>(alleles);
        for (int a = 0; a < alleles; a++) {
            anySkipped |= record.skipped[a] != null;
            anyScored |= record.scored(a);
            reasons.add(record.skipped[a] == null ? "." : record.skipped[a].id());
        }
        if (anySkipped) {
            vc.attribute(SKIPPED, reasons);
        }
        if (anyScored) {
            for (int o = 0; o < diffKeys.length; o++) {
                List<String> diff = new ArrayList<>(alleles);
                List<String> abs = new ArrayList<>(alleles);
                List<String> logit = new ArrayList<>(alleles);
                for (int a = 0; a < alleles; a++) {
                    boolean scored = record.scored(a);
                    double d = scored ? record.diff(a, o) : Double.NaN;
                    diff.add(scored ? Effects.format(d) : ".");
                    abs.add(scored ? Effects.format(Math.abs(d)) : ".");
                    logit.add(scored && model.probabilities() ? Effects.format(record.logitDiff(a, o)) : ".");
                }
                vc.attribute(diffKeys[o], diff).attribute(absDiffKeys[o], abs);
                if (logitDiffKeys[o] != null) {
                    vc.attribute(logitDiffKeys[o], logit);
                }
            }
        }
        out.add(vc.make());
    }

    @Override
    public void commit() throws IOException {
        target.commit();
    }

    @Override
    public void close() throws IOException {
        target.close();
    }
}
