package org.genomod.reader.vcf.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.InputFormatException;
import org.genomod.api.data.ReadContext;
import org.genomod.api.data.TaskType;

/**
 * Mode {@code genotypes}: one example per sample, one feature per ALT allele (multi-allelic records
 * give a column per ALT): the number of copies of that allele in the sample's genotype (additive
 * coding, 0, 1, 2 for a diploid). A genotype with any uncalled allele ({@code ./.}, {@code ./1}) has no
 * count; {@code missing} decides what it becomes. The {@code *} allele of an overlapping deletion is
 * not an allele of the site and gives no column.
 */
final class GenotypeMatrix {
    static final String ENCODING = "genotype-allele-count";
    private static final int CANCELLATION_INTERVAL = 4096;

    private final VcfOptions options;
    private final ReadContext context;
    private final Skipped skipped = new Skipped();
    private final List<String> columnIds = new ArrayList<>();
    private int samples;
    /** Column-major while reading: column {@code v}'s counts are {@code counts[v * samples .. (v + 1) * samples)}. */
    private byte[] counts = new byte[0];
    private long[] called = new long[0];
    private long[] sums = new long[0];
    private long missingGenotypes;

    private GenotypeMatrix(VcfOptions options, ReadContext context) {
        this.options = options;
        this.context = context;
    }

    static Dataset read(VcfOptions options, ReadContext context) throws IOException {
        return new GenotypeMatrix(options, context).read();
    }

    private Dataset read() throws IOException {
        Path path = options.path();
        SampleLabels table = options.labelsFile() == null ? null : SampleLabels.read(options.labelsFile());
        List<String> names;
        try (VariantStream stream = VariantFiles.open(path, options.region(), Columns.GENOTYPES)) {
            names = List.copyOf(stream.header().getGenotypeSamples());
            samples = names.size();
            if (samples == 0) {
                throw new InputFormatException(path, 0, "has no samples, but mode genotypes makes one example per sample");
            }
            for (VariantRecord r = stream.nextRecord(false); r != null; r = stream.nextRecord(false)) {
                if (stream.records() % CANCELLATION_INTERVAL == 1 && context.cancellation().isCancelled()) {
                    throw new CancellationException("reading " + path + " was cancelled: " + context.cancellation().reason());
                }
                if (!stream.regionApplied() && options.region() != null && !options.region().overlaps(r.contig(), r.start(), r.end())) {
                    continue;
                }
                int[] columnOfAllele = columns(r, path);
                if (columnOfAllele != null) {
                    r.decodeGenotypes(stream);
                    count(r, columnOfAllele, names, stream);
                }
            }
            if (columnIds.isEmpty()) {
                throw new InputFormatException(path, 0, "has no variant allele to read" + (options.region() != null ? " in region "
                        + options.region() : "") + " (" + stream.records() + " records; skipped: " + skipped + ")"
                        + (options.region() != null ? VariantFiles.regionHint(options.region(), stream.header()) : ""));
            }
        }
        return build(names, table);
    }

    /**
     * Adds this record's columns; returns the column of each allele (index 0 is REF: -1), or {@code null}
     * when the record gives none.
     */
    private int[] columns(VariantRecord r, Path path) throws InputFormatException {
        if (options.passOnly() && r.filtered()) {
            skipped.add("filtered_record");
            return null;
        }
        int alleles = r.alleles();
        if (alleles == 1) {
            skipped.add("record_without_alt");
            return null;
        }
        int[] column = new int[alleles];
        column[0] = -1;
        boolean any = false;
        for (int i = 1; i < alleles; i++) {
            AlleleKind kind = r.kind(i);
            column[i] = -1;
            if (r.spanningDeletion(i)) {
                skipped.add("overlapping_deletion_allele");
            } else if (!options.kinds().contains(kind)) {
                skipped.add(kind.id() + "_allele");
            } else {
                if (columnIds.size() == options.maxVariants()) {
                    throw new InputFormatException(path, 0, "has more than max_variants (" + String.format("%,d", options.maxVariants())
                            + ") variant alleles to read; narrow it with region, pass_only or variant_types, or raise max_variants");
                }
                column[i] = addColumn(r.contig() + ":" + r.start() + ":" + r.display(0) + ">" + r.display(i));
                any = true;
            }
        }
        return any ? column : null;
    }

