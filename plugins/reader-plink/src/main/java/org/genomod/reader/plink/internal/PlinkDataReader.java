package org.genomod.reader.plink.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.genomod.api.data.DataReader;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.InputFormatException;
import org.genomod.api.data.ReadContext;
import org.genomod.api.data.TaskType;
import org.genomod.api.param.ParameterSchema;
import org.genomod.api.param.Parameters;
import org.genomod.api.train.Cancellation;
import org.osgi.service.component.annotations.Component;

/**
 * Reads a PLINK 1 binary trio (.bed, .bim, .fam) into one example per sample with one feature per
 * SNP: the number of copies of the counted allele (0, 1, 2). The label is the phenotype, from the
 * .fam or a side table: case/control gives a binary task with the output {@code case} (or the positive
 * class of a text column), anything else a regression; several side-table columns of binary phenotypes
 * give a multi-label task with one output per column. The matrix is held in memory, one byte per
 * genotype; {@code snps} or {@code max_snps} bound it.
 */
@Component(service = DataReader.class, property = {
    DataReader.SERVICE_PROPERTY + "=plink",
    DataReader.FORMATS_PROPERTY + "=plink"})
public final class PlinkDataReader implements DataReader {
    static final String ENCODING = "allele-count";
    static final String CASE = "case";
    private static final int CANCELLATION_INTERVAL = 1024;

    @Override
    public ParameterSchema parameters() {
        return ReaderOptions.SCHEMA;
    }

    @Override
    public List<Path> inputs(Parameters parameters) {
        Path bed = parameters.path(PATH);
        List<Path> inputs = new ArrayList<>(List.of(bed,
                parameters.has(ReaderOptions.BIM_FILE) ? parameters.path(ReaderOptions.BIM_FILE) : ReaderOptions.sibling(bed, ".bim"),
                parameters.has(ReaderOptions.FAM_FILE) ? parameters.path(ReaderOptions.FAM_FILE) : ReaderOptions.sibling(bed, ".fam")));
        if (parameters.has(ReaderOptions.PHENOTYPE_FILE)) {
            inputs.add(parameters.path(ReaderOptions.PHENOTYPE_FILE));
        }
        return List.copyOf(inputs);
    }

    /**
     * A new trio is read with the same SNP selection and coding; its own .bim and .fam are taken
     * beside it, and the training phenotypes are dropped.
     */
    @Override
    public Map<String, Object> predictionParameters(Map<String, Object> training, Path input) {
        Map<String, Object> parameters = DataReader.super.predictionParameters(training, input);
        for (String name : List.of(ReaderOptions.BIM_FILE, ReaderOptions.FAM_FILE, ReaderOptions.PHENOTYPE_FILE,
                ReaderOptions.PHENOTYPE_COLUMN, ReaderOptions.GROUP_COLUMN, ReaderOptions.MISSING_PHENOTYPE)) {
            parameters.remove(name);
        }
        parameters.put(ReaderOptions.PHENOTYPE, "none");
        return parameters;
    }

