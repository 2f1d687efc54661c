package org.genomod.interpret.variant.effects.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.genomod.api.interpret.VariantScorer;
import org.genomod.api.model.Model;
import org.genomod.reader.fasta.internal.DnaOneHotEncoderService;
import org.genomod.testing.PluginTests;

/** Runs the scorer service as the platform would, and reads its TSV back. */
final class Scoring {
    private Scoring() {
    }

    static VariantEffectScorer scorer() {
        return new VariantEffectScorer(new DnaOneHotEncoderService());
    }

    static VariantScorer.Summary score(Model model, Path vcf, Path reference, Path output, int batchSize) throws IOException {
        VariantEffectScorer scorer = scorer();
        return scorer.score(new VariantScorer.Request(model, vcf, reference, output,
                PluginTests.valid(scorer.parameters(), Map.of("batch_size", batchSize), Path.of("")), null));
    }

    /** The TSV's rows as column → value maps, in file order. */
    static List<Map<String, String>> rows(Path tsv) throws IOException {
        List<String> lines = Files.readAllLines(tsv);
        String[] header = lines.get(0).split("\t", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split("\t", -1);
            if (fields.length != header.length) {
                throw new AssertionError("row of " + fields.length + " fields under a header of " + header.length + ": " + line);
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], fields[i]);
            }
            rows.add(row);
        }
        return rows;
    }
}
