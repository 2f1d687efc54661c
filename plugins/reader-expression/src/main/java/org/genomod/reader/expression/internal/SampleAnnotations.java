package org.genomod.reader.expression.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.genomod.api.data.InputFormatException;

/**
 * Each sample's label and group, from the {@code labels_file} side table or from a SOFT file's
 * subsets. Labels are shared strings per class, kept in sample order.
 *
 * @param labels  per sample, {@code null} where a sample has none; all {@code null} when there is no label source
 * @param groups  per sample, {@code null} without a group source
 * @param classes each class with the line that first gave it (0 for SOFT subsets), in order of first use
 * @param source  where labels come from, for messages; {@code null} without a label source
 */
record SampleAnnotations(String[] labels, String[] groups, Map<String, Long> classes, Path source) {

    static SampleAnnotations of(ReaderOptions options, MatrixParser.Summary summary, List<String> samples) throws IOException {
        int n = samples.size();
        String[] labels = new String[n];
        String[] groups = new String[n];
        Map<String, Long> classes = new LinkedHashMap<>();
        Path source = null;
        if (options.labelsFile() != null) {
            source = options.labelsFile();
            SampleTable table = SampleTable.read(source, options.labelColumn(), options.groupColumn());
            for (int i = 0; i < n; i++) {
                SampleTable.Row row = table.row(samples.get(i));
                if (row == null) {
                    continue;
                }
                labels[i] = canonical(classes, row.label(), row.line());
                if (options.groupColumn() != null && row.group() == null) {
                    throw new InputFormatException(source, row.line(), "sample '" + samples.get(i)
                            + "' has no value in the group column '" + options.groupColumn() + "'");
                }
                groups[i] = row.group();
            }
            if (options.groupColumn() != null) {
                requireAll(groups, samples, source, "the group column '" + options.groupColumn() + "'");
            }
        }
        if (options.labelSubsetType() != null) {
            source = options.path();
            Map<String, String> values = summary.subsets().valuesOf(options.labelSubsetType(), options.path());
            for (int i = 0; i < n; i++) {
                labels[i] = canonical(classes, values.get(samples.get(i)), 0);
            }
        }
        if (options.groupSubsetType() != null) {
            Map<String, String> values = summary.subsets().valuesOf(options.groupSubsetType(), options.path());
            for (int i = 0; i < n; i++) {
                groups[i] = values.get(samples.get(i));
            }
            requireAll(groups, samples, options.path(), "a subset of type '" + options.groupSubsetType() + "'");
        }
        return new SampleAnnotations(labels, groups, classes, source);
    }

    private static String canonical(Map<String, Long> classes, String label, long line) {
        if (label == null) {
            return null;
        }
        classes.putIfAbsent(label, line);
        return label;
    }

    private static void requireAll(String[] values, List<String> samples, Path file, String what) throws InputFormatException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                throw new InputFormatException(file, 0, "sample '" + samples.get(i) + "' (of the matrix) is not in " + what);
            }
        }
    }

    /** The number of samples without a label. */
    int unlabelled() {
        int count = 0;
        for (String label : labels) {
            count += label == null ? 1 : 0;
        }
        return count;
    }

    /** The first sample without a label, or -1. */
    int firstUnlabelled() {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == null) {
                return i;
            }
        }
        return -1;
    }
}
