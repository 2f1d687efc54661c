package org.genomod.interpret.ism.internal;

import java.io.IOException;
import java.io.Writer;
import org.genomod.api.data.Dataset;

/**
 * Streams {@code ism.tsv}: one row per mutant — record id, 1-based position in the encoded input,
 * reference and alternative base, the owning window's score before and after, and their difference.
 */
final class IsmTable implements MutationSink {
    static final String HEADER = "id\tposition\tref\talt\tref_score\talt_score\tdelta\n";

    private final Writer out;
    private final Dataset dataset;
    private final String alphabet;
    private final StringBuilder row = new StringBuilder(96);
    private int sequence = -1;
    private String id;
    private long mutants;
    private double largestChange;

    IsmTable(Writer out, Dataset dataset, String alphabet) throws IOException {
        this.out = out;
        this.dataset = dataset;
        this.alphabet = alphabet;
        out.write(HEADER);
    }

    @Override
    public void mutant(int sequence, int position, int ref, int alt, double refScore, double altScore) throws IOException {
        if (sequence != this.sequence) {
            this.sequence = sequence;
            id = dataset.id(sequence);
        }
        double delta = altScore - refScore;
        row.setLength(0);
        row.append(id).append('\t').append(position + 1).append('\t').append(alphabet.charAt(ref)).append('\t')
                .append(alphabet.charAt(alt)).append('\t').append((float) refScore).append('\t').append((float) altScore)
                .append('\t').append((float) delta).append('\n');
        out.append(row);
        mutants++;
        largestChange = Math.max(largestChange, Math.abs(delta));
    }

    long mutants() {
        return mutants;
    }

    /** The largest |delta| written. */
    double largestChange() {
        return largestChange;
    }
}
