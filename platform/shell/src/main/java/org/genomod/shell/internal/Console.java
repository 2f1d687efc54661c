package org.genomod.shell.internal;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.genomod.api.eval.Metrics;
import org.genomod.api.job.JobEvent;
import org.genomod.api.job.JobListener;
import org.genomod.api.train.EpochReport;

/**
 * What a person sees: results on stdout, progress and errors on stderr. On a terminal the batch
 * progress of the current epoch redraws in place; elsewhere (logs, CI) only whole lines appear.
 */
final class Console implements JobListener {
    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal = System.console() != null;
    private long lastDraw;
    private boolean drawn;

    Console(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    PrintStream out() {
        return out;
    }

    void error(String message) {
        clearLine();
        err.println("genomod: error: " + message);
    }

    void info(String message) {
        clearLine();
        err.println(message);
    }

    @Override
    public void onEvent(JobEvent event) {
        switch (event.phase()) {
            case "training" -> {
                if (event.message().startsWith("epoch")) {
                    drawProgress(event);
                } else {
                    info("  " + event.message());
                }
            }
            case "epoch" -> info("  " + epochLine(event.epoch(), event.message()));
            case "finished", "started" -> { }
            default -> info("  " + event.message());
        }
    }

    private void drawProgress(JobEvent event) {
        long now = System.nanoTime();
        if (!terminal || now - lastDraw < 200_000_000L) {
            return;
        }
        lastDraw = now;
        int width = 30;
        int filled = (int) Math.round(Math.max(0, Math.min(1, event.fraction())) * width);
        err.print("\r  " + event.message() + " [" + "#".repeat(filled) + " ".repeat(width - filled) + "] "
                + Math.round(event.fraction() * 100) + "%");
        err.flush();
        drawn = true;
    }

    private void clearLine() {
        if (drawn) {
            err.print("\r" + " ".repeat(79) + "\r");
            drawn = false;
        }
    }

    static String epochLine(EpochReport r, String label) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-12s train_loss %.4f", label, r.trainLoss()));
        if (!Double.isNaN(r.validationLoss())) {
            s.append(String.format(Locale.ROOT, "  val_loss %.4f", r.validationLoss()));
        }
        for (Map.Entry<String, Double> m : new TreeMap<>(r.validationMetrics()).entrySet()) {
            if (m.getKey().equals("auroc") || m.getKey().equals("accuracy")) {
                s.append(String.format(Locale.ROOT, "  val_%s %.4f", m.getKey(), m.getValue()));
            }
        }
        s.append(String.format(Locale.ROOT, "  %,.0f samples/s", r.samplesPerSecond()));
        return s.toString();
    }

    /** Acronyms read as acronyms (AUROC); other names as in metrics.json. */
    static String display(String metric) {
        return switch (metric) {
            case "auroc", "auprc", "micro_auroc" -> metric.toUpperCase(Locale.ROOT).replace("MICRO_", "micro ");
            default -> metric;
        };
    }

    /** The headline metrics of each evaluator, one per line. */
    void printMetrics(Map<String, Metrics> metrics) {
        clearLine();
        metrics.forEach((name, m) -> {
            out.println("test metrics (" + name + "):");
            m.scalars().forEach((k, v) -> out.println(String.format(Locale.ROOT, "  %-18s %.4f", display(k), v)));
        });
    }
}