    @Override
    public Dataset read(Parameters parameters, ReadContext context) throws IOException {
        ReaderOptions options = ReaderOptions.of(parameters);
        options.checkTrio();
        FamFile fam = FamFile.read(options.fam());
        PhenotypeTable table = options.phenotype() == ReaderOptions.PhenotypeSource.FILE
                ? PhenotypeTable.read(options.phenotypeFile(), options.phenotypeColumns(), options.groupColumn(), fam) : null;
        List<Phenotypes> phenotypes = phenotypes(options, fam, table);
        int k = phenotypes.size();

        int[] rowOf = examples(options, fam, phenotypes, context.labelsRequired());
        int n = rowOf == null ? fam.size() : (int) java.util.Arrays.stream(rowOf).filter(r -> r >= 0).count();
        String[] ids = new String[n];
        String[] groups = new String[n];
        float[] values = new float[n * k];
        boolean allKnown = true;
        for (int s = 0; s < fam.size(); s++) {
            int row = rowOf == null ? s : rowOf[s];
            if (row < 0) {
                continue;
            }
            ids[row] = fam.id(s);
            for (int c = 0; c < k; c++) {
                values[row * k + c] = phenotypes.get(c).value(s);
            }
            allKnown &= known(phenotypes, s);
            if (options.groupColumn() != null) {
                PhenotypeTable.Row entry = table.row(fam.sample(s));
                if (entry == null || entry.group() == null || entry.group().isEmpty()) {
                    throw new InputFormatException(options.phenotypeFile(), 0, "has no group for sample '" + fam.id(s)
                            + "' in column '" + options.groupColumn() + "'");
                }
                groups[row] = entry.group();
            }
        }

        Output output = output(options, phenotypes, context);
        boolean labelled = allKnown && output.matches(phenotypes);
        BimFile bim = BimFile.read(options.bim(), options.selection());
        int snps = bim.columns();
        if ((long) n * snps > Integer.MAX_VALUE - 16) {
            throw new InputFormatException(options.bed(), 0, String.format("%,d samples x %,d SNPs exceed one array of "
                    + "2^31 genotypes; select fewer SNPs with snps or max_snps", n, snps));
        }
        GenotypeMatrix matrix = new GenotypeMatrix(n, snps);
        float[] fill = decode(options, fam, bim, rowOf, matrix, context.cancellation());
        byte[] genotypes = matrix.genotypes();

        DatasetSchema schema = new DatasetSchema(options.mask() ? List.of(snps, 2) : List.of(snps), ENCODING,
                output.task, output.outputs, attributes(options, bim, table));
        return new PlinkDataset(schema, genotypes, snps, fill, options.mask(), ids, groups, values, k, labelled);
    }

    /** One phenotype per column read: the .fam's, or each phenotype_file column's. */
    private static List<Phenotypes> phenotypes(ReaderOptions options, FamFile fam, PhenotypeTable table) throws InputFormatException {
        int n = fam.size();
        switch (options.phenotype()) {
            case NONE:
                return List.of(Phenotypes.none(n));
            case FILE:
                List<Phenotypes> columns = new ArrayList<>();
                for (int c = 0; c < table.columns().size(); c++) {
                    String[] tokens = new String[n];
                    long[] lines = new long[n];
                    for (int s = 0; s < n; s++) {
                        PhenotypeTable.Row row = table.row(fam.sample(s));
                        tokens[s] = row == null ? null : row.values().get(c);
                        lines[s] = row == null ? 0 : row.line();
                    }
                    columns.add(Phenotypes.interpret(tokens, lines, table.path(), true, options.task(), table.columns().get(c),
                            options.positives()));
                }
                return List.copyOf(columns);
            default:
                String[] tokens = new String[n];
                long[] lines = new long[n];
                for (int s = 0; s < n; s++) {
                    tokens[s] = fam.sample(s).phenotype();
                    lines[s] = fam.sample(s).line();
                }
                return List.of(Phenotypes.interpret(tokens, lines, fam.path(), false, options.task(), "phenotype", options.positives()));
        }
    }

    /** Whether sample {@code s} has a value in every phenotype column. */
    private static boolean known(List<Phenotypes> phenotypes, int s) {
        return phenotypes.stream().allMatch(p -> p.known(s));
    }

