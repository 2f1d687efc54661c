package org.genomod.eval.classification.internal;

import static org.genomod.eval.classification.internal.Report.ACCURACY;
import static org.genomod.eval.classification.internal.Report.AUPRC;
import static org.genomod.eval.classification.internal.Report.AUROC;
import static org.genomod.eval.classification.internal.Report.BALANCED_ACCURACY;
import static org.genomod.eval.classification.internal.Report.BRIER;
import static org.genomod.eval.classification.internal.Report.LOG_LOSS;
import static org.genomod.eval.classification.internal.Report.MACRO_F1;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.genomod.api.data.TaskType;
import org.genomod.api.eval.Metrics;

/**
 * One-hot labels and one probability per class; the prediction is the highest-scoring class. AUROC and
 * AUPRC are one-vs-rest per class, macro-averaged over the classes that occur in the labels (and not
 * in every example), as scikit-learn's {@code roc_auc_score(multi_class="ovr", average="macro")};
 * each class's own figures are also the scalars {@code auroc/<class>} and {@code auprc/<class>}.
 * {@code brier} is the multi-class Brier score (see {@link Calibration#multiclassBrier}); curves and
 * calibration are one-vs-rest per class.
 */
final class MulticlassEvaluation {
    private MulticlassEvaluation() {
    }

    static Metrics evaluate(LabelledScores data, Options options) {
        List<String> classes = data.outputNames();
        int[] actual = data.trueClasses();
        ConfusionMatrix matrix = ConfusionMatrix.of(actual, data.argmaxClasses(), classes.size());
        RankMetrics[] rankings = new RankMetrics[classes.size()];
        for (int c = 0; c < rankings.length; c++) {
            rankings[c] = RankMetrics.of(data.scoreColumn(c), data.truthColumn(c));
        }

        Report report = new Report(TaskType.MULTICLASS, data.size());
        report.scalar(ACCURACY, matrix.accuracy());
        report.scalar(BALANCED_ACCURACY, matrix.balancedAccuracy());
        OptionalDouble auroc = RankMetrics.macroAverage(rankings, RankMetrics::auroc);
        if (auroc.isPresent()) {
            report.scalar(AUROC, auroc.getAsDouble());
            report.scalar(AUPRC, RankMetrics.macroAverage(rankings, RankMetrics::averagePrecision).getAsDouble());
        } else {
            report.warn("fewer than two classes occur in the labels, so auroc and auprc are undefined and left out");
        }
        report.scalar(MACRO_F1, matrix.macroF1());
        report.scalar(LOG_LOSS, LogLoss.categorical(data.scores(), classes.size(), actual));
        Calibration[] calibration = Calibration.ofEachOutput(data);
        double brier = Calibration.multiclassBrier(calibration);
        report.scalar(BRIER, brier);
        report.perOutputScalars(classes, rankings);

        List<Map<String, Object>> perClass = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            perClass.add(Report.perClass(classes.get(c), matrix, c, rankings[c]));
            warnAboutClass(report, classes.get(c), matrix, c, data.size());
        }
        report.detail("decision", "argmax (ties go to the first class)");
        report.detail("per_class", List.copyOf(perClass));
        report.detail("confusion_matrix", Report.confusionMatrix(classes, matrix));
        CurveDetails.attach(report, data, calibration, brier, options);
        return report.build();
    }

    private static void warnAboutClass(Report report, String name, ConfusionMatrix matrix, int c, int examples) {
        long support = matrix.support(c);
        if (support == 0) {
            report.warn("class '" + name + "' does not occur in the labels, so it has no recall, auroc or auprc and is left out of "
                    + (matrix.predictedCount(c) == 0 ? "every macro average (it is never predicted either)"
                                                     : "the balanced_accuracy, auroc and auprc averages"));
        } else if (support == examples) {
            report.warn("every example is of class '" + name + "', so its auroc and auprc are undefined and left out of their averages");
        }
        if (support > 0 && matrix.predictedCount(c) == 0) {
            report.warn("class '" + name + "' is never predicted, so its precision is undefined (null)");
        }
    }
}
