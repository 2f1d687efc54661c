package org.genomod.eval.network.internal;

/**
 * ROC and precision-recall summaries of labelled, scored items, with the semantics of scikit-learn: items of
 * equal score form one threshold (no arbitrary order among ties). AUROC is the trapezoidal area under the
 * ROC curve ({@code roc_auc_score}); AUPRC the step-wise average precision
 * {@code sum (R_k - R_k-1) P_k} ({@code average_precision_score}); the trapezoidal AUPR is the area under the
 * same points plus (recall 0, precision 1), as {@code auc(recall, precision)} after {@code precision_recall_curve}.
 */
final class RankingCurve {
    private final double auroc;
    private final double averagePrecision;
    private final double trapezoidalPr;

    /** @param labels 1 for positives, 0 for negatives; both must occur */
    RankingCurve(double[] scores, byte[] labels) {
        int positives = 0;
        for (byte y : labels) {
            positives += y;
        }
        // each class's scores ascending, walked from the top: no boxing, no comparator
        double[] pos = new double[positives];
        double[] neg = new double[labels.length - positives];
        for (int i = 0, p = 0, n = 0; i < labels.length; i++) {
            if (labels[i] == 1) {
                pos[p++] = scores[i];
            } else {
                neg[n++] = scores[i];
            }
        }
        java.util.Arrays.sort(pos);
        java.util.Arrays.sort(neg);
        int p = pos.length - 1;
        int n = neg.length - 1;
        long tp = 0;
        long fp = 0;
        double roc = 0;
        double ap = 0;
        double trapezoid = 0;
        double lastPrecision = 1;
        double lastRecall = 0;
        while (p >= 0 || n >= 0) {
            double threshold = p < 0 ? neg[n] : n < 0 ? pos[p] : Math.max(pos[p], neg[n]);
            long prevTp = tp;
            long prevFp = fp;
            for (; p >= 0 && pos[p] == threshold; p--) {
                tp++;
            }
            for (; n >= 0 && neg[n] == threshold; n--) {
                fp++;
            }
            roc += (double) (fp - prevFp) / neg.length * ((double) (tp + prevTp) / positives) / 2;
            double recall = (double) tp / positives;
            double precision = (double) tp / (tp + fp);
            ap += (recall - lastRecall) * precision;
            trapezoid += (recall - lastRecall) * (precision + lastPrecision) / 2;
            lastRecall = recall;
            lastPrecision = precision;
        }
        this.auroc = roc;
        this.averagePrecision = ap;
        this.trapezoidalPr = trapezoid;
    }

    double auroc() {
        return auroc;
    }

    double averagePrecision() {
        return averagePrecision;
    }

    double trapezoidalPr() {
        return trapezoidalPr;
    }
}