    /**
     * Each .fam sample's example row, or -1 for a sample left out; {@code null} when every sample is
     * an example. Training leaves out samples without a phenotype (or refuses them); prediction keeps all.
     */
    private static int[] examples(ReaderOptions options, FamFile fam, List<Phenotypes> columns, boolean training)
            throws InputFormatException {
        if (!training) {
            return null;
        }
        Phenotypes phenotypes = columns.stream().filter(p -> p.kind() == Phenotypes.Kind.NONE).findFirst().orElse(columns.get(0));
        if (phenotypes.kind() == Phenotypes.Kind.NONE) {
            Path source = switch (options.phenotype()) {
                case FILE -> options.phenotypeFile();
                case FAM -> options.fam();
                case NONE -> options.bed();
            };
            throw new InputFormatException(source, 0, "training needs phenotypes, but "
                    + (options.phenotype() == ReaderOptions.PhenotypeSource.NONE ? "phenotype is none"
                    : "every sample's phenotype is missing (-9, 0 or absent)" + (columns.size() > 1
                    ? " in column '" + phenotypes.name() + "'" : "")));
        }
        int[] rowOf = new int[fam.size()];
        int row = 0;
        for (int s = 0; s < fam.size(); s++) {
            if (known(columns, s)) {
                rowOf[s] = row++;
            } else if (!options.excludeMissingPhenotype()) {
                throw new InputFormatException(options.fam(), fam.sample(s).line(), "sample '" + fam.id(s)
                        + "' has no phenotype; set missing_phenotype: exclude to leave such samples out");
            } else {
                rowOf[s] = -1;
            }
        }
        return row == fam.size() ? null : rowOf;
    }

    /** The task and outputs: a trained model's, or those the phenotypes give. */
    private record Output(TaskType task, List<String> outputs) {
        /** Whether the phenotypes are labels of these outputs. */
        boolean matches(List<Phenotypes> phenotypes) {
            if (task == TaskType.MULTILABEL) {
                return phenotypes.stream().map(Phenotypes::name).toList().equals(outputs)
                        && phenotypes.stream().allMatch(p -> p.kind() == Phenotypes.Kind.CASE_CONTROL);
            }
            return phenotypes.size() == 1
                    && phenotypes.get(0).kind() == (task == TaskType.BINARY ? Phenotypes.Kind.CASE_CONTROL : Phenotypes.Kind.QUANTITATIVE);
        }
    }

    private static Output output(ReaderOptions options, List<Phenotypes> phenotypes, ReadContext context) throws InputFormatException {
        List<String> expected = context.outputs();
        if (!expected.isEmpty()) {
            if (expected.size() > 1) {
                Output output = new Output(TaskType.MULTILABEL, expected);
                if (context.labelsRequired() && phenotypes.size() > 1 && !output.matches(phenotypes)) {
                    throw new InputFormatException(options.bed(), 0, "phenotype columns " + phenotypes.stream().map(Phenotypes::name)
                            .toList() + " are not the model's binary outputs " + expected);
                }
                return output;
            }
            boolean binary = options.task() == Phenotypes.TaskChoice.BINARY
                    || options.task() == Phenotypes.TaskChoice.AUTO
                    && (expected.get(0).equals(CASE) || options.positives().contains(expected.get(0)));
            return new Output(binary ? TaskType.BINARY : TaskType.REGRESSION, expected);
        }
        if (phenotypes.size() > 1) {
            for (Phenotypes p : phenotypes) {
                if (p.kind() != Phenotypes.Kind.CASE_CONTROL) {
                    throw new InputFormatException(options.phenotypeFile(), 0, "phenotype columns " + options.phenotypeColumns()
                            + " make a multi-label task of binary phenotypes, but column '" + p.name() + "' is "
                            + (p.kind() == Phenotypes.Kind.NONE ? "empty" : "quantitative"));
                }
            }
            return new Output(TaskType.MULTILABEL, phenotypes.stream().map(Phenotypes::name).toList());
        }
        Phenotypes phenotype = phenotypes.get(0);
        return switch (phenotype.kind()) {
            case CASE_CONTROL -> new Output(TaskType.BINARY, List.of(phenotype.positiveClass() != null ? phenotype.positiveClass() : CASE));
            case QUANTITATIVE -> new Output(TaskType.REGRESSION, List.of(phenotype.name()));
            case NONE -> throw new InputFormatException(options.bed(), 0, "has no phenotypes and there is no trained "
                    + "model to name the output; give phenotypes, or read it for a model");
        };
    }

