package org.genomod.reader.alignments.internal;

import htsjdk.samtools.QueryInterval;
import htsjdk.samtools.SamReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.genomod.api.data.DataReader;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.InputFormatException;
import org.genomod.api.data.ReadContext;
import org.genomod.api.data.TaskType;
import org.genomod.api.param.ParameterSchema;
import org.genomod.api.param.Parameters;
import org.osgi.service.component.annotations.Component;

/**
 * Reads coordinate-sorted SAM, BAM or CRAM against an indexed reference into DeepVariant-style
 * examples: one per candidate allele, a pileup tensor {@code [reference_rows + max_reads, width, 6]}
 * around it, labelled with its genotype class from a truth VCF when one is given. Reads stream through
 * one pass per region; memory holds the reads covering the current position and the examples made.
 */
@Component(service = DataReader.class, property = {
    DataReader.SERVICE_PROPERTY + "=alignments",
    DataReader.FORMATS_PROPERTY + "=sam",
    DataReader.FORMATS_PROPERTY + "=bam",
    DataReader.FORMATS_PROPERTY + "=cram"})
public final class AlignmentsDataReader implements DataReader {
    static final String ENCODING = "pileup-deepvariant";
    static final List<String> OUTPUTS = List.of("hom_ref", "het", "hom_alt");
    static final List<String> CHANNELS = List.of("read_base", "base_quality", "mapping_quality", "strand",
            "read_supports_variant", "base_differs_from_ref");

    @Override
    public ParameterSchema parameters() {
        return ReaderOptions.SCHEMA;
    }

    @Override
    public List<Path> inputs(Parameters parameters) {
        Path path = parameters.path(PATH);
        List<Path> inputs = new ArrayList<>(List.of(path));
        inputs.addAll(Alignments.indexes(path));
        inputs.addAll(Alignments.referenceFiles(parameters.path(ReaderOptions.REFERENCE)));
        if (parameters.has(ReaderOptions.TRUTH_VCF)) {
            inputs.addAll(Alignments.vcfFiles(parameters.path(ReaderOptions.TRUTH_VCF)));
        }
        if (parameters.has(ReaderOptions.CONFIDENT_BED)) {
            inputs.add(parameters.path(ReaderOptions.CONFIDENT_BED));
        }
        return List.copyOf(inputs);
    }

    /** A new sample is read whole and unlabelled, with the training's filters, thresholds and tensor shape. */
    @Override
    public Map<String, Object> predictionParameters(Map<String, Object> training, Path input) {
        Map<String, Object> parameters = DataReader.super.predictionParameters(training, input);
        parameters.remove(ReaderOptions.TRUTH_VCF);
        parameters.remove(ReaderOptions.CONFIDENT_BED);
        parameters.remove(ReaderOptions.REGION);
        return parameters;
    }

    @Override
    public Dataset read(Parameters parameters, ReadContext context) throws IOException {
        ReaderOptions options = ReaderOptions.of(parameters);
        Path path = options.path();
        if (options.truthVcf() == null && context.labelsRequired()) {
            throw new InputFormatException(path, 0, "training needs labels: give truth_vcf (and confident_bed to keep to its confident regions)");
        }
        if (context.expectedOutputs().isPresent() && !context.expectedOutputs().get().equals(OUTPUTS)) {
            throw new InputFormatException(path, 0, "the model expects outputs " + context.expectedOutputs().get()
                    + ", but this reader produces " + OUTPUTS);
        }
        DatasetSchema schema = schema(options);
        PileupDataset.Builder examples = PileupDataset.builder(schema, options.geometry(), options.truthVcf() != null);
        PileupImage image = new PileupImage(options.geometry(), options.minBaseQuality());
        try (Reference reference = Reference.open(options.reference());
             SamReader reader = Alignments.open(path, reference)) {
            if (reader.type() == SamReader.Type.BAM_TYPE) {
                Alignments.checkTermination(path);
            }
            QueryInterval[] intervals = Regions.parse(options.regions(), reader.getFileHeader().getSequenceDictionary(), path);
            PileupWalk walk = new PileupWalk(path, reader, reference, options.filter(), options.minBaseQuality(), context.cancellation());
            walk.run(intervals, (contig, from, to) -> new CandidateSites(contig, reference, options.candidates(), image,
                    options.truthVcf() == null ? null : TruthSet.load(options.truthVcf(), contig, from, to, reference),
                    options.confident() == null ? null : ConfidentRegions.load(options.confident(), contig),
                    examples, options.maxRecords(), path));
            if (examples.size() == 0) {
                throw new InputFormatException(path, 0, String.format(java.util.Locale.ROOT,
                        "found no candidate sites%s: %,d of %,d reads passed the filters", options.regions().isEmpty() ? ""
                                : " in " + String.join(", ", options.regions()), walk.readsUsed(), walk.records()));
            }
        }
        return examples.build();
    }

    static DatasetSchema schema(ReaderOptions options) {
        PileupGeometry g = options.geometry();
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("channels", CHANNELS);
        attributes.put("width", g.width());
        attributes.put("reference_rows", g.referenceRows());
        attributes.put("max_reads", g.maxReads());
        attributes.put("min_mapping_quality", options.filter().minMappingQuality());
        attributes.put("min_base_quality", options.minBaseQuality());
        attributes.put("scale", "DeepVariant 0-254 levels divided by 254");
        attributes.put("layout", g.positionMajor() ? "positions" : "image");
        return new DatasetSchema(g.featureShape(), ENCODING, TaskType.MULTICLASS, OUTPUTS, attributes);
    }
}
