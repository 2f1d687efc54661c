package org.genomod.eval.regression.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;
import org.genomod.api.eval.Metrics;

/**
 * Each target's metrics, their means over targets as the headline scalars (macro: every target weighs
 * the same however many entries it has scored), and with several targets the same metrics over every
 * scored entry pooled (micro).
 */
final class TargetSummary {
    static final String AVERAGING = "mse, rmse, mae, pearson, spearman and r2 are means over targets of each target's "
            + "figure, leaving out targets where it is undefined (with one target, that target's figures); micro_* pool "
            + "every scored entry of every target into one vector, so micro_pearson and micro_r2 also credit differences "
            + "between the targets' means; an entry is scored when its label is not NaN";
    /** Targets named in one warning; the rest are counted. */
    private static final int NAMED = 10;

    private TargetSummary() {
    }

    static Metrics of(ScoredTargets data, int examples) {
        Report report = new Report(examples, data.targets(), data.scored());
        List<Agreement> agreements = new ArrayList<>();
        List<Map<String, Object>> perTarget = new ArrayList<>();
        for (int j = 0; j < data.targets(); j++) {
            Agreement agreement = data.agreement(j);
            agreements.add(agreement);
            perTarget.add(Report.perTarget(data.name(j), agreement));
        }
        if (data.scored() == 0) {
            report.warn("every label is NaN (an entry that is not scored), so there is nothing to score and no metric is reported");
        } else {
            macroAverages(report, agreements);
            warnAboutTargets(report, data, agreements);
            if (data.targets() > 1) {
                pooled(report, data.pooled());
            }
        }
        report.detail("averaging", AVERAGING);
        report.detail("per_target", List.copyOf(perTarget));
        return report.build();
    }

    private static void macroAverages(Report report, List<Agreement> agreements) {
        List<String> missing = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            OptionalDouble mean = agreements.stream().mapToDouble(metric::of).filter(v -> !Double.isNaN(v)).average();
            if (mean.isPresent()) {
                report.scalar(metric.key(), mean.getAsDouble());
            } else {
                missing.add(metric.key());
            }
        }
        if (!missing.isEmpty()) {
            report.warn(String.join(", ", missing) + (missing.size() == 1 ? " is" : " are")
                    + " undefined on every target, so not reported");
        }
    }

    private static void warnAboutTargets(Report report, ScoredTargets data, List<Agreement> agreements) {
        Map<Degeneracy, List<String>> byCause = new EnumMap<>(Degeneracy.class);
        for (int j = 0; j < agreements.size(); j++) {
            byCause.computeIfAbsent(agreements.get(j).degeneracy(), d -> new ArrayList<>()).add(data.name(j));
        }
        byCause.remove(Degeneracy.NONE);
        byCause.forEach((degeneracy, targets) -> report.warn(
                (targets.size() == 1 ? "1 target has " : targets.size() + " targets have ") + degeneracy.cause() + ", so "
                        + names(degeneracy.undefined(), "") + " undefined there (null in per_target) and left out of the "
                        + "averages over targets: " + quoted(targets)));
    }

    private static void pooled(Report report, Agreement pooled) {
        for (Metric metric : Metric.values()) {
            double value = metric.of(pooled);
            if (!Double.isNaN(value)) {
                report.scalar(Metric.MICRO + metric.key(), value);
            }
        }
        if (pooled.degeneracy() != Degeneracy.NONE) {
            report.warn("pooled over all targets, the entries have " + pooled.degeneracy().cause() + ", so "
                    + names(pooled.degeneracy().undefined(), Metric.MICRO) + " not reported");
        }
    }

    /** "a, b and c are" / "a is" */
    private static String names(Set<Metric> metrics, String prefix) {
        List<String> keys = metrics.stream().map(m -> prefix + m.key()).toList();
        if (keys.size() == 1) {
            return keys.get(0) + " is";
        }
        return String.join(", ", keys.subList(0, keys.size() - 1)) + " and " + keys.get(keys.size() - 1) + " are";
    }

    /** The first few target names, quoted, and how many more there are. */
    private static String quoted(List<String> targets) {
        String named = targets.stream().limit(NAMED).map(t -> "'" + t + "'").collect(Collectors.joining(", "));
        return targets.size() > NAMED ? named + " and " + (targets.size() - NAMED) + " more" : named;
    }
}
