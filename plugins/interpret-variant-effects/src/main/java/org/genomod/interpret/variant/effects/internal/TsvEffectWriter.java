package org.genomod.interpret.variant.effects.internal;

import htsjdk.variant.variantcontext.VariantContext;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.genomod.api.io.AtomicOutput;

/**
 * One row per ALT allele: {@code chrom pos id ref alt ref_mismatch skipped}, then per output
 * {@code <output>_diff <output>_abs_diff} and, for probabilities, {@code <output>_logit_diff}. A skipped
 * allele names its reason and leaves the scores empty; {@code ref_mismatch} is 1 or 0.
 */
final class TsvEffectWriter implements EffectWriter {
    private final AtomicOutput target;
    private final ModelInput model;
    private final BufferedWriter out;
    private final StringBuilder row = new StringBuilder();

    TsvEffectWriter(AtomicOutput target, ModelInput model) throws IOException {
        this.target = target;
        this.model = model;
        this.out = target.writer(StandardCharsets.UTF_8);
        row.append("chrom\tpos\tid\tref\talt\tref_mismatch\tskipped");
        for (String o : model.outputs()) {
            row.append('\t').append(o).append("_diff\t").append(o).append("_abs_diff");
            if (model.probabilities()) {
                row.append('\t').append(o).append("_logit_diff");
            }
        }
        out.append(row).append('\n');
    }

    @Override
    public void write(RecordEffects record) throws IOException {
        VariantContext vc = record.variant;
        for (int a = 0; a < record.alleles(); a++) {
            row.setLength(0);
            row.append(vc.getContig()).append('\t').append(vc.getStart()).append('\t').append(vc.getID()).append('\t')
                    .append(vc.getReference().getDisplayString()).append('\t').append(vc.getAlternateAllele(a).getDisplayString())
                    .append('\t').append(record.refMismatch ? '1' : '0').append('\t');
            if (record.skipped[a] != null) {
                row.append(record.skipped[a].id());
            }
            for (int o = 0; o < model.outputs().size(); o++) {
                if (record.scored(a)) {
                    double diff = record.diff(a, o);
                    row.append('\t').append(Effects.format(diff)).append('\t').append(Effects.format(Math.abs(diff)));
                    if (model.probabilities()) {
                        row.append('\t').append(Effects.format(record.logitDiff(a, o)));
                    }
                } else {
                    row.append(model.probabilities() ? "\t\t\t" : "\t\t");
                }
            }
            out.append(row).append('\n');
        }
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
