package org.genomod.interpret.ism.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.genomod.api.data.Dataset;
import org.genomod.api.interpret.InterpretationRequest;
import org.genomod.api.interpret.Interpreter;
import org.genomod.api.io.AtomicOutput;
import org.genomod.api.model.Model;
import org.genomod.api.param.ParameterSchema;
import org.osgi.service.component.annotations.Component;

/**
 * In-silico mutagenesis: every single-base substitution of each one-hot nucleotide sequence, scored by
 * the model, written to {@code ism.tsv}. Mutants stream through one fixed-size batch, and sequences
 * longer than the model's input are scored window by window, so memory does not grow with the number
 * of mutants.
 */
@Component(service = Interpreter.class, property = Interpreter.SERVICE_PROPERTY + "=" + IsmInterpreter.NAME)
public final class IsmInterpreter implements Interpreter {
    static final String NAME = "ism";
    static final String TABLE = "ism.tsv";

    @Override
    public ParameterSchema parameters() {
        return IsmOptions.SCHEMA;
    }

    @Override
    public Map<String, Object> interpret(InterpretationRequest request) throws IOException {
        Model model = request.model();
        Dataset dataset = request.dataset();
        IsmOptions options = IsmOptions.from(request.parameters());
        SequenceLayout layout = SequenceLayout.of(model.schema(), dataset.schema());
        OutputScore score = OutputScore.of(model.schema(), options.output(), options.logit());
        Tiling tiling = new Tiling(layout.window(), layout.length(), options.stride(layout));

        Ranking ranking = Ranking.of(dataset, layout, tiling,
                sink -> new MutantBatches(model, score, layout, options.batchSize(), sink, request.cancellation()));
        int[] sequences = ranking.top(options.maxSequences());
        int labelColumn = dataset.labelled() ? dataset.schema().outputs().indexOf(score.output()) : -1;
        Logos logos = new Logos(ranking.topPositives(sequences, dataset, labelColumn, options.logoSequences()),
                layout.length(), layout.alphabet());

        Mutagenesis mutagenesis = new Mutagenesis(dataset, layout, tiling);
        IsmTable table;
        long started = System.nanoTime();
        try (AtomicOutput output = AtomicOutput.open(request.outputDirectory().resolve(TABLE))) {
            table = new IsmTable(output.writer(StandardCharsets.UTF_8), dataset, layout.alphabet());
            MutationSink both = new MutationSink() {
                @Override
                public void mutant(int sequence, int position, int ref, int alt, double refScore, double altScore) throws IOException {
                    table.mutant(sequence, position, ref, alt, refScore, altScore);
                    logos.mutant(sequence, position, ref, alt, refScore, altScore);
                }
            };
            mutagenesis.run(sequences, new MutantBatches(model, score, layout, options.batchSize(), both, request.cancellation()));
            output.commit();
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("file", TABLE);
        summary.put("output", score.output());
        summary.put("score", score.kind(model.schema()));
        summary.put("sequences", sequences.length);
        summary.put("positions", mutagenesis.positions());
        summary.put("skipped_positions", mutagenesis.skipped());
        summary.put("windows_per_sequence", tiling.count());
        summary.put("mutants", table.mutants());
        summary.put("seconds", seconds);
        summary.put("mutants_per_second", seconds > 0 ? table.mutants() / seconds : Double.NaN);
        summary.put("max_abs_delta", table.largestChange());
        summary.put("logos", logos.summary(dataset::id));
        return summary;
    }
}
