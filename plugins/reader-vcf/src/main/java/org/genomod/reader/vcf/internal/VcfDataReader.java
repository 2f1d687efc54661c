package org.genomod.reader.vcf.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.genomod.api.data.DataReader;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.InputFormatException;
import org.genomod.api.data.ReadContext;
import org.genomod.api.param.ParameterSchema;
import org.genomod.api.param.Parameters;
import org.osgi.service.component.annotations.Component;

/**
 * Reads VCF and BCF files: per variant allele, reference and alternative windows checked against an
 * indexed FASTA ({@code mode: variants}), or a samples × variant alleles matrix of allele counts
 * ({@code mode: genotypes}). Records are streamed; only the examples asked for are kept, compactly,
 * and {@code max_variants} bounds them.
 */
@Component(service = DataReader.class, property = {
    DataReader.SERVICE_PROPERTY + "=vcf",
    DataReader.FORMATS_PROPERTY + "=vcf",
    DataReader.FORMATS_PROPERTY + "=bcf"})
public final class VcfDataReader implements DataReader {

    @Override
    public ParameterSchema parameters() {
        return VcfOptions.SCHEMA;
    }

    @Override
    public List<Path> inputs(Parameters parameters) {
        List<Path> inputs = new ArrayList<>(DataReader.super.inputs(parameters));
        Path path = parameters.path(PATH);
        if (parameters.has(VcfOptions.REGION)) {
            addIfPresent(inputs, path.resolveSibling(path.getFileName() + ".tbi"));
        }
        if (parameters.has(VcfOptions.REFERENCE)) {
            Path reference = parameters.path(VcfOptions.REFERENCE);
            inputs.add(reference);
            addIfPresent(inputs, reference.resolveSibling(reference.getFileName() + ".fai"));
            addIfPresent(inputs, reference.resolveSibling(reference.getFileName() + ".gzi"));
        }
        if (parameters.has(VcfOptions.LABELS_FILE)) {
            inputs.add(parameters.path(VcfOptions.LABELS_FILE));
        }
        return List.copyOf(inputs);
    }

    private static void addIfPresent(List<Path> inputs, Path file) {
        if (Files.isRegularFile(file)) {
            inputs.add(file);
        }
    }

    /**
     * New inputs are read without labels and with the training encoding. In mode variants the region
     * described the training file and is dropped; in mode genotypes it stays, because it chose the
     * feature columns.
     */
    @Override
    public Map<String, Object> predictionParameters(Map<String, Object> training, Path input) {
        Map<String, Object> parameters = DataReader.super.predictionParameters(training, input);
        parameters.remove(VcfOptions.LABEL_INFO);
        parameters.remove(VcfOptions.LABELS_FILE);
        if (!"genotypes".equals(parameters.get(VcfOptions.MODE))) {
            parameters.remove(VcfOptions.REGION);
        }
        return parameters;
    }

    @Override
    public Dataset read(Parameters parameters, ReadContext context) throws IOException {
        VcfOptions options = VcfOptions.of(parameters);
        if (context.labelsRequired() && options.labelInfo() == null && options.labelsFile() == null) {
            throw new InputFormatException(options.path(), 0, "training needs labels: give label_info (an INFO field, mode variants) "
                    + "or labels_file (sample labels, mode genotypes)");
        }
        return options.mode() == VcfOptions.Mode.VARIANTS ? VariantWindows.read(options, context) : GenotypeMatrix.read(options, context);
    }
}
