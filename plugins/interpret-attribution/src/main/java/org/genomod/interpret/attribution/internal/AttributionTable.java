package org.genomod.interpret.attribution.internal;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.io.AtomicOutput;

/**
 * {@code attributions.tsv}, written atomically ({@link AtomicOutput}), so that a reader never sees half a
 * table. Sequences ({@code [length, channels]}) get one row per position: {@code id},
 * {@code position} (from 1), then one column per channel (the alphabet's letters for one-hot DNA/RNA);
 * other inputs one row per example: {@code id}, then one column per feature ({@code f1, f2, ...}).
 */
final class AttributionTable implements Closeable {
    static final String FILE = "attributions.tsv";

    private final AtomicOutput output;
    private final BufferedWriter out;
    private final boolean sequence;
    private final int channels;
    private final int featureSize;

    AttributionTable(Path directory, DatasetSchema schema, String alphabet) throws IOException {
        List<Integer> shape = schema.featureShape();
        this.sequence = shape.size() == 2;
        this.channels = sequence ? shape.get(1) : 0;
        this.featureSize = schema.featureSize();
        StringBuilder header = new StringBuilder(sequence ? "id\tposition" : "id");
        for (int c = 0; c < (sequence ? channels : featureSize); c++) {
            header.append('\t').append(alphabet != null ? String.valueOf(alphabet.charAt(c)) : (sequence ? "c" : "f") + (c + 1));
        }
        this.output = AtomicOutput.open(directory.resolve(FILE));
        try {
            this.out = output.writer(StandardCharsets.UTF_8);
            out.write(header.append('\n').toString());
        } catch (IOException | RuntimeException e) {
            output.close();
            throw e;
        }
    }

    /** Writes example {@code e} of a batch's attributions. */
    void write(String id, float[] attributions, int e) throws IOException {
        int from = e * featureSize;
        if (!sequence) {
            out.write(id);
            for (int j = 0; j < featureSize; j++) {
                out.write('\t');
                out.write(Float.toString(attributions[from + j]));
            }
            out.write('\n');
            return;
        }
        for (int position = 0; position < featureSize / channels; position++) {
            out.write(id);
            out.write('\t');
            out.write(Integer.toString(position + 1));
            for (int c = 0; c < channels; c++) {
                out.write('\t');
                out.write(Float.toString(attributions[from + position * channels + c]));
            }
            out.write('\n');
        }
    }

    /** Moves the finished table into place. */
    Path commit() throws IOException {
        output.commit();
        return output.target();
    }

    /** Without {@link #commit}, drops the partial table. */
    @Override
    public void close() throws IOException {
        output.close();
    }
}
