package org.genomod.api.job;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.genomod.api.eval.Metrics;

/**
 * @param message     one line: what went wrong, or where the results are
 * @param testMetrics per evaluator, on the test split; empty unless the job succeeded
 */
public record JobResult(JobStatus status, String message, Path outputDirectory, Map<String, Metrics> testMetrics,
                        Duration elapsed) {
    public JobResult {
        testMetrics = Map.copyOf(testMetrics);
    }
}
