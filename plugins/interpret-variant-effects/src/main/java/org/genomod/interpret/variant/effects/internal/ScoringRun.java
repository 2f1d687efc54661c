package org.genomod.interpret.variant.effects.internal;

import htsjdk.variant.variantcontext.VariantContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import org.genomod.api.data.InputFormatException;
import org.genomod.api.data.SequenceEncoder;
import org.genomod.api.interpret.VariantScorer;
import org.genomod.api.model.Batch;
import org.genomod.api.model.Model;
import org.genomod.api.train.Cancellation;
import org.genomod.reader.support.genome.ContigAliases;
import org.genomod.reader.support.genome.ReferenceSequence;

/**
 * One scoring pass: streams the VCF, builds the REF window of each record and the window of each ALT
 * allele from the reference, predicts them in batches of {@code batchSize} windows and writes the
 * records in input order as their batch completes. Memory holds one batch, whatever the VCF's size.
 */
final class ScoringRun {
    /** Records between cancellation checks. */
    private static final int CANCELLATION_INTERVAL = 1024;

    /**
     * What a pass found, beyond the API's counts.
     *
     * @param skipReasons ALT alleles not scored, per reason
     * @param aliases     VCF contigs found in the reference under another name, with that name
     * @param strongest   the alleles with the largest {@code abs_diff} of any output, largest first
     */
    record Result(VariantScorer.Summary summary, int window, Map<String, Integer> skipReasons, Map<String, String> aliases,
                  List<Map<String, Object>> strongest) {
    }

    private final Model model;
    private final ModelInput input;
    private final WindowEncoder encoder;
    private final AlleleWindow layout;
    private final int batchSize;
    private final int strongestKept;
    private final Cancellation cancellation;

    private final byte[] window;
    private final byte[] referenceBases = new byte[256];
    private final List<RecordEffects> pending = new ArrayList<>();
    private float[] features;
    private int rows;

    private int variants;
    private int scored;
    private int mismatches;
    private int skipped;
    private final Map<String, Integer> reasons = new TreeMap<>();
    private final PriorityQueue<Strong> strongest = new PriorityQueue<>(Comparator.comparingDouble(Strong::absDiff));

    private record Strong(String variant, String output, double diff, double absDiff) {
    }

    ScoringRun(Model model, SequenceEncoder encoder, int batchSize, int strongestKept, Cancellation cancellation) {
        this.model = model;
        this.input = ModelInput.of(model.schema());
        this.encoder = new WindowEncoder(encoder, input.length(), input.reverseComplement());
        this.layout = new AlleleWindow(input.length());
        this.batchSize = batchSize;
        this.strongestKept = strongestKept;
        this.cancellation = cancellation == null ? Cancellation.NEVER : cancellation;
        this.window = new byte[input.length()];
        this.features = new float[batchSize * input.featureSize()];
    }

    Result run(Path vcf, Path reference, Path output) throws IOException {
        EffectWriter.Format.of(output); // a wrong name fails before any work
        try (VcfRecords records = VcfRecords.open(vcf);
             ReferenceSequence genome = ReferenceSequence.open(reference, ReferenceSequence.Option.BUILD_MISSING_INDEX);
             EffectWriter writer = EffectWriter.open(output, input, records.header(), describe(reference))) {
            ContigAliases aliases = new ContigAliases(genome.contigs());
            long count = 0;
            for (VariantContext vc = records.next(); vc != null; vc = records.next()) {
                if (++count % CANCELLATION_INTERVAL == 0 && cancellation.isCancelled()) {
                    throw new CancellationException("scoring " + vcf + " was cancelled: " + cancellation.reason());
                }
                add(vc, aliases, genome, writer, vcf, records.line());
            }
            flush(writer);
            writer.commit();
            return new Result(new VariantScorer.Summary(variants, scored, mismatches, skipped, output.toAbsolutePath()),
                    input.length(), reasons, aliases.aliasesUsed(), strongest());
        }
    }

    private String describe(Path reference) {
        return "<window=" + input.length() + ",windows=allele-centred,reverse_complement=" + input.reverseComplement()
                + ",reference=" + reference.getFileName() + ",outputs=" + String.join("|", input.outputs()) + ">";
    }

