package org.genomod.reader.vcf.internal;

import htsjdk.variant.variantcontext.Allele;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFContigHeaderLine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.InputFormatException;
import org.genomod.api.data.ReadContext;
import org.genomod.api.data.TaskType;

/**
 * Mode {@code variants}: one example per ALT allele (multi-allelic records are split), holding the
 * reference window and the alternative window around it. Each record's REF is checked against the
 * reference first; a mismatch stops the read or, with {@code on_ref_mismatch: skip}, drops the record
 * and is counted. Symbolic alleles have no sequence and are skipped and counted.
 */
final class VariantWindows {
    static final String ENCODING = "dna-one-hot-ref-alt";
    /** Records between cancellation checks. */
    private static final int CANCELLATION_INTERVAL = 4096;
    /** REF bases shown in messages. */
    private static final int SHOWN = 20;

    private final VcfOptions options;
    private final ReadContext context;
    private final WindowLayout layout;
    private final Skipped skipped = new Skipped();
    private final Map<String, Long> headerLengths = new HashMap<>();
    /** The reference's name of each VCF contig met so far, checked once for naming and length. */
    private final Map<String, String> referenceContigs = new HashMap<>();
    /** Each example by id, to find repeats. */
    private final Map<String, FirstUse> seen = new HashMap<>();
    /** One shared string per contig for the examples' groups. */
    private final Map<String, String> sharedGroups = new HashMap<>();
    private final byte[] refWindow;

    /** Examples so far: base masks ({@code 2 × window} bytes each: reference, then alternative), ids, groups, labels. */
    private byte[] masks = new byte[0];
    private final List<String> ids = new ArrayList<>();
    private final List<String> groups = new ArrayList<>();
    private final LabelledExamples labels;
    /** The INFO field labels come from, once the header is read; {@code null} without label_info. */
    private InfoLabel infoLabel;

    /** Where an example was first read: its index, and its line (VCF) or record number. */
    private record FirstUse(int index, long where) {
    }

    private VariantWindows(VcfOptions options, ReadContext context) {
        this.options = options;
        this.context = context;
        this.layout = new WindowLayout(options.window());
        this.refWindow = new byte[options.window()];
        this.labels = new LabelledExamples(options.path());
    }

    static Dataset read(VcfOptions options, ReadContext context) throws IOException {
        return new VariantWindows(options, context).read();
    }

    private Dataset read() throws IOException {
        Path path = options.path();
        try (VariantStream stream = VariantFiles.open(path, options.region(), Columns.SITES);
             IndexedReference reference = IndexedReference.open(options.reference())) {
            for (VCFContigHeaderLine line : stream.header().getContigLines()) {
                headerLengths.put(line.getID(), (long) line.getSAMSequenceRecord().getSequenceLength());
            }
            infoLabel = options.labelInfo() == null ? null : InfoLabel.of(stream.header(), options.labelInfo(), path);
            for (VariantContext vc = stream.next(); vc != null; vc = stream.next()) {
                if (stream.records() % CANCELLATION_INTERVAL == 1 && context.cancellation().isCancelled()) {
                    throw new CancellationException("reading " + path + " was cancelled: " + context.cancellation().reason());
                }
                if (stream.regionApplied() || options.region() == null || options.region().overlaps(vc.getContig(), vc.getStart(), vc.getEnd())) {
                    add(vc, stream, reference);
                }
            }
            if (ids.isEmpty()) {
                throw new InputFormatException(path, 0, "has no variant allele to read" + (options.region() != null ? " in region "
                        + options.region() : "") + " (" + stream.records() + " records; skipped: " + skipped + ")"
                        + (options.region() != null ? VariantFiles.regionHint(options.region(), stream.header()) : ""));
            }
        }
        return build();
    }

    /** Adds the examples of one record: its usable ALT alleles, once its REF agrees with the reference. */
    private void add(VariantContext vc, VariantStream stream, IndexedReference reference) throws IOException {
        List<Integer> usable = usableAlleles(vc);
        if (usable.isEmpty()) {
            return;
        }
        String contig = referenceContig(vc, stream, reference);
        long start = vc.getStart();
        byte[] ref = vc.getReference().getBases();
        long end = start + ref.length - 1;
        reference.load(contig, start - options.window(), end + options.window());
        String mismatch = refMismatch(reference, contig, start, ref);
        if (mismatch != null) {
            if (!options.skipRefMismatch()) {
                throw stream.error(mismatch + "; set on_ref_mismatch: skip to drop such records");
            }
            skipped.add("ref_mismatch_record");
            skipped.add("ref_mismatch_allele", usable.size());
            return;
        }
        layout.write(reference, start, end, null, refWindow, 0);
        long where = stream.line() > 0 ? stream.line() : stream.records();
        for (int alt : usable) {
            Allele allele = vc.getAlternateAllele(alt);
            String id = vc.getContig() + ":" + start + ":" + vc.getReference().getBaseString() + ">" + allele.getBaseString();
            String label = infoLabel == null ? null : infoLabel.of(vc, alt, stream);
            FirstUse first = seen.putIfAbsent(id, new FirstUse(ids.size(), where));
            if (first != null) {
                if (!Objects.equals(labels.label(first.index()), label)) {
                    throw stream.error("variant " + id + " appears again with another label (first at "
                            + (stream.line() > 0 ? "line " : "record ") + first.where() + ")");
                }
                skipped.add("repeated_variant");
                continue;
            }
            if (ids.size() == options.maxVariants()) {
                throw new InputFormatException(options.path(), 0, "has more than max_variants (" + String.format("%,d", options.maxVariants())
                        + ") variant alleles to read; narrow it with region, pass_only or variant_types, or raise max_variants");
            }
            int offset = grow();
            System.arraycopy(refWindow, 0, masks, offset, options.window());
            layout.write(reference, start, end, allele.getBases(), masks, offset + options.window());
            ids.add(id);
            groups.add(sharedGroups.computeIfAbsent(vc.getContig(), c -> c));
            labels.add(label, where, "variant " + id);
        }
    }

