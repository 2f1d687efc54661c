package org.genomod.reader.vcf.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.genomod.api.data.DataReader;
import org.genomod.api.data.InputFormatException;
import org.genomod.api.param.Parameter;
import org.genomod.api.param.ParameterSchema;
import org.genomod.api.param.ParameterType;
import org.genomod.api.param.Parameters;
import org.genomod.reader.support.genome.Region;

/**
 * The reader's parameters: their declaration and their validated, typed values. Parameters that
 * belong to one mode have no declared default, so giving one in the other mode is reported instead
 * of being silently ignored; their defaults are applied here.
 *
 * @param reference    the indexed FASTA (variants mode), {@code null} in genotypes mode
 * @param region       {@code null} for the whole file
 * @param labelInfo    the INFO field holding labels (variants mode), or {@code null}
 * @param labelsFile   the sample label table (genotypes mode), or {@code null}
 * @param positive     the positive class of a binary task, or {@code null}
 */
record VcfOptions(Path path, Mode mode, Path reference, int window, boolean skipRefMismatch, ContigNames contigNames,
                  Region region, int maxVariants, boolean passOnly, Set<AlleleKind> kinds, String labelInfo,
                  Path labelsFile, LabelPlan.TaskChoice task, String positive, Missing missing) {

    enum Mode { VARIANTS, GENOTYPES }

    /** How a genotype without a call is encoded (genotypes mode). */
    enum Missing { MEAN, ZERO, NAN, ERROR }

    static final String MODE = "mode";
    static final String REFERENCE = "reference";
    static final String WINDOW = "window";
    static final String ON_REF_MISMATCH = "on_ref_mismatch";
    static final String CHR_PREFIX = "chr_prefix";
    static final String CONTIG_MAP = "contig_map";
    static final String REGION = "region";
    static final String MAX_VARIANTS = "max_variants";
    static final String PASS_ONLY = "pass_only";
    static final String VARIANT_TYPES = "variant_types";
    static final String LABEL_INFO = "label_info";
    static final String LABELS_FILE = "labels_file";
    static final String TASK = "task";
    static final String POSITIVE = "positive";
    static final String MISSING = "missing";

    static final int DEFAULT_WINDOW = 200;
    static final int MAX_WINDOW = 100_000;
    static final int DEFAULT_MAX_VARIANTS = 100_000;

    private static final List<String> VARIANTS_ONLY = List.of(REFERENCE, WINDOW, ON_REF_MISMATCH, CHR_PREFIX, CONTIG_MAP, LABEL_INFO);
    private static final List<String> GENOTYPES_ONLY = List.of(LABELS_FILE, MISSING);

    static final ParameterSchema SCHEMA = ParameterSchema.builder()
            .required(DataReader.PATH, ParameterType.PATH, "VCF (plain, gzip or bgzip) or BCF 2.1 file")
            .choice(MODE, "variants", List.of("variants", "genotypes"),
                    "variants: one example per ALT allele, its reference and alternative windows; "
                            + "genotypes: one example per sample, its ALT allele counts")
            .optional(REFERENCE, ParameterType.PATH, null,
                    "variants mode, required: indexed FASTA (.fai; bgzip also .gzi) the windows come from and REF is checked against")
            .add(new Parameter(WINDOW, ParameterType.INTEGER, false, null,
                    "variants mode: bases per window, default " + DEFAULT_WINDOW, null, 1.0, (double) MAX_WINDOW))
            .add(choice(ON_REF_MISMATCH, List.of("error", "skip"),
                    "variants mode: a REF allele that differs from the reference stops the read (error, the default) "
                            + "or drops the variant and is counted (skip)"))
            .add(choice(CHR_PREFIX, List.of("keep", "add", "remove"),
                    "variants mode: VCF contig names as they are (keep, the default), with 'chr' added (20 -> chr20, MT -> chrM) "
                            + "or removed, to match the reference"))
            .optional(CONTIG_MAP, ParameterType.MAP, null, "variants mode: VCF contig -> reference contig, before chr_prefix")
            .optional(REGION, ParameterType.STRING, null, "contig, contig:start or contig:start-end (1-based, VCF names); "
                    + "records overlapping it are read, through the .tbi index when there is one")
            .integer(MAX_VARIANTS, DEFAULT_MAX_VARIANTS, 1, 100_000_000,
                    "the most examples (variants mode) or variant columns (genotypes mode); more is an error, never a cut")
            .flag(PASS_ONLY, false, "read only records whose FILTER is PASS or '.'")
            .add(new Parameter(VARIANT_TYPES, ParameterType.STRING_LIST, false, null,
                    "allele kinds to keep: snv, mnv, indel, complex, symbolic; default all that the mode can use",
                    List.of("snv", "mnv", "indel", "complex", "symbolic"), null, null))
            .optional(LABEL_INFO, ParameterType.STRING, null, "variants mode: the INFO field holding each variant's label")
            .optional(LABELS_FILE, ParameterType.PATH, null, "genotypes mode: TSV of sample<TAB>label, optional header")
            .choice(TASK, "auto", List.of("auto", "binary", "multiclass", "regression"),
                    "auto: regression for a Float INFO field, binary for a Flag or when positive is given with two classes, "
                            + "else multiclass")
            .optional(POSITIVE, ParameterType.STRING, null, "the positive class of a binary task (default 1 for 0/1 labels)")
            .add(choice(MISSING, List.of("mean", "zero", "nan", "error"),
                    "genotypes mode: an uncalled genotype becomes the variant's mean count over called samples (mean, the "
                            + "default), 0, NaN (for transform: standardize) or an error"))
            .build();

    private static Parameter choice(String name, List<String> choices, String description) {
        return new Parameter(name, ParameterType.STRING, false, null, description, choices, null, null);
    }

    static VcfOptions of(Parameters p) throws InputFormatException {
        Path path = p.path(DataReader.PATH);
        Mode mode = Mode.valueOf(upper(p.string(MODE)));
        List<String> misplaced = new ArrayList<>();
        for (String name : mode == Mode.VARIANTS ? GENOTYPES_ONLY : VARIANTS_ONLY) {
            if (p.has(name)) {
                misplaced.add(name);
            }
        }
        if (!misplaced.isEmpty()) {
            throw new InputFormatException(path, 0, String.join(", ", misplaced) + (misplaced.size() == 1 ? " applies" : " apply")
                    + " to mode " + (mode == Mode.VARIANTS ? "genotypes" : "variants") + " only, but mode is " + p.string(MODE));
        }
        if (mode == Mode.VARIANTS && !p.has(REFERENCE)) {
            throw new InputFormatException(path, 0, "mode variants needs the parameter reference: the indexed FASTA the windows come from");
        }
        Region region = null;
        if (p.has(REGION)) {
            try {
                region = Region.parse(p.string(REGION));
            } catch (IllegalArgumentException e) {
                throw new InputFormatException(path, 0, e.getMessage());
            }
        }
        return new VcfOptions(path, mode,
                p.has(REFERENCE) ? p.path(REFERENCE) : null,
                p.has(WINDOW) ? p.integer(WINDOW) : DEFAULT_WINDOW,
                p.has(ON_REF_MISMATCH) && p.string(ON_REF_MISMATCH).equals("skip"),
                new ContigNames(contigMap(p, path), ContigNames.prefix(p.has(CHR_PREFIX) ? p.string(CHR_PREFIX) : "keep")),
                region,
                p.integer(MAX_VARIANTS),
                p.flag(PASS_ONLY),
                kinds(p, mode, path),
                p.has(LABEL_INFO) ? p.string(LABEL_INFO) : null,
                p.has(LABELS_FILE) ? p.path(LABELS_FILE) : null,
                LabelPlan.choice(p.string(TASK)),
                p.has(POSITIVE) ? p.string(POSITIVE) : null,
                p.has(MISSING) ? Missing.valueOf(upper(p.string(MISSING))) : Missing.MEAN);
    }

    private static Map<String, String> contigMap(Parameters p, Path path) throws InputFormatException {
        Map<String, String> map = new LinkedHashMap<>();
        if (p.has(CONTIG_MAP)) {
            for (Map.Entry<String, Object> e : p.map(CONTIG_MAP).entrySet()) {
                if (e.getValue() == null || e.getValue() instanceof Map || e.getValue() instanceof List) {
                    throw new InputFormatException(path, 0, "contig_map must map each VCF contig to one reference contig name, "
                            + "but '" + e.getKey() + "' maps to " + e.getValue());
                }
                map.put(e.getKey(), e.getValue().toString());
            }
        }
        return map;
    }

    private static Set<AlleleKind> kinds(Parameters p, Mode mode, Path path) throws InputFormatException {
        if (!p.has(VARIANT_TYPES)) {
            return mode == Mode.VARIANTS ? EnumSet.complementOf(EnumSet.of(AlleleKind.SYMBOLIC)) : EnumSet.allOf(AlleleKind.class);
        }
        EnumSet<AlleleKind> kinds = EnumSet.noneOf(AlleleKind.class);
        for (String kind : p.strings(VARIANT_TYPES)) {
            kinds.add(AlleleKind.valueOf(upper(kind)));
        }
        if (kinds.isEmpty()) {
            throw new InputFormatException(path, 0, "variant_types is empty, so no variant would be read");
        }
        if (mode == Mode.VARIANTS && kinds.contains(AlleleKind.SYMBOLIC)) {
            throw new InputFormatException(path, 0, "variant_types symbolic cannot be used in mode variants: a symbolic allele "
                    + "such as <DEL> has no sequence to put in a window");
        }
        return kinds;
    }

    private static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
