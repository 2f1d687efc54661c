package org.genomod.reader.expression.internal;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.genomod.api.data.InputFormatException;

/** The genes a reconstruction read keeps, as indices into the file's genes. */
final class GeneSelection {
    /** A matrix entry by sample and gene index; NaN where missing. */
    interface Values {
        float value(int sample, int gene);
    }

    private GeneSelection() {
    }

    static int[] all(int genes) {
        return IntStream.range(0, genes).toArray();
    }

    /** A trained model's genes, in its order: a new file may hold more genes, in any order, but not fewer. */
    static int[] byName(List<String> fileGenes, List<String> wanted, Path file) throws InputFormatException {
        Map<String, Integer> index = new HashMap<>();
        for (int g = 0; g < fileGenes.size(); g++) {
            index.put(fileGenes.get(g), g);
        }
        int[] kept = new int[wanted.size()];
        int missing = 0;
        String first = null;
        for (int k = 0; k < kept.length; k++) {
            Integer g = index.get(wanted.get(k));
            if (g == null) {
                missing++;
                first = first == null ? wanted.get(k) : first;
            } else {
                kept[k] = g;
            }
        }
        if (missing > 0) {
            throw new InputFormatException(file, 0, "gene '" + first + "' of the model is not in the file; " + missing
                    + " of the model's " + wanted.size() + " genes are missing");
        }
        return kept;
    }

    /**
     * The {@code top} genes whose visible values (observed and not hidden) vary most across samples, in file
     * order; ties go to the earlier gene. Genes with fewer than two visible values come last.
     */
    static int[] mostVariable(int top, int genes, int samples, Values values, HiddenEntries hidden) {
        if (top <= 0 || top >= genes) {
            return all(genes);
        }
        double[] variance = new double[genes];
        for (int g = 0; g < genes; g++) {
            double mean = 0;
            double squares = 0;
            int count = 0;
            for (int s = 0; s < samples; s++) {
                float v = values.value(s, g);
                if (!Float.isNaN(v) && !hidden.hidden(s, g)) {
                    count++;
                    double delta = v - mean;
                    mean += delta / count; // Welford: stable for large, close values
                    squares += delta * (v - mean);
                }
            }
            variance[g] = count < 2 ? Double.NEGATIVE_INFINITY : squares / (count - 1);
        }
        int[] kept = IntStream.range(0, genes).boxed()
                .sorted((a, b) -> variance[a] != variance[b] ? Double.compare(variance[b], variance[a]) : Integer.compare(a, b))
                .limit(top).mapToInt(Integer::intValue).toArray();
        Arrays.sort(kept);
        return kept;
    }
}