    /** The ALT alleles (0-based) this read uses; the others are counted as skipped. */
    private List<Integer> usableAlleles(VariantContext vc) {
        if (options.passOnly() && vc.isFiltered()) {
            skipped.add("filtered_record");
            return List.of();
        }
        List<Allele> alts = vc.getAlternateAlleles();
        if (alts.isEmpty()) {
            skipped.add("record_without_alt");
            return List.of();
        }
        List<Integer> usable = new ArrayList<>(alts.size());
        for (int i = 0; i < alts.size(); i++) {
            AlleleKind kind = AlleleKind.of(vc.getReference(), alts.get(i));
            if (kind == AlleleKind.SYMBOLIC) {
                skipped.add("symbolic_allele");
            } else if (!options.kinds().contains(kind)) {
                skipped.add(kind.id() + "_allele");
            } else {
                usable.add(i);
            }
        }
        return usable;
    }

    /** The reference's name for the record's contig, checked once per contig for naming and length. */
    private String referenceContig(VariantContext vc, VariantStream stream, IndexedReference reference) throws InputFormatException {
        String known = referenceContigs.get(vc.getContig());
        if (known != null) {
            return known;
        }
        String contig = options.contigNames().toReference(vc.getContig());
        if (!reference.has(contig)) {
            throw stream.error(options.contigNames().explainMissing(vc.getContig(), reference.contigs()));
        }
        Long declared = headerLengths.get(vc.getContig());
        // another build makes most REF alleles disagree; with skip, the REF check decides record by record
        if (!options.skipRefMismatch() && declared != null && declared > 0 && declared != reference.length(contig)) {
            throw stream.error(String.format("contig %s is %,d bp in the VCF header but %s is %,d bp in the reference, so they "
                    + "come from different genome builds", vc.getContig(), declared, contig, reference.length(contig)));
        }
        referenceContigs.put(vc.getContig(), contig);
        return contig;
    }

    /** Why REF disagrees with the reference, or {@code null} when it agrees. */
    private static String refMismatch(IndexedReference reference, String contig, long start, byte[] ref) {
        long length = reference.length(contig);
        if (start < 1 || start + ref.length - 1 > length) {
            return String.format("REF %s at %s:%d lies outside %s (%,d bp) in the reference", shown(ref), contig, start, contig, length);
        }
        for (int k = 0; k < ref.length; k++) {
            if (!Bases.agrees(Bases.mask(ref[k]), reference.mask(start + k))) {
                StringBuilder found = new StringBuilder();
                for (int j = 0; j < ref.length && j < SHOWN; j++) {
                    found.append(Bases.code(reference.mask(start + j)));
                }
                return "REF " + shown(ref) + " does not match the reference, which has " + found + (ref.length > SHOWN ? "..." : "")
                        + " at " + contig + ":" + start;
            }
        }
        return null;
    }

    private static String shown(byte[] bases) {
        String s = new String(bases, StandardCharsets.US_ASCII);
        return s.length() > SHOWN ? s.substring(0, SHOWN) + "..." : s;
    }

    /** Room for one more example; returns its offset in {@link #masks}. */
    private int grow() {
        long needed = (ids.size() + 1L) * 2 * options.window();
        if (needed > masks.length) {
            long capacity = Math.max(needed, Math.max(2L * options.window() * 64, masks.length * 2L));
            if (needed > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("windows exceed one array (2 GB); lower max_variants or window");
            }
            masks = Arrays.copyOf(masks, (int) Math.min(capacity, Integer.MAX_VALUE - 8));
        }
        return (int) (needed - 2L * options.window());
    }

    private Dataset build() throws InputFormatException {
        String hint = infoLabel == null ? "no label_info is given" : "INFO " + infoLabel.field() + " is missing or '.'";
        boolean labelled = labels.labelled(context, hint);
        LabelPlan plan = LabelPlan.resolve(options.task(), options.positive(), labelled ? labels.classes() : Map.of(),
                infoLabel != null && infoLabel.numeric(), infoLabel == null ? "label" : infoLabel.field(),
                infoLabel != null && infoLabel.flag(), context.outputs(), options.path());
        if (labelled && plan.task() == TaskType.REGRESSION) {
            labels.checkNumeric("INFO " + infoLabel.field() + " value");
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("mode", "variants");
        attributes.put("window", options.window());
        attributes.put("channels", List.of("ref:A", "ref:C", "ref:G", "ref:T", "alt:A", "alt:C", "alt:G", "alt:T"));
        attributes.put("allele_offset", "floor((window - allele_length + 1) / 2)");
        attributes.put("reference", options.reference().getFileName().toString());
        attributes.put("skipped", skipped.asAttribute());
        DatasetSchema schema = new DatasetSchema(List.of(options.window(), WindowDataset.CHANNELS), ENCODING, plan.task(),
                plan.outputs(), attributes);
        int n = ids.size();
        return new WindowDataset(schema, options.window(), Arrays.copyOf(masks, n * 2 * options.window()),
                ids.toArray(String[]::new), groups.toArray(String[]::new), labelled ? labels.encode(plan) : null);
    }
}
