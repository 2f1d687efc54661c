package org.genomod.interpret.ism.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Importance logos of chosen sequences. A position's importance is minus the mean score change of
 * mutating its base to each of the three others, drawn on the reference base (other bases zero): a
 * base the prediction depends on stands tall, one whose loss raises the score hangs below the line.
 * This is the same shape as a gradient × input logo, so the two compare directly. Positions that hold
 * no single base (padding, ambiguity codes) are all zero.
 */
final class Logos implements MutationSink {
    private final Map<Integer, Accumulator> chosen = new LinkedHashMap<>();
    private final String alphabet;

    /** @param sequences dataset indices to draw, in the order the summary lists them */
    Logos(int[] sequences, int length, String alphabet) {
        for (int s : sequences) {
            chosen.put(s, new Accumulator(length));
        }
        this.alphabet = alphabet;
    }

    @Override
    public void mutant(int sequence, int position, int ref, int alt, double refScore, double altScore) {
        Accumulator a = chosen.get(sequence);
        if (a != null) {
            a.sum[position] += altScore - refScore;
            a.count[position]++;
            a.base[position] = ref;
        }
    }

    /** The summary's {@code logos}: id, alphabet and one {@code [a, c, g, t]} row per position. */
    List<Map<String, Object>> summary(IdLookup ids) {
        List<Map<String, Object>> logos = new ArrayList<>();
        chosen.forEach((sequence, a) -> {
            List<List<Double>> rows = new ArrayList<>(a.sum.length);
            for (int p = 0; p < a.sum.length; p++) {
                Double[] row = {0.0, 0.0, 0.0, 0.0};
                if (a.count[p] > 0) {
                    row[a.base[p]] = -a.sum[p] / a.count[p];
                }
                rows.add(List.of(row));
            }
            Map<String, Object> logo = new LinkedHashMap<>();
            logo.put("id", ids.id(sequence));
            logo.put("alphabet", alphabet);
            logo.put("scores", rows);
            logos.add(logo);
        });
        return logos;
    }

    /** Record ids by dataset index. */
    @FunctionalInterface
    interface IdLookup {
        String id(int sequence);
    }

    private static final class Accumulator {
        final double[] sum;
        final int[] count;
        final int[] base;

        Accumulator(int length) {
            sum = new double[length];
            count = new int[length];
            base = new int[length];
        }
    }
}
