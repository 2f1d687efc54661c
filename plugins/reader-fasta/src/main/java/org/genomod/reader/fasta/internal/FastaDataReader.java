package org.genomod.reader.fasta.internal;

import org.genomod.reader.support.LineSource;
import org.genomod.reader.support.OutputPlan;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.genomod.api.data.DataReader;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.InputFormatException;
import org.genomod.api.data.ReadContext;
import org.genomod.api.param.ParameterSchema;
import org.genomod.api.param.Parameters;
import org.osgi.service.component.annotations.Component;

/**
 * Reads labelled or unlabelled DNA, RNA or protein sequences (FASTA, FASTQ, UCI, TSV) into a one-hot
 * dataset of shape {@code [length, channels]} or a k-mer profile of shape {@code [symbols^k]}. Reading
 * is two passes over memory, not over the file: records are collected and checked while streaming,
 * then labelled once the outputs are known (they depend on every label). The records are held in
 * memory as sequences and encoded on access (see {@link SequenceDataset}): these files are training
 * examples, not genomes (a genome is read through windows by reader-intervals). A file of positives only
 * may get dinucleotide-shuffled negatives for training ({@link ShuffledNegatives}).
 */
@Component(service = DataReader.class, property = {
    DataReader.SERVICE_PROPERTY + "=fasta",
    DataReader.FORMATS_PROPERTY + "=fasta",
    DataReader.FORMATS_PROPERTY + "=fastq",
    DataReader.FORMATS_PROPERTY + "=uci",
    DataReader.FORMATS_PROPERTY + "=tsv"})
public final class FastaDataReader implements DataReader {

    @Override
    public ParameterSchema parameters() {
        return ReaderOptions.SCHEMA;
    }

    @Override
    public List<Path> inputs(Parameters parameters) {
        List<Path> inputs = new ArrayList<>(DataReader.super.inputs(parameters));
        if (parameters.has(ReaderOptions.LABELS_FILE)) {
            inputs.add(parameters.path(ReaderOptions.LABELS_FILE));
        }
        return List.copyOf(inputs);
    }

    /**
     * New inputs are read by content (FASTA or the training format), without labels and without negatives;
     * the encoding stays.
     */
    @Override
    public Map<String, Object> predictionParameters(Map<String, Object> training, Path input) {
        Map<String, Object> parameters = DataReader.super.predictionParameters(training, input);
        parameters.remove(ReaderOptions.FORMAT);
        parameters.remove(ReaderOptions.LABELS_FILE);
        parameters.put(ReaderOptions.LABELS, "none");
        parameters.remove(ReaderOptions.NEGATIVES);
        parameters.remove(ReaderOptions.NEGATIVE_RATIO);
        parameters.remove(ReaderOptions.NEGATIVE_SEED);
        return parameters;
    }

    @Override
    public Dataset read(Parameters parameters, ReadContext context) throws IOException {
        ReaderOptions options = ReaderOptions.of(parameters);
        Path path = options.path();
        if (options.labels() == ReaderOptions.LabelSource.NONE && context.labelsRequired()) {
            throw new InputFormatException(path, 0, "labels: none leaves the records unlabelled, but training needs labels");
        }
        InputFormat format = options.format() != null ? options.format() : InputFormat.detect(path);
        boolean sameLength = options.encoding() == ReaderOptions.Encoding.ONEHOT && options.length() == 0;

        RecordCollector records = new RecordCollector(path, sameLength, labelSource(options), context.cancellation());
        try (LineSource lines = LineSource.open(path)) {
            format.parser(options.labelKey()).parse(lines, new SequenceAssembler(path, options.alphabet(), records));
        }
        boolean labelled = records.labelled(context.labelsRequired(), missingLabelHint(options, format));
        // Negatives are training material: prediction scores the file's own records, one row each.
        ShuffledNegatives negatives = context.labelsRequired() ? options.negatives() : null;
        OutputPlan plan = negatives != null
                ? negatives.plan(records.classes(), options.positive(), context.outputs(), path)
                : OutputPlan.resolve(options.task(), options.positive(), context.outputs(),
                        labelled ? records.classes() : Map.of(), path);

        int length = options.length() > 0 || !sameLength ? options.length() : records.commonLength();
        SequenceFeatures features = options.features(length);
        Map<String, Object> attributes = new HashMap<>(features.attributes());
        attributes.put("alphabet", options.alphabet().id());
        attributes.put("length", length);
        attributes.put("reverse_complement", options.reverseComplement());
        attributes.put("format", format.id());
        if (negatives != null) {
            attributes.put(ReaderOptions.NEGATIVES, "shuffled");
            attributes.put(ReaderOptions.NEGATIVE_RATIO, negatives.ratio());
            attributes.put(ReaderOptions.NEGATIVE_SEED, negatives.seed());
        }
        DatasetSchema schema = new DatasetSchema(features.shape(), features.encoding(), plan.task(), plan.outputs(), attributes);
        int n = records.size();
        int examples = negatives != null ? negatives.examples(n, path) : n;
        String[] ids = new String[examples];
        byte[][] sequences = new byte[examples][];
        String[] groups = new String[examples];
        float[][] labels = labelled ? new float[examples][] : null;
        for (int i = 0; i < n; i++) {
            ids[i] = records.id(i);
            sequences[i] = records.sequence(i);
            groups[i] = records.group(i);
            if (labelled) {
                labels[i] = plan.labels(records.label(i));
            }
        }
        if (negatives != null) {
            negatives.append(records, ids, sequences, groups, labels, path);
        }
        return new SequenceDataset(schema, features, ids, sequences, groups, labels);
    }

    private static Function<SequenceRecord, String> labelSource(ReaderOptions options) throws IOException {
        switch (options.labels()) {
            case HEADER:
                return SequenceRecord::label;
            case TABLE:
                LabelTable table = LabelTable.read(options.labelsFile());
                return record -> table.label(record.id());
            default:
                return record -> null;
        }
    }

    private static String missingLabelHint(ReaderOptions options, InputFormat format) {
        return switch (options.labels()) {
            case HEADER -> format.missingLabelHint();
            case TABLE -> "it is not listed in " + options.labelsFile();
            case NONE -> "labels: none";
        };
    }
}