    private void add(VariantContext vc, ContigAliases aliases, ReferenceSequence genome, EffectWriter writer, Path vcf, long line)
            throws IOException {
        Optional<String> contig = Optional.ofNullable(aliases.resolve(vc.getContig()));
        byte[] ref = vc.getReference().getBases();
        long start = vc.getStart();
        SkipReason recordReason = contig.isEmpty() ? SkipReason.CONTIG_NOT_IN_REFERENCE
                : start < 1 || start + ref.length - 1 > genome.length(contig.get()) ? SkipReason.OUTSIDE_CONTIG : null;
        RecordEffects record = new RecordEffects(vc, recordReason == null && disagrees(genome, contig.get(), start, ref));
        int scorable = 0;
        for (int a = 0; a < record.alleles(); a++) {
            SkipReason reason = recordReason != null ? recordReason : SkipReason.ofAllele(vc.getAlternateAllele(a));
            record.skipped[a] = reason;
            scorable += reason == null ? 1 : 0;
        }
        if (scorable > 0) {
            if (rows + 1 + scorable > batchSize) {
                flush(writer);
            }
            try {
                record.refRow = encode(genome, contig.get(), start, ref.length, ref);
                for (int a = 0; a < record.alleles(); a++) {
                    if (record.skipped[a] == null) {
                        record.altRows[a] = encode(genome, contig.get(), start, ref.length, vc.getAlternateAllele(a).getBases());
                    }
                }
            } catch (IllegalArgumentException e) {
                throw new InputFormatException(genome.path(), 0, "the window of the variant at " + vcf.getFileName() + ":" + line
                        + " (" + contig.get() + ":" + start + ") holds a base outside the DNA alphabet: " + e.getMessage());
            }
        }
        pending.add(record);
        if (rows >= batchSize) {
            flush(writer);
        }
    }

    /**
     * Whether the VCF's REF differs from the reference at POS, letter case aside; an N on either side
     * agrees with any base (unsequenced reference, or a REF that does not say).
     */
    private boolean disagrees(ReferenceSequence genome, String contig, long start, byte[] ref) throws IOException {
        byte[] bases = ref.length <= referenceBases.length ? referenceBases : new byte[ref.length];
        genome.copy(contig, start, ref.length, bases, 0);
        for (int k = 0; k < ref.length; k++) {
            int r = Character.toUpperCase(ref[k]);
            int g = Character.toUpperCase(bases[k]);
            if (r != g && r != 'N' && g != 'N') {
                return true;
            }
        }
        return false;
    }

    /** Writes one allele's window as the next batch row; returns the row. */
    private int encode(ReferenceSequence genome, String contig, long start, int refLength, byte[] allele) throws IOException {
        int size = input.featureSize();
        if ((rows + 1) * size > features.length) {
            features = Arrays.copyOf(features, (rows + 1) * size); // one record with more alleles than a batch holds
        }
        layout.write(genome, contig, start, refLength, allele, window);
        encoder.encode(window, features, rows * size);
        return rows++;
    }

    /** Predicts the pending windows and writes the pending records, in input order. */
    private void flush(EffectWriter writer) throws IOException {
        if (rows > 0) {
            int size = input.featureSize();
            int outputs = input.outputs().size();
            float[] batch = rows * size == features.length ? features : Arrays.copyOf(features, rows * size);
            float[] predicted = model.predict(new Batch(rows, batch, null));
            if (predicted.length != rows * outputs) {
                throw new IllegalStateException("the model predicted " + predicted.length + " values for " + rows + " windows of "
                        + outputs + " outputs");
            }
            for (RecordEffects record : pending) {
                if (record.refRow >= 0) {
                    record.refOutputs = Arrays.copyOfRange(predicted, record.refRow * outputs, (record.refRow + 1) * outputs);
                    for (int a = 0; a < record.alleles(); a++) {
                        int row = record.altRows[a];
                        if (row >= 0) {
                            record.altOutputs[a] = Arrays.copyOfRange(predicted, row * outputs, (row + 1) * outputs);
                        }
                    }
                }
            }
            rows = 0;
        }
        for (RecordEffects record : pending) {
            count(record);
            writer.write(record);
        }
        pending.clear();
    }

    private void count(RecordEffects record) {
        for (int a = 0; a < record.alleles(); a++) {
            variants++;
            if (record.scored(a)) {
                scored++;
                mismatches += record.refMismatch ? 1 : 0;
                keepIfStrong(record, a);
            } else {
                skipped++;
                reasons.merge(record.skipped[a].id(), 1, Integer::sum);
            }
        }
    }

    private void keepIfStrong(RecordEffects record, int alt) {
        if (strongestKept == 0) {
            return;
        }
        int best = 0;
        for (int o = 1; o < input.outputs().size(); o++) {
            best = Math.abs(record.diff(alt, o)) > Math.abs(record.diff(alt, best)) ? o : best;
        }
        double diff = record.diff(alt, best);
        if (strongest.size() == strongestKept && Math.abs(diff) <= strongest.peek().absDiff()) {
            return;
        }
        VariantContext vc = record.variant;
        strongest.add(new Strong(vc.getContig() + ":" + vc.getStart() + ":" + vc.getReference().getDisplayString() + ">"
                + vc.getAlternateAllele(alt).getDisplayString(), input.outputs().get(best), diff, Math.abs(diff)));
        if (strongest.size() > strongestKept) {
            strongest.poll();
        }
    }

    private List<Map<String, Object>> strongest() {
        List<Strong> sorted = new ArrayList<>(strongest);
        sorted.sort(Comparator.comparingDouble(Strong::absDiff).reversed());
        List<Map<String, Object>> list = new ArrayList<>();
        for (Strong s : sorted) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("variant", s.variant());
            entry.put("output", s.output());
            entry.put("diff", s.diff());
            list.add(entry);
        }
        return list;
    }
}
