package org.genomod.core.internal.job;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;
import org.genomod.api.eval.Predictions;
import org.genomod.core.internal.io.AtomicFiles;

/** Writes prediction tables; every write is atomic. */
public final class ResultWriter {
    private ResultWriter() {
    }

    /**
     * One row per example: {@code id}, then (when labelled) {@code true_label}, then one score column
     * per output named after it.
     */
    public static void writePredictions(Path file, Predictions predictions) throws IOException {
        DatasetSchema schema = predictions.schema();
        AtomicFiles.write(file, out -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            w.write("id");
            if (predictions.labelled()) {
                w.write("\ttrue_label");
            }
            for (String output : schema.outputs()) {
                w.write('\t');
                w.write(output);
            }
            w.write('\n');
            for (int i = 0; i < predictions.size(); i++) {
                w.write(predictions.ids().get(i));
                if (predictions.labelled()) {
                    w.write('\t');
                    w.write(trueLabel(predictions, i));
                }
                for (int k = 0; k < schema.labelSize(); k++) {
                    w.write('\t');
                    w.write(format(predictions.score(i, k)));
                }
                w.write('\n');
            }
            w.flush();
        });
    }

    /** Drawn examples, {@code count × outputs} row-major: a header {@code id} and the outputs, rows {@code sample_1 ..}. */
    public static void writeSamples(Path file, List<String> outputs, float[] values, int count) throws IOException {
        if (values.length != count * outputs.size()) {
            throw new IllegalArgumentException("expected " + count + " x " + outputs.size() + " values, got " + values.length);
        }
        AtomicFiles.write(file, out -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            w.write("id");
            for (String output : outputs) {
                w.write('\t');
                w.write(output);
            }
            w.write('\n');
            for (int i = 0; i < count; i++) {
                w.write("sample_" + (i + 1));
                for (int k = 0; k < outputs.size(); k++) {
                    w.write('\t');
                    w.write(format(values[i * outputs.size() + k]));
                }
                w.write('\n');
            }
            w.flush();
        });
    }

    private static String trueLabel(Predictions p, int i) {
        DatasetSchema schema = p.schema();
        TaskType task = schema.task();
        if (task == TaskType.MULTICLASS) {
            int best = 0;
            for (int k = 1; k < schema.labelSize(); k++) {
                if (p.label(i, k) > p.label(i, best)) {
                    best = k;
                }
            }
            return schema.outputs().get(best);
        }
        if (task == TaskType.BINARY) {
            return p.label(i, 0) >= 0.5f ? "1" : "0";
        }
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < schema.labelSize(); k++) {
            if (task == TaskType.REGRESSION) {
                parts.add(format(p.label(i, k)));
            } else if (p.label(i, k) >= 0.5f) {
                parts.add(schema.outputs().get(k));
            }
        }
        return String.join(",", parts);
    }

    static String format(float value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }
}
