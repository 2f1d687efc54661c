package org.genomod.interpret.motifs.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.interpret.InterpretationRequest;
import org.genomod.api.interpret.Interpreter;
import org.genomod.api.model.Model;
import org.genomod.api.model.SequenceFilterModel;
import org.genomod.api.param.ParameterSchema;
import org.genomod.api.param.Parameters;
import org.osgi.service.component.annotations.Component;

/**
 * Conv filter to motif: each first-layer filter of a {@link SequenceFilterModel} becomes the
 * letter-probability matrix of the sequence windows that activate it most, written to
 * {@code filters.meme} (MEME minimal motif format) for comparison with motif databases (Tomtom).
 */
@Component(service = Interpreter.class, property = Interpreter.SERVICE_PROPERTY + "=" + MotifInterpreter.NAME)
public final class MotifInterpreter implements Interpreter {
    static final String NAME = "motifs";
    static final String FILE = "filters.meme";
    static final String THRESHOLD = "threshold";
    static final String PSEUDOCOUNT = "pseudocount";
    static final String BATCH_SIZE = "batch_size";
    static final String TOP = "top";

    private static final Map<String, String> ALPHABETS = Map.of("dna-one-hot", "ACGT", "rna-one-hot", "ACGU");
    private static final ParameterSchema SCHEMA = ParameterSchema.builder()
            .number(THRESHOLD, 0.5, 0, 1, "a window is a site of a filter when its activation exceeds this fraction of "
                    + "the filter's largest activation over the sequences")
            .number(PSEUDOCOUNT, 1, 0, 1_000_000, "pseudocounts added to each matrix row, spread over the bases as the background")
            .integer(BATCH_SIZE, 256, 1, 65_536, "sequences per batch")
            .integer(TOP, 10, 0, 10_000, "filters listed in the summary, by information content")
            .build();

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Map<String, Object> interpret(InterpretationRequest request) throws IOException {
        Model model = request.model();
        if (!(model instanceof SequenceFilterModel filters)) {
            throw new IllegalArgumentException("motif extraction reads the first-layer convolution filters of a sequence model "
                    + "(cnn, or rnn with convolutions), but this " + model.getClass().getSimpleName()
                    + " has no such filters");
        }
        String alphabet = alphabet(model.schema(), request.dataset());
        Parameters p = request.parameters();
        Dataset dataset = request.dataset();
        SiteCounts.Result result = new SiteCounts(filters, dataset, p.integer(BATCH_SIZE), request.cancellation())
                .count(p.number(THRESHOLD), p.number(PSEUDOCOUNT));

        List<FilterMotif> withSites = result.motifs().stream().filter(m -> m.sites() > 0).toList();
        MemeFile.write(request.outputDirectory().resolve(FILE), alphabet, result.background(), withSites);

        List<Map<String, Object>> top = new ArrayList<>();
        withSites.stream().sorted(Comparator.comparingDouble(FilterMotif::informationContent).reversed())
                .limit(p.integer(TOP)).forEach(m -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("motif", MemeFile.name(m));
                    row.put("sites", m.sites());
                    row.put("information_content", m.informationContent());
                    row.put("consensus", m.consensus(alphabet));
                    row.put("max_activation", m.maxActivation());
                    top.add(row);
                });
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("file", FILE);
        summary.put("sequences", dataset.size());
        summary.put("filters", filters.filterCount());
        summary.put("filter_width", filters.filterWidth());
        summary.put("filters_with_sites", withSites.size());
        summary.put("threshold", p.number(THRESHOLD));
        summary.put("top_filters", top);
        return summary;
    }

    private static String alphabet(DatasetSchema model, Dataset dataset) {
        String alphabet = ALPHABETS.get(model.encoding());
        List<Integer> shape = model.featureShape();
        if (alphabet == null || shape.size() != 2 || shape.get(1) != 4) {
            throw new IllegalArgumentException("motif extraction needs one-hot nucleotide sequences (dna-one-hot or "
                    + "rna-one-hot, [length, 4]), but the model reads " + model.encoding() + " features of shape " + shape);
        }
        if (!dataset.schema().featureShape().equals(shape) || !dataset.schema().encoding().equals(model.encoding())) {
            throw new IllegalArgumentException("the sequences are " + dataset.schema().encoding() + " of shape "
                    + dataset.schema().featureShape() + ", but the model reads " + model.encoding() + " of shape " + shape);
        }
        return alphabet;
    }
}