    private int addColumn(String id) {
        int v = columnIds.size();
        if ((long) (v + 1) * samples > counts.length) {
            int capacity = Math.max(64, called.length * 2);
            if ((long) capacity * samples > Integer.MAX_VALUE - 8) {
                capacity = (Integer.MAX_VALUE - 8) / samples;
                if (capacity <= v) {
                    throw new IllegalStateException("samples x variants exceed one array; lower max_variants");
                }
            }
            counts = Arrays.copyOf(counts, capacity * samples);
            called = Arrays.copyOf(called, capacity);
            sums = Arrays.copyOf(sums, capacity);
        }
        columnIds.add(id);
        return v;
    }

    private void count(VariantRecord r, int[] columnOfAllele, List<String> names, VariantStream stream) throws InputFormatException {
        for (int s = 0; s < samples; s++) {
            int ploidy = r.ploidy(s);
            boolean uncalled = ploidy == 0;
            for (int k = 0; k < ploidy; k++) {
                uncalled |= r.genotypeAllele(s, k) < 0;
            }
            for (int i = 1; i < columnOfAllele.length; i++) {
                int v = columnOfAllele[i];
                if (v < 0) {
                    continue;
                }
                int at = v * samples + s;
                if (uncalled) {
                    if (options.missing() == VcfOptions.Missing.ERROR) {
                        throw stream.error("sample " + names.get(s) + " has no genotype call (" + r.genotypeString(s)
                                + "); set missing: mean, zero or nan to read it");
                    }
                    counts[at] = -1;
                    missingGenotypes++;
                } else {
                    int copies = 0;
                    for (int k = 0; k < ploidy; k++) {
                        copies += r.genotypeAllele(s, k) == i ? 1 : 0;
                    }
                    counts[at] = (byte) copies;
                    called[v]++;
                    sums[v] += copies;
                }
            }
        }
    }

    private Dataset build(List<String> names, SampleLabels table) throws IOException {
        int columns = columnIds.size();
        byte[] rows = new byte[samples * columns];
        for (int v = 0; v < columns; v++) {
            int from = v * samples;
            for (int s = 0; s < samples; s++) {
                rows[s * columns + v] = counts[from + s];
            }
        }
        counts = null; // the column-major copy is no longer needed
        float[] fill = new float[columns];
        long withoutCalls = 0;
        for (int v = 0; v < columns; v++) {
            fill[v] = switch (options.missing()) {
                case NAN -> Float.NaN;
                case MEAN -> called[v] == 0 ? 0f : (float) ((double) sums[v] / called[v]);
                default -> 0f;
            };
            withoutCalls += called[v] == 0 ? 1 : 0;
        }

        Path labelFile = table == null ? options.path() : table.file();
        LabelledExamples labels = new LabelledExamples(labelFile);
        for (String name : names) {
            SampleLabels.Entry entry = table == null ? null : table.get(name);
            labels.add(entry == null ? null : entry.label(), entry == null ? 0 : entry.line(), "sample " + name);
        }
        String hint = table == null ? "no labels_file is given" : "it is not listed in " + table.file().getFileName();
        boolean labelled = labels.labelled(context, hint);
        LabelPlan plan = LabelPlan.resolve(options.task(), options.positive(), labelled ? labels.classes() : Map.of(), false,
                table == null ? "label" : table.column(), false, context.outputs(), labelFile);
        if (labelled && plan.task() == TaskType.REGRESSION) {
            labels.checkNumeric("label");
        }

        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("mode", "genotypes");
        attributes.put("variants", columns);
        attributes.put("missing", options.missing().name().toLowerCase(java.util.Locale.ROOT));
        attributes.put("feature_digest", digest(columnIds));
        attributes.put("first_feature", columnIds.get(0));
        attributes.put("last_feature", columnIds.get(columns - 1));
        attributes.put("missing_genotypes", missingGenotypes);
        attributes.put("variants_without_calls", withoutCalls);
        attributes.put("skipped", skipped.asAttribute());
        DatasetSchema schema = new DatasetSchema(List.of(columns), ENCODING, plan.task(), plan.outputs(), attributes);
        return new GenotypeDataset(schema, columns, rows, fill, names.toArray(String[]::new), labelled ? labels.encode(plan) : null);
    }

    /** Identifies the feature columns, so a model's card says which variants (in which order) it was trained on. */
    private static String digest(List<String> ids) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String id : ids) {
                sha.update(id.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
