package org.genomod.reader.alignments.internal;

import java.nio.file.Path;
import java.util.List;
import org.genomod.api.data.DataReader;
import org.genomod.api.data.InputFormatException;
import org.genomod.api.param.ParameterSchema;
import org.genomod.api.param.ParameterType;
import org.genomod.api.param.Parameters;

/**
 * The reader's parameters: their declaration and their validated, typed values.
 *
 * @param regions    samtools-style regions ({@code chr20}, {@code chr20:10000000-10010000}); empty: the whole file
 * @param truthVcf   {@code null} for unlabelled examples
 * @param confident  {@code null}: candidates everywhere; otherwise only inside these BED intervals
 */
record ReaderOptions(Path path, Path reference, List<String> regions, Path truthVcf, Path confident,
                     ReadFilter filter, int minBaseQuality, CandidateRule candidates, PileupGeometry geometry, int maxRecords) {

    static final String REFERENCE = "reference";
    static final String REGION = "region";
    static final String TRUTH_VCF = "truth_vcf";
    static final String CONFIDENT_BED = "confident_bed";
    static final String WIDTH = "width";
    static final String MAX_READS = "max_reads";
    static final String REFERENCE_ROWS = "reference_rows";
    static final String MIN_MAPPING_QUALITY = "min_mapping_quality";
    static final String MIN_BASE_QUALITY = "min_base_quality";
    static final String DROP_DUPLICATES = "drop_duplicates";
    static final String DROP_SECONDARY = "drop_secondary";
    static final String DROP_SUPPLEMENTARY = "drop_supplementary";
    static final String DROP_QC_FAIL = "drop_qc_fail";
    static final String DROP_IMPROPER_PAIRS = "drop_improper_pairs";
    static final String MIN_ALT_COUNT = "min_alt_count";
    static final String MIN_ALT_FRACTION = "min_alt_fraction";
    static final String INDELS = "indels";
    static final String MIN_INDEL_FRACTION = "min_indel_fraction";
    static final String MAX_RECORDS = "max_records";
    static final String LAYOUT = "layout";

    static final ParameterSchema SCHEMA = ParameterSchema.builder()
            .required(DataReader.PATH, ParameterType.PATH, "coordinate-sorted SAM, BAM or CRAM; BAM and CRAM need an index for region")
            .required(REFERENCE, ParameterType.PATH, "the reference FASTA the reads were aligned to, indexed (.fai; bgzip also .gzi)")
            .optional(REGION, ParameterType.STRING_LIST, null,
                    "samtools-style regions, e.g. chr20:10000000-10010000 or chr20 (1-based, inclusive); default: the whole file")
            .optional(TRUTH_VCF, ParameterType.PATH, null, "truth VCF whose genotypes label the candidates; without it examples are unlabelled")
            .optional(CONFIDENT_BED, ParameterType.PATH, null, "BED of confident regions: only candidates inside them become examples")
            .integer(WIDTH, 101, 3, 1001, "reference positions per pileup row, centred on the candidate (odd)")
            .integer(MAX_READS, 95, 1, 1000, "read rows per pileup; more reads are sampled deterministically")
            .integer(REFERENCE_ROWS, 5, 0, 100, "rows repeating the reference at the top of each pileup")
            .choice(LAYOUT, "image", List.of("image", "positions"),
                    "image: [rows, width, 6] as DeepVariant; positions: [width, rows x 6], one vector per position for 1-D convolutions")
            .integer(MIN_MAPPING_QUALITY, 10, 0, 255, "reads with a lower mapping quality are skipped (samtools -q)")
            .integer(MIN_BASE_QUALITY, 10, 0, 93, "bases with a lower quality are not counted (samtools -Q)")
            .flag(DROP_DUPLICATES, true, "skip reads flagged as duplicates (0x400)")
            .flag(DROP_SECONDARY, true, "skip secondary alignments (0x100)")
            .flag(DROP_SUPPLEMENTARY, true, "skip supplementary alignments (0x800)")
            .flag(DROP_QC_FAIL, true, "skip reads that failed vendor quality checks (0x200)")
            .flag(DROP_IMPROPER_PAIRS, false, "skip paired reads without the proper-pair flag, as samtools mpileup does without -A")
            .integer(MIN_ALT_COUNT, 2, 1, 1_000_000, "reads that must show an alternative allele for a candidate")
            .number(MIN_ALT_FRACTION, 0.12, 0, 1, "fraction of the depth that must show an alternative base for an SNV candidate")
            .flag(INDELS, true, "also make candidates of insertions and deletions seen in the CIGARs")
            .number(MIN_INDEL_FRACTION, 0.06, 0, 1, "fraction of the depth that must show an indel for an indel candidate")
            .integer(MAX_RECORDS, 10_000, 1, 10_000_000,
                    "most candidates to hold in memory (about 20 KB each at 30x); a read that finds more fails, naming this parameter")
            .build();

    static ReaderOptions of(Parameters parameters) throws InputFormatException {
        Path path = parameters.path(DataReader.PATH);
        int width = parameters.integer(WIDTH);
        if (width % 2 == 0) {
            throw new InputFormatException(path, 0, "width must be odd so that the candidate sits in the centre column, got " + width);
        }
        int minBaseQuality = parameters.integer(MIN_BASE_QUALITY);
        ReadFilter filter = new ReadFilter(parameters.integer(MIN_MAPPING_QUALITY),
                parameters.flag(DROP_DUPLICATES), parameters.flag(DROP_SECONDARY), parameters.flag(DROP_SUPPLEMENTARY),
                parameters.flag(DROP_QC_FAIL), parameters.flag(DROP_IMPROPER_PAIRS));
        CandidateRule candidates = new CandidateRule(parameters.integer(MIN_ALT_COUNT), parameters.number(MIN_ALT_FRACTION),
                parameters.flag(INDELS), parameters.number(MIN_INDEL_FRACTION));
        PileupGeometry geometry = new PileupGeometry(width, parameters.integer(REFERENCE_ROWS), parameters.integer(MAX_READS),
                parameters.string(LAYOUT).equals("positions"));
        return new ReaderOptions(path, parameters.path(REFERENCE),
                parameters.has(REGION) ? parameters.strings(REGION) : List.of(),
                parameters.has(TRUTH_VCF) ? parameters.path(TRUTH_VCF) : null,
                parameters.has(CONFIDENT_BED) ? parameters.path(CONFIDENT_BED) : null,
                filter, minBaseQuality, candidates, geometry, parameters.integer(MAX_RECORDS));
    }
}
