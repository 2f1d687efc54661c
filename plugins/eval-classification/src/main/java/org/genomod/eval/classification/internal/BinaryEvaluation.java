package org.genomod.eval.classification.internal;

import static org.genomod.eval.classification.internal.Report.ACCURACY;
import static org.genomod.eval.classification.internal.Report.AUPRC;
import static org.genomod.eval.classification.internal.Report.AUROC;
import static org.genomod.eval.classification.internal.Report.BALANCED_ACCURACY;
import static org.genomod.eval.classification.internal.Report.BRIER;
import static org.genomod.eval.classification.internal.Report.LOG_LOSS;
import static org.genomod.eval.classification.internal.Report.MACRO_F1;

import java.util.List;
import org.genomod.api.data.TaskType;
import org.genomod.api.eval.Metrics;

/**
 * One output, the probability of the positive class; {@code score ≥ threshold} predicts positive.
 * Per-class figures cover both classes, the negative one named {@code not_<positive>} and ranked by
 * the negated score, so that macro F1 and balanced accuracy average over the two.
 */
final class BinaryEvaluation {
    private BinaryEvaluation() {
    }

    static Metrics evaluate(LabelledScores data, Options options) {
        double threshold = options.threshold();
        String positive = data.outputNames().get(0);
        List<String> classes = List.of("not_" + positive, positive);
        float[] scores = data.scoreColumn(0);
        boolean[] truth = data.truthColumn(0);
        ConfusionMatrix matrix = ConfusionMatrix.ofBinary(truth, LabelledScores.atLeast(scores, threshold));
        RankMetrics positiveRanking = RankMetrics.of(scores, truth);
        RankMetrics negativeRanking = RankMetrics.of(negate(scores), negate(truth));

        Report report = new Report(TaskType.BINARY, data.size());
        report.scalar(ACCURACY, matrix.accuracy());
        report.scalar(BALANCED_ACCURACY, matrix.balancedAccuracy());
        if (positiveRanking.hasBothClasses()) {
            report.scalar(AUROC, positiveRanking.auroc());
            report.scalar(AUPRC, positiveRanking.averagePrecision());
        } else {
            String only = positiveRanking.positives() > 0 ? positive : classes.get(0);
            report.warn("only class '" + only + "' occurs in the labels, so auroc and auprc are undefined and left out");
        }
        report.scalar(MACRO_F1, matrix.macroF1());
        report.scalar(LOG_LOSS, LogLoss.binary(scores, truth));
        Calibration[] calibration = Calibration.ofEachOutput(data);
        report.scalar(BRIER, calibration[0].brier());

        report.detail("threshold", threshold);
        report.detail("decision", "score >= threshold");
        report.detail("per_class", List.of(
                Report.perClass(classes.get(0), matrix, 0, negativeRanking),
                Report.perClass(classes.get(1), matrix, 1, positiveRanking)));
        report.detail("confusion_matrix", Report.confusionMatrix(classes, matrix));
        CurveDetails.attach(report, data, calibration, calibration[0].brier(), options);
        for (int c = 0; c < 2; c++) {
            if (matrix.predictedCount(c) == 0) {
                report.warn("no example is predicted '" + classes.get(c) + "' at threshold " + threshold
                        + ", so its precision is undefined (null)");
            }
        }
        return report.build();
    }

    private static float[] negate(float[] scores) {
        float[] negated = new float[scores.length];
        for (int i = 0; i < scores.length; i++) {
            negated[i] = -scores[i]; // exact, and reverses the order with ties intact (1 - s would round)
        }
        return negated;
    }

    private static boolean[] negate(boolean[] truth) {
        boolean[] negated = new boolean[truth.length];
        for (int i = 0; i < truth.length; i++) {
            negated[i] = !truth[i];
        }
        return negated;
    }
}
