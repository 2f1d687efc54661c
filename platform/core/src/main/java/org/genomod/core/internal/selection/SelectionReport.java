package org.genomod.core.internal.selection;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.genomod.core.internal.io.AtomicFiles;
import org.genomod.core.internal.selection.ModelSelection.FoldScore;
import org.genomod.core.internal.selection.ModelSelection.Outcome;
import org.genomod.core.internal.selection.ModelSelection.TrialScore;

/** Model selection as a table per trial and fold ({@code trials.tsv}) and as the {@code selection} entry of metrics.json. */
public final class SelectionReport {
    public static final String TABLE = "trials.tsv";

    private SelectionReport() {
    }

    /**
     * One row per trial and fold: {@code trial}, each searched key, {@code fold} (1..k, or {@code validation}
     * for the validation split), the metric, {@code best_epoch}, {@code epochs}, {@code seconds}. Written atomically.
     */
    public static void writeTable(Path file, Outcome outcome) throws IOException {
        List<String> keys = keys(outcome);
        AtomicFiles.write(file, out -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            List<String> header = new ArrayList<>(List.of("trial"));
            header.addAll(keys);
            header.addAll(List.of("fold", outcome.metric(), "best_epoch", "epochs", "seconds"));
            w.write(String.join("\t", header));
            w.write('\n');
            for (TrialScore t : outcome.trials()) {
                for (FoldScore f : t.folds()) {
                    List<String> row = new ArrayList<>(List.of(Integer.toString(t.trial().number())));
                    keys.forEach(k -> row.add(cell(t.trial().assignment().get(k))));
                    row.add(f.fold() == 0 ? "validation" : Integer.toString(f.fold()));
                    row.add(number(f.score()));
                    row.add(Integer.toString(f.bestEpoch()));
                    row.add(Integer.toString(f.epochs()));
                    row.add(String.format(Locale.ROOT, "%.3f", f.seconds()));
                    w.write(String.join("\t", row));
                    w.write('\n');
                }
            }
            w.flush();
        });
    }

    /**
     * {@code method} ({@code grid}, {@code random}, or {@code none} for cross-validation alone), {@code metric},
     * {@code goal} ({@code max} or {@code min}), {@code folds} (0: the validation split), {@code trials} (one flat
     * map per trial: {@code trial}, each searched key, the mean metric, its {@code _sd} over folds, {@code epochs}
     * (mean per fold), {@code seconds}), {@code best} (the chosen trial's map), {@code table} and {@code final}.
     */
    public static Map<String, Object> toMetrics(Outcome outcome, String method) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", method);
        m.put("metric", outcome.metric());
        m.put("goal", outcome.maximise() ? "max" : "min");
        m.put("folds", outcome.folds());
        List<Map<String, Object>> trials = new ArrayList<>();
        for (TrialScore t : outcome.trials()) {
            trials.add(row(t, outcome));
        }
        m.put("trials", trials);
        m.put("best", row(outcome.best(), outcome));
        m.put("table", TABLE);
        m.put("final", "the best trial's configuration retrained on the training split, stopping as training.early_stopping "
                + "says on the validation split; only that model saw the test split, once");
        return m;
    }

    private static Map<String, Object> row(TrialScore t, Outcome outcome) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("trial", t.trial().number());
        t.trial().assignment().forEach((k, v) -> row.put(k, v instanceof Number || v instanceof Boolean ? v : cell(v)));
        row.put(outcome.metric(), finite(t.mean()));
        if (outcome.folds() > 0) {
            row.put(outcome.metric() + "_sd", finite(t.sd()));
        }
        row.put("epochs", t.folds().stream().mapToInt(FoldScore::epochs).average().orElse(0));
        row.put("seconds", Math.round(t.seconds() * 1000) / 1000.0);
        return row;
    }

    private static List<String> keys(Outcome outcome) {
        Set<String> keys = new LinkedHashSet<>();
        outcome.trials().forEach(t -> keys.addAll(t.trial().assignment().keySet()));
        return new ArrayList<>(keys);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static String cell(Object value) {
        return written(value).replace('\t', ' ').replace('\n', ' ');
    }

    /** A value as a spec writes it: decimals without exponents ({@code 0.0001}, not {@code 1.0E-4}), lists in brackets. */
    static String written(Object value) {
        if (value instanceof Double || value instanceof Float) {
            double v = ((Number) value).doubleValue();
            return Double.isFinite(v) ? java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString() : String.valueOf(v);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(SelectionReport::written).collect(java.util.stream.Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(value);
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.6g", v);
    }
}
