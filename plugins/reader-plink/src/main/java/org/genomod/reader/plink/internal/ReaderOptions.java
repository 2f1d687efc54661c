package org.genomod.reader.plink.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.genomod.api.data.DataReader;
import org.genomod.api.data.InputFormatException;
import org.genomod.api.param.Parameter;
import org.genomod.api.param.ParameterSchema;
import org.genomod.api.param.ParameterType;
import org.genomod.api.param.Parameters;

/**
 * The reader's parameters: their declaration and their validated, typed values.
 *
 * @param phenotypeColumns the phenotype table's columns to read, one output each when there are several;
 *                         empty for the first column after the ids
 * @param positives        the positive classes of text phenotype columns
 * @param snps             the SNPs to keep, in feature order; empty for all (or the first {@code maxSnps})
 * @param maxSnps          0 for no limit
 */
record ReaderOptions(Path bed, Path bim, Path fam, PhenotypeSource phenotype, Path phenotypeFile,
                     List<String> phenotypeColumns, String groupColumn, Phenotypes.TaskChoice task, boolean excludeMissingPhenotype,
                     Set<String> positives, boolean countA1, Missing missing, boolean mask, List<String> snps, int maxSnps) {

    /** Where phenotypes come from. */
    enum PhenotypeSource { FAM, FILE, NONE }

    /** What a missing genotype call becomes. */
    enum Missing {
        /** The SNP's mean allele count over the samples read. */
        MEAN,
        /** NaN: {@code data.transform: standardize} fills in the training split's mean. */
        NAN,
        ZERO,
        ERROR;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final String BIM_FILE = "bim_file";
    static final String FAM_FILE = "fam_file";
    static final String PHENOTYPE = "phenotype";
    static final String PHENOTYPE_FILE = "phenotype_file";
    static final String PHENOTYPE_COLUMN = "phenotype_column";
    static final String GROUP_COLUMN = "group_column";
    static final String TASK = "task";
    static final String MISSING_PHENOTYPE = "missing_phenotype";
    static final String POSITIVE = "positive";
    static final String COUNTED_ALLELE = "counted_allele";
    static final String MISSING = "missing";
    static final String MASK = "mask";
    static final String SNPS = "snps";
    static final String MAX_SNPS = "max_snps";

    static final ParameterSchema SCHEMA = ParameterSchema.builder()
            .required(DataReader.PATH, ParameterType.PATH,
                    "PLINK 1 .bed genotype file (SNP-major), plain or gzip; the .bim and .fam beside it share its name")
            .optional(BIM_FILE, ParameterType.PATH, null, "the .bim file (default: beside path, same name)")
            .optional(FAM_FILE, ParameterType.PATH, null, "the .fam file (default: beside path, same name)")
            .add(new Parameter(PHENOTYPE, ParameterType.STRING, false, null,
                    "fam: column 6 of the .fam; file: phenotype_file; none; default fam, or file when phenotype_file is given",
                    List.of("fam", "file", "none"), null, null))
            .optional(PHENOTYPE_FILE, ParameterType.PATH, null,
                    "side table with a header: 'FID IID pheno...' or 'sample pheno...'; tab or space separated")
            .optional(PHENOTYPE_COLUMN, ParameterType.STRING_LIST, null,
                    "the phenotype_file column to use (default: the first after the sample id columns); several columns "
                            + "of binary phenotypes make a multi-label task with one output per column")
            .optional(GROUP_COLUMN, ParameterType.STRING, null,
                    "a phenotype_file column of groups kept apart by split method groups (e.g. population)")
            .choice(TASK, "auto", List.of("auto", "binary", "regression"),
                    "auto: binary for case/control phenotypes (1/2, or 0/1 in a side table), else regression")
            .choice(MISSING_PHENOTYPE, "exclude", List.of("exclude", "error"),
                    "training: leave out samples without a phenotype, or refuse them")
            .optional(POSITIVE, ParameterType.STRING_LIST, List.of(),
                    "the positive class of a phenotype column of two text classes (e.g. JPT+CHB): case/control with 1 for it")
            .choice(COUNTED_ALLELE, "a1", List.of("a1", "a2"),
                    "the allele counted (0, 1, 2): a1 is the .bim's fifth column, as plink --recode A --keep-allele-order")
            .choice(MISSING, "mean", List.of("mean", "nan", "zero", "error"),
                    "missing calls: the SNP's mean count over the samples read; nan (data.transform: standardize "
                            + "fills in the training split's mean); 0; or an error")
            .flag(MASK, false, "add an observed channel: features [snps, 2] = (count, 1 if called else 0)")
            .optional(SNPS, ParameterType.STRING_LIST, List.of(), "SNP ids to keep, in this feature order (default: all)")
            .add(new Parameter(MAX_SNPS, ParameterType.INTEGER, false, 0, "keep the first n SNPs of the file; 0: all",
                    null, 0.0, (double) Integer.MAX_VALUE))
            .build();

    static ReaderOptions of(Parameters parameters) throws InputFormatException {
        Path bed = parameters.path(DataReader.PATH);
        Path phenotypeFile = parameters.has(PHENOTYPE_FILE) ? parameters.path(PHENOTYPE_FILE) : null;
        PhenotypeSource source = parameters.has(PHENOTYPE)
                ? PhenotypeSource.valueOf(parameters.string(PHENOTYPE).toUpperCase(Locale.ROOT))
                : phenotypeFile != null ? PhenotypeSource.FILE : PhenotypeSource.FAM;
        if (source == PhenotypeSource.FILE && phenotypeFile == null) {
            throw new InputFormatException(bed, 0, "phenotype: file needs the parameter phenotype_file");
        }
        if (source != PhenotypeSource.FILE && phenotypeFile != null) {
            throw new InputFormatException(bed, 0, "phenotype_file is given but phenotype is '"
                    + parameters.string(PHENOTYPE) + "'; set phenotype: file or drop phenotype_file");
        }
        for (String column : List.of(PHENOTYPE_COLUMN, GROUP_COLUMN)) {
            if (parameters.has(column) && phenotypeFile == null) {
                throw new InputFormatException(bed, 0, column + " names a column of phenotype_file, which is not given");
            }
        }
        List<String> columns = parameters.has(PHENOTYPE_COLUMN) ? parameters.strings(PHENOTYPE_COLUMN) : List.of();
        if (new java.util.HashSet<>(columns).size() < columns.size()) {
            throw new InputFormatException(bed, 0, "phenotype_column names a column twice: " + columns);
        }
        if (columns.size() > 1 && parameters.string(TASK).equals("regression")) {
            throw new InputFormatException(bed, 0, "several phenotype columns make a multi-label task of binary phenotypes, "
                    + "not a regression; give one column for task regression");
        }
        List<String> snps = parameters.strings(SNPS);
        int maxSnps = parameters.integer(MAX_SNPS);
        if (!snps.isEmpty() && maxSnps > 0) {
            throw new InputFormatException(bed, 0, "snps and max_snps both select SNPs; choose one");
        }
        return new ReaderOptions(bed,
                parameters.has(BIM_FILE) ? parameters.path(BIM_FILE) : sibling(bed, ".bim"),
                parameters.has(FAM_FILE) ? parameters.path(FAM_FILE) : sibling(bed, ".fam"),
                source, phenotypeFile,
                columns,
                parameters.has(GROUP_COLUMN) ? parameters.string(GROUP_COLUMN) : null,
                Phenotypes.TaskChoice.of(parameters.string(TASK)),
                parameters.string(MISSING_PHENOTYPE).equals("exclude"),
                Set.copyOf(parameters.strings(POSITIVE)),
                parameters.string(COUNTED_ALLELE).equals("a1"),
                Missing.valueOf(parameters.string(MISSING).toUpperCase(Locale.ROOT)),
                parameters.flag(MASK),
                snps, maxSnps);
    }

    /** The trio member beside {@code bed}: {@code x.bed} or {@code x.bed.gz} gives {@code x.bim}. */
    static Path sibling(Path bed, String extension) {
        return bed.resolveSibling(prefix(bed) + extension);
    }

    /** The trio's common name: the file name without {@code .bed} or {@code .bed.gz}. */
    static String prefix(Path bed) {
        String name = bed.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        for (String suffix : List.of(".bed.gz", ".bed", ".bim", ".fam")) {
            if (lower.endsWith(suffix)) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    /** Checks that the trio's text files exist (they are not parameters when taken beside the .bed). */
    void checkTrio() throws InputFormatException {
        for (Path member : List.of(bim, fam)) {
            if (!Files.isRegularFile(member)) {
                throw new InputFormatException(bed, 0, "has no " + member.getFileName() + " beside it; give bim_file and fam_file"
                        + " when the trio's names differ");
            }
        }
    }

    BimFile.Selection selection() {
        if (!snps.isEmpty()) {
            return BimFile.Selection.ids(snps);
        }
        return maxSnps > 0 ? BimFile.Selection.first(maxSnps) : BimFile.Selection.all();
    }
}
