package org.genomod.interpret.attribution.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The logos of the summary: the {@code count} examples with the highest predicted score among the positives,
 * as {@code {"id", "alphabet", "scores": [[a, c, g, t] per position]}} (the convention the report renders).
 */
final class Logos {
    private record Candidate(String id, double score, float[] attributions) {
    }

    private final int count;
    private final String alphabet;
    private final PriorityQueue<Candidate> best = new PriorityQueue<>(Comparator.comparingDouble(Candidate::score));

    Logos(int count, String alphabet) {
        this.count = count;
        this.alphabet = alphabet;
    }

    /** Offers example {@code e} of a batch (its attributions copied only when it ranks). */
    void offer(String id, double score, float[] attributions, int e, int featureSize) {
        if (count == 0 || (best.size() == count && score <= best.peek().score())) {
            return;
        }
        float[] copy = new float[featureSize];
        System.arraycopy(attributions, e * featureSize, copy, 0, featureSize);
        best.add(new Candidate(id, score, copy));
        if (best.size() > count) {
            best.poll();
        }
    }

    /** Highest score first. */
    List<Map<String, Object>> logos() {
        List<Candidate> ranked = new ArrayList<>(best);
        ranked.sort(Comparator.comparingDouble(Candidate::score).reversed());
        int channels = alphabet.length();
        List<Map<String, Object>> logos = new ArrayList<>();
        for (Candidate candidate : ranked) {
            List<List<Double>> rows = new ArrayList<>();
            for (int p = 0; p < candidate.attributions().length / channels; p++) {
                List<Double> row = new ArrayList<>(channels);
                for (int c = 0; c < channels; c++) {
                    row.add((double) candidate.attributions()[p * channels + c]);
                }
                rows.add(row);
            }
            logos.add(Map.of("id", candidate.id(), "alphabet", alphabet, "scores", rows));
        }
        return logos;
    }
}