    /**
     * Decodes the kept SNPs' blocks into {@code genotypes} and returns each SNP's fill value for
     * missing calls.
     */
    private static float[] decode(ReaderOptions options, FamFile fam, BimFile bim, int[] rowOf, GenotypeMatrix matrix,
                                  Cancellation cancellation) throws IOException {
        int snps = bim.columns();
        float[] fill = new float[snps];
        GenotypeDecoder decoder = new GenotypeDecoder(options.countA1());
        GenotypeDecoder.Tally tally = new GenotypeDecoder.Tally();
        int[] kept = bim.keptIndex();
        int[] columns = bim.keptColumn();
        try (BedFile bed = BedFile.open(options.bed(), fam.size(), bim.count())) {
            byte[] block = new byte[bed.bytesPerSnp()];
            int k = 0;
            for (int f = 0; f < bim.count(); f++) {
                if (f % CANCELLATION_INTERVAL == 0 && cancellation.isCancelled()) {
                    throw new CancellationException("reading " + options.bed() + " was cancelled: " + cancellation.reason());
                }
                if (k == kept.length && !bed.compressed()) {
                    break; // the size check already vouched for the rest of a plain file
                }
                if (k < kept.length && kept[k] == f) {
                    bed.read(block, f);
                    decoder.decode(block, fam.size(), rowOf, matrix.batch(), matrix.nextOffset(), tally);
                    if (tally.missing > 0 && options.missing() == ReaderOptions.Missing.ERROR) {
                        BimFile.Variant v = bim.column(columns[k]);
                        throw new InputFormatException(options.bed(), f + 1L, "sample '" + fam.id(tally.firstMissing)
                                + "' (.fam line " + fam.sample(tally.firstMissing).line() + ") has no call at SNP '" + v.id()
                                + "' (.bim line " + v.line() + "); set missing: mean or zero");
                    }
                    fill[columns[k]] = fill(options.missing(), tally);
                    matrix.added(columns[k]);
                    k++;
                } else {
                    bed.skip(f);
                }
            }
            bed.finish();
        }
        matrix.flush();
        return fill;
    }

    private static float fill(ReaderOptions.Missing missing, GenotypeDecoder.Tally tally) {
        return switch (missing) {
            case MEAN -> tally.observed > 0 ? (float) ((double) tally.sum / tally.observed) : 0f;
            case NAN -> Float.NaN;
            default -> 0f;
        };
    }

    private static Map<String, Object> attributes(ReaderOptions options, BimFile bim, PhenotypeTable table) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("format", "plink");
        attributes.put("snps", bim.columns());
        attributes.put("counted_allele", options.countA1() ? "a1" : "a2");
        attributes.put("feature_digest", digest(bim, options.countA1()));
        attributes.put("missing", options.missing().id());
        attributes.put("mask", options.mask());
        if (table == null) {
            attributes.put("phenotype", options.phenotype().name().toLowerCase(java.util.Locale.ROOT));
        } else {
            attributes.put("phenotype", table.columns().size() == 1 ? table.columns().get(0) : table.columns());
        }
        if (!options.positives().isEmpty()) {
            attributes.put("positive", options.positives().stream().sorted().toList());
        }
        return attributes;
    }

    /**
     * SHA-256 over {@code id<TAB>counted<TAB>other} per SNP in feature order: equal digests mean the
     * same SNPs counting the same alleles, which a model trained on one file needs of another.
     */
    static String digest(BimFile bim, boolean countA1) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (int j = 0; j < bim.columns(); j++) {
                BimFile.Variant v = bim.column(j);
                String line = v.id() + '\t' + (countA1 ? v.a1() + '\t' + v.a2() : v.a2() + '\t' + v.a1()) + '\n';
                sha.update(line.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
