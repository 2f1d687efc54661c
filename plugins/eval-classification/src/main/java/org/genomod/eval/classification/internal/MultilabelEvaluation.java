package org.genomod.eval.classification.internal;

import static org.genomod.eval.classification.internal.Report.ACCURACY;
import static org.genomod.eval.classification.internal.Report.AUPRC;
import static org.genomod.eval.classification.internal.Report.AUROC;
import static org.genomod.eval.classification.internal.Report.BALANCED_ACCURACY;
import static org.genomod.eval.classification.internal.Report.BRIER;
import static org.genomod.eval.classification.internal.Report.LOG_LOSS;
import static org.genomod.eval.classification.internal.Report.MACRO_F1;
import static org.genomod.eval.classification.internal.Report.MICRO_AUPRC;
import static org.genomod.eval.classification.internal.Report.MICRO_AUROC;
import static org.genomod.eval.classification.internal.Report.MICRO_F1;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.genomod.api.data.TaskType;
import org.genomod.api.eval.Metrics;

/**
 * Independent 0/1 labels, each scored by its own probability and thresholded on its own. Every metric is
 * the macro average over labels of the binary metric (of the label's positive class), except
 * {@code log_loss} (mean binary cross-entropy over all cells) and {@code micro_auroc} (one ROC over all
 * cells pooled).
 */
final class MultilabelEvaluation {
    static final String ACCURACY_DEFINITION = "mean over labels of the per-label accuracy (1 - Hamming loss); "
            + "subset_accuracy is the fraction of examples with every label right";
    static final String AVERAGING = "balanced_accuracy, auroc, auprc and macro_f1 are means over labels of each label's binary "
            + "metric (its positive class); micro_auroc, micro_auprc and micro_f1 pool every (example, label) cell into one "
            + "ranking or one confusion matrix; log_loss and brier are means over all cells (brier is so both the mean of the "
            + "labels' Brier scores and the pooled one); auroc/<label> and auprc/<label> are one label's figures";

    private MultilabelEvaluation() {
    }

