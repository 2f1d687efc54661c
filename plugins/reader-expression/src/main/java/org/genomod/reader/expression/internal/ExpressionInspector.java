package org.genomod.reader.expression.internal;

import org.genomod.reader.support.LineSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.genomod.api.data.FileInspector;
import org.genomod.api.data.InspectionReport;
import org.genomod.api.train.Cancellation;
import org.osgi.service.component.annotations.Component;

/**
 * Checks expression matrices for {@code genomod inspect}. Without parameters it cannot be told which
 * CSV/TSV columns are annotations, so a column whose first value is text counts as one (and is listed
 * in the summary); every other column must hold numbers or missing values in every row.
 *
 * <p>CSV and TSV are claimed only when the first data row holds at least {@value #MIN_NUMBERS}
 * numbers, so edge lists, label tables and sequence tables stay with their own readers.
 */
@Component(service = FileInspector.class, property = FileInspector.SERVICE_PROPERTY + "=expression")
public final class ExpressionInspector implements FileInspector {
    static final int MIN_NUMBERS = 3;
    private static final ValueTransform IDENTITY =
            new ValueTransform(ValueTransform.Log.NONE, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    @Override
    public boolean accepts(Path file, byte[] head) {
        Optional<MatrixFormat> format = MatrixFormat.byName(file);
        if (format.isEmpty()) {
            return false;
        }
        List<String> lines = firstLines(head, 2);
        if (lines.isEmpty()) {
            return format.get() == MatrixFormat.GCT || format.get() == MatrixFormat.SOFT; // let inspect say it is empty
        }
        return switch (format.get()) {
            case GCT -> lines.get(0).startsWith("#1.");
            case SOFT -> lines.get(0).startsWith("^") || lines.get(0).startsWith("!");
            case CSV, TSV -> lines.size() == 2 && looksLikeMatrix(format.get(), lines.get(0), lines.get(1));
        };
    }

    /** A header and a first row whose cells after the first include at least {@value #MIN_NUMBERS} numbers. */
    private static boolean looksLikeMatrix(MatrixFormat format, String header, String row) {
        Fields fields = format.fields();
        if (!fields.split(header)) {
            return false;
        }
        int width = fields.count();
        if (width < 2 || !fields.split(row)) {
            return false;
        }
        int numbers = 0;
        for (int i = 1; i < fields.count(); i++) {
            try {
                Decimals.parse(fields.chars(), fields.start(i), fields.end(i));
                numbers++;
            } catch (NumberFormatException e) {
                // a text cell
            }
        }
        return numbers >= MIN_NUMBERS;
    }

    /** Up to {@code n} non-blank lines of the head; a last line cut off by the head's end counts too. */
    private static List<String> firstLines(byte[] head, int n) {
        String text = new String(head, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\r?\n", n + 1)) {
            if (lines.size() == n) {
                break;
            }
            if (!line.isBlank()) {
                lines.add(line);
            }
        }
        return lines;
    }

    @Override
    public InspectionReport inspect(Path file, Path reference, Cancellation cancellation) throws IOException {
        MatrixFormat format = MatrixFormat.detect(file);
        boolean table = format == MatrixFormat.CSV || format == MatrixFormat.TSV;
        MatrixParser.Rules rules = new MatrixParser.Rules(null, Set.of(), table, true, IDENTITY, "row", "column");
        MatrixParser.Summary summary;
        try (LineSource lines = LineSource.open(file)) {
            summary = new MatrixParser(lines, format, rules, cancellation).parse(new MatrixParser.Sink() {
                @Override public void columns(List<String> names) { }
                @Override public void row(String id, long line, float[] values) { }
            });
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("rows", summary.rows());
        facts.put("id column", summary.idColumn());
        facts.put("value columns", summary.columns().size());
        if (!summary.textColumns().isEmpty()) {
            facts.put("text columns", condensed(summary.textColumns()));
        }
        facts.put("missing values", summary.missingCells());
        List<String> warnings = new ArrayList<>();
        if (summary.subsets() != null) {
            List<String> types = new ArrayList<>();
            summary.subsets().types().forEach((type, count) -> types.add(type + " (" + count + ")"));
            facts.put("subset types", types.isEmpty() ? "none" : String.join(", ", types));
            if (summary.declaredRows() >= 0 && summary.declaredRows() != summary.rows()) {
                warnings.add("!dataset_feature_count says " + summary.declaredRows() + " rows, the table has " + summary.rows());
            }
        }
        if (summary.missingCells() > 0) {
            warnings.add(summary.missingCells() + " missing values: read with missing: nan or zero");
        }
        return new InspectionReport(format.id(), summary.rows(), facts, warnings);
    }

    /** Column names with repeats counted: {@code Gene Description, call ×38}. */
    private static String condensed(List<String> names) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        names.forEach(name -> counts.merge(name, 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((name, count) -> parts.add(count == 1 ? name : name + " ×" + count));
        return String.join(", ", parts);
    }
}
