package org.genomod.eval.network.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.genomod.api.data.InputFormatException;
import org.genomod.api.eval.Metrics;
import org.genomod.api.eval.TruthEvaluator;
import org.genomod.api.param.ParameterSchema;
import org.genomod.api.param.Parameters;
import org.osgi.service.component.annotations.Component;

/**
 * Scored edges (a DREAM5 prediction: regulator, target, score) against a gold-standard edge list (DREAM5:
 * regulator, target, 1 or 0) as AUROC and AUPRC. The DREAM5 convention fixes what is ranked: the gold
 * standard's edges, its 1s positive and its 0s negative; predicted edges it does not list are ignored, and
 * its edges the prediction lacks (or that fall below the top-N cut) are ranked last, tied with one another.
 */
@Component(service = TruthEvaluator.class, property = TruthEvaluator.SERVICE_PROPERTY + "=network")
public final class NetworkTruthEvaluator implements TruthEvaluator {
    static final String NAME = "network";
    /** DREAM5 scored at most the first 100,000 edges of each prediction. */
    static final int DREAM5_TOP = 100_000;

    private static final ParameterSchema PARAMETERS = ParameterSchema.builder()
            .flag("directed", true, "edges are ordered pairs; false: regulator-target and target-regulator are one edge")
            .integer("top", DREAM5_TOP, 0, Integer.MAX_VALUE, "only the N highest-scoring predictions count (DREAM5: 100000); 0: all")
            .build();

    private record Prediction(String regulator, String target, double score) {
    }

    @Override
    public ParameterSchema parameters() {
        return PARAMETERS;
    }

    @Override
    public Metrics evaluate(Path predictions, Path gold, Parameters parameters) throws IOException {
        boolean directed = parameters.flag("directed");
        int top = parameters.integer("top");

        Map<String, Boolean> labels = new LinkedHashMap<>();
        long[] goldRows = new long[1];
        EdgeFiles.readGold(gold, (regulator, target, value, line) -> {
            goldRows[0]++;
            labels.merge(key(regulator, target, directed), value == 1, Boolean::logicalOr); // positive in either direction
        });
        long positives = labels.values().stream().filter(b -> b).count();
        if (positives == 0 || positives == labels.size()) {
            throw new InputFormatException(gold, 0, "lists " + (positives == 0 ? "no positive edges (1)" : "no negative edges (0)")
                    + "; AUROC needs both, and the negatives define what a prediction is ranked against");
        }

        List<Prediction> rows = new ArrayList<>();
        EdgeFiles.readPredictions(predictions, (regulator, target, score, line) -> rows.add(new Prediction(regulator, target, score)));
        rows.sort(Comparator.comparingDouble(Prediction::score).reversed()); // stable: ties keep file order at the cut
        List<Prediction> ranked = top > 0 && rows.size() > top ? rows.subList(0, top) : rows;

        Map<String, Double> scores = new HashMap<>();
        long ignored = 0;
        long duplicates = 0;
        for (Prediction p : ranked) {
            String key = key(p.regulator(), p.target(), directed);
            if (!labels.containsKey(key)) {
                ignored++;
            } else {
                duplicates += scores.containsKey(key) ? 1 : 0; // undirected: also both directions of one pair
                scores.merge(key, p.score(), Math::max);
            }
        }

        double[] s = new double[labels.size()];
        byte[] y = new byte[labels.size()];
        int i = 0;
        long unpredicted = 0;
        long predictedPositives = 0;
        for (Map.Entry<String, Boolean> e : labels.entrySet()) {
            Double score = scores.get(e.getKey());
            s[i] = score == null ? Double.NEGATIVE_INFINITY : score;
            y[i] = (byte) (e.getValue() ? 1 : 0);
            unpredicted += score == null ? 1 : 0;
            predictedPositives += score != null && e.getValue() ? 1 : 0;
            i++;
        }
        RankingCurve curve = new RankingCurve(s, y);

        Map<String, Double> scalars = new LinkedHashMap<>();
        scalars.put("auroc", curve.auroc());
        scalars.put("auprc", curve.averagePrecision());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("aupr_trapezoid", curve.trapezoidalPr());
        details.put("positives", positives);
        details.put("negatives", labels.size() - positives);
        details.put("gold_rows", goldRows[0]);
        details.put("predictions", (long) rows.size());
        details.put("predictions_ranked", (long) ranked.size());
        details.put("predictions_not_in_gold", ignored);
        details.put("predicted_positives", predictedPositives);
        details.put("unpredicted_gold_edges", unpredicted);
        details.put("duplicate_predictions", duplicates);
        details.put("directed", directed);
        details.put("top", top);
        details.put("universe", "gold-standard edges (1 positive, 0 negative); predictions not in it ignored; "
                + "gold edges without a prediction ranked last, tied");
        return new Metrics(NAME, scalars, details);
    }

    /** An ordered pair, or for undirected evaluation the pair in name order. */
    private static String key(String regulator, String target, boolean directed) {
        return directed || regulator.compareTo(target) <= 0 ? regulator + '\t' + target : target + '\t' + regulator;
    }
}