    static Metrics evaluate(LabelledScores data, Options options) {
        double threshold = options.threshold();
        List<String> labels = data.outputNames();
        ConfusionMatrix[] matrices = new ConfusionMatrix[labels.size()];
        RankMetrics[] rankings = new RankMetrics[labels.size()];
        for (int j = 0; j < labels.size(); j++) {
            float[] scores = data.scoreColumn(j);
            boolean[] truth = data.truthColumn(j);
            matrices[j] = ConfusionMatrix.ofBinary(truth, LabelledScores.atLeast(scores, threshold));
            rankings[j] = RankMetrics.of(scores, truth);
        }
        float[] allScores = data.scores();
        boolean[] allTruth = data.truth();
        RankMetrics pooled = RankMetrics.of(allScores, allTruth);

        Report report = new Report(TaskType.MULTILABEL, data.size());
        report.scalar(ACCURACY, Arrays.stream(matrices).mapToDouble(ConfusionMatrix::accuracy).average().getAsDouble());
        report.scalar(BALANCED_ACCURACY, Arrays.stream(matrices).mapToDouble(ConfusionMatrix::balancedAccuracy).average().getAsDouble());
        OptionalDouble auroc = RankMetrics.macroAverage(rankings, RankMetrics::auroc);
        if (auroc.isPresent()) {
            report.scalar(AUROC, auroc.getAsDouble());
            report.scalar(AUPRC, RankMetrics.macroAverage(rankings, RankMetrics::averagePrecision).getAsDouble());
        } else {
            report.warn("no label has both positive and negative examples, so auroc and auprc are undefined and left out");
        }
        OptionalDouble macroF1 = Arrays.stream(matrices).mapToDouble(m -> m.f1(1)).filter(f -> !Double.isNaN(f)).average();
        if (macroF1.isPresent()) {
            report.scalar(MACRO_F1, macroF1.getAsDouble());
        } else {
            report.warn("no label is positive in the labels or the predictions, so macro_f1 is undefined and left out");
        }
        report.scalar(LOG_LOSS, LogLoss.binary(allScores, allTruth));
        Calibration[] calibration = Calibration.ofEachOutput(data);
        double brier = Arrays.stream(calibration).mapToDouble(Calibration::brier).average().getAsDouble();
        report.scalar(BRIER, brier);
        if (pooled.hasBothClasses()) {
            report.scalar(MICRO_AUROC, pooled.auroc());
            report.scalar(MICRO_AUPRC, pooled.averagePrecision());
        } else {
            report.warn("the labels are all " + (pooled.positives() > 0 ? "1" : "0")
                    + ", so micro_auroc and micro_auprc are undefined and left out");
        }
        double microF1 = microF1(matrices);
        if (!Double.isNaN(microF1)) {
            report.scalar(MICRO_F1, microF1);
        } else {
            report.warn("no label is positive in the labels or the predictions, so micro_f1 is undefined and left out");
        }
        report.perOutputScalars(labels, rankings);

        List<Map<String, Object>> perClass = new ArrayList<>();
        List<List<List<Long>>> counts = new ArrayList<>();
        for (int j = 0; j < labels.size(); j++) {
            perClass.add(Report.perClass(labels.get(j), matrices[j], 1, rankings[j]));
            counts.add(Report.counts(matrices[j]));
            warnAboutLabel(report, labels.get(j), matrices[j], threshold);
        }
        report.detail("threshold", threshold);
        report.detail("decision", "score >= threshold, per label");
        report.detail("accuracy_definition", ACCURACY_DEFINITION);
        report.detail("averaging", AVERAGING);
        report.detail("subset_accuracy", subsetAccuracy(data, threshold));
        report.detail("per_class", List.copyOf(perClass));
        Map<String, Object> confusion = new LinkedHashMap<>();
        confusion.put("labels", labels);
        confusion.put("layout", "one 2x2 matrix per label, [[tn, fp], [fn, tp]]: rows = true 0/1, columns = predicted 0/1");
        confusion.put("matrices", List.copyOf(counts));
        report.detail("confusion_matrix", Collections.unmodifiableMap(confusion));
        CurveDetails.attach(report, data, calibration, brier, options);
        return report.build();
    }

    private static void warnAboutLabel(Report report, String label, ConfusionMatrix matrix, double threshold) {
        long positives = matrix.support(1);
        if (positives == 0 || matrix.support(0) == 0) {
            report.warn((positives == 0 ? "no example has label '" + label + "'" : "every example has label '" + label + "'")
                    + ", so its auroc and auprc are undefined and left out of their averages"
                    + (Double.isNaN(matrix.f1(1)) ? "; it is never predicted either, so it is left out of macro_f1 too" : ""));
        }
        if (positives > 0 && matrix.predictedCount(1) == 0) {
            report.warn("label '" + label + "' is never predicted at threshold " + threshold + ", so its precision is undefined (null)");
        }
    }

    /** F1 of the pooled counts, {@code 2 Σtp / (2 Σtp + Σfp + Σfn)}; NaN when nothing is positive in truth or prediction. */
    private static double microF1(ConfusionMatrix[] matrices) {
        long twiceTp = 0;
        long errors = 0;
        for (ConfusionMatrix m : matrices) {
            twiceTp += 2 * m.count(1, 1);
            errors += m.count(0, 1) + m.count(1, 0);
        }
        return twiceTp + errors == 0 ? Double.NaN : (double) twiceTp / (twiceTp + errors);
    }

    private static double subsetAccuracy(LabelledScores data, double threshold) {
        float[] scores = data.scores();
        boolean[] truth = data.truth();
        int width = data.outputs();
        int exact = 0;
        for (int i = 0; i < data.size(); i++) {
            boolean allRight = true;
            for (int j = 0; j < width && allRight; j++) {
                allRight = (scores[i * width + j] >= threshold) == truth[i * width + j];
            }
            exact += allRight ? 1 : 0;
        }
        return (double) exact / data.size();
    }
}
