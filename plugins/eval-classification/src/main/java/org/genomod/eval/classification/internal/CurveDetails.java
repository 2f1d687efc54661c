package org.genomod.eval.classification.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code curves} and {@code bootstrap} details: per output, the ROC and precision-recall curves on
 * {@link CurveGrid}'s grid with their bootstrap bands, the reliability curve, and bootstrap intervals of
 * AUROC and average precision. Sorting and resampling happen once, on the first read of either map.
 */
final class CurveDetails {
    static final String METHOD = "percentile bootstrap: each replicate draws n examples with replacement (the same draw for "
            + "every output), the band at each grid point and each interval run from the 2.5th to the 97.5th percentile of the "
            + "replicates in which the output has both classes";

    private LabelledScores data; // released once built: a job may keep its test metrics long after writing them
    private Calibration[] calibrations;
    private final int outputs;
    private final Options options;
    private Built built;

    /** Curves for the first {@code outputs} outputs of {@code data}, whose calibrations are given in output order. */
    private CurveDetails(LabelledScores data, Calibration[] calibrations, int outputs, Options options) {
        this.data = data;
        this.calibrations = calibrations;
        this.outputs = outputs;
        this.options = options;
    }

    /**
     * Adds {@code calibration}, {@code curves} and {@code bootstrap} to {@code report}: curves for the
     * first {@code curve_outputs} outputs, with a warning naming how many were left out.
     */
    static void attach(Report report, LabelledScores data, Calibration[] calibrations, double brier, Options options) {
        report.detail("calibration", Calibration.details(data.outputNames(), calibrations, brier));
        int outputs = Math.min(options.curveOutputs(), data.outputs());
        if (outputs < data.outputs()) {
            report.warn("curves and bootstrap intervals cover the first " + outputs + " of " + data.outputs()
                    + " outputs (parameter curve_outputs)");
        }
        CurveDetails details = new CurveDetails(data, calibrations, outputs, options);
        report.detail("curves", details.curves());
        report.detail("bootstrap", details.bootstrap());
    }

    Map<String, Object> curves() {
        return new LazyMap(() -> built().curves());
    }

    Map<String, Object> bootstrap() {
        return new LazyMap(() -> built().bootstrap());
    }

    private synchronized Built built() {
        if (built == null) {
            built = build();
            data = null;
            calibrations = null;
        }
        return built;
    }

    private Built build() {
        Ranking[] rankings = new Ranking[outputs];
        for (int o = 0; o < outputs; o++) {
            rankings[o] = Ranking.of(data.scoreColumn(o), data.truthColumn(o));
        }
        Bootstrap.Band[] bands = options.bootstrap() > 0 ? Bootstrap.run(rankings, options.bootstrap(), options.bootstrapSeed()) : null;
        Map<String, Object> curves = new LinkedHashMap<>();
        Map<String, Object> intervals = new LinkedHashMap<>();
        for (int o = 0; o < outputs; o++) {
            Ranking.Curves estimate = rankings[o].curves();
            Bootstrap.Band band = bands == null ? null : bands[o];
            Map<String, Object> curve = new LinkedHashMap<>();
            curve.put("roc", estimate == null ? null
                    : curve("fpr", "tpr", estimate.tpr(), band == null ? null : band.tprLow(), band == null ? null : band.tprHigh()));
            curve.put("pr", estimate == null ? null : curve("recall", "precision", estimate.precision(),
                    band == null ? null : band.precisionLow(), band == null ? null : band.precisionHigh()));
            curve.put("reliability", calibrations[o].reliabilityCurve());
            curves.put(data.outputNames().get(o), Collections.unmodifiableMap(curve));
            intervals.put(data.outputNames().get(o), intervals(estimate, band));
        }
        Map<String, Object> bootstrap = new LinkedHashMap<>();
        bootstrap.put("replicates", options.bootstrap());
        bootstrap.put("seed", options.bootstrapSeed());
        bootstrap.put("level", Bootstrap.HIGH - Bootstrap.LOW);
        bootstrap.put("method", METHOD);
        bootstrap.put("outputs", Collections.unmodifiableMap(intervals));
        return new Built(curves, bootstrap);
    }

    /** {@code {<axis>: grid, <measure>: estimate, <measure>_low: band, <measure>_high: band}}. */
    private static Map<String, Object> curve(String axis, String measure, double[] estimate, double[] low, double[] high) {
        Map<String, Object> curve = new LinkedHashMap<>();
        curve.put(axis, list(CurveGrid.axis()));
        curve.put(measure, list(estimate));
        curve.put(measure + "_low", list(low));
        curve.put(measure + "_high", list(high));
        return Collections.unmodifiableMap(curve);
    }

    private static Map<String, Object> intervals(Ranking.Curves estimate, Bootstrap.Band band) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("used", band == null ? 0 : band.used());
        entry.put("auroc", interval(estimate == null ? null : estimate.auroc(), band == null ? null : band.auroc()));
        entry.put("auprc", interval(estimate == null ? null : estimate.averagePrecision(), band == null ? null : band.averagePrecision()));
        return Collections.unmodifiableMap(entry);
    }

    private static Map<String, Object> interval(Double estimate, double[] lowHigh) {
        Map<String, Object> interval = new LinkedHashMap<>();
        interval.put("estimate", estimate);
        interval.put("low", lowHigh == null ? null : lowHigh[0]);
        interval.put("high", lowHigh == null ? null : lowHigh[1]);
        return Collections.unmodifiableMap(interval);
    }

    /** {@code null} for a band no replicate supports. */
    private static List<Double> list(double[] values) {
        if (values == null) {
            return null;
        }
        List<Double> list = new ArrayList<>(values.length);
        Arrays.stream(values).forEach(list::add);
        return Collections.unmodifiableList(list);
    }

    private record Built(Map<String, Object> curves, Map<String, Object> bootstrap) {
    }
}
