package org.genomod.shell.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.genomod.api.job.JobResult;
import org.genomod.api.job.JobService;
import org.genomod.api.train.EpochReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Prints one JSON line per figure: platform start (measured by the launcher, passed in), the demo's
 * wall time and the demo model's training throughput.
 */
@Command(name = "bench", description = {"Benchmarks, as JSON lines. Alone: platform start to all bundles active (warm),",
        "demo wall time, demo training samples/s. 'bench io': reader throughput beside samtools/bcftools.",
        "'bench models': DeepBind and Basset training/inference samples/s beside PyTorch."})
final class BenchCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final JobService jobs;
    private final Console console;

    @Option(names = "--platform-start-ms", split = ",", hidden = true, description = "warm start times measured by the launcher")
    List<Long> platformStartMillis = new ArrayList<>();

    BenchCommand(JobService jobs, Console console) {
        this.jobs = jobs;
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        if (!platformStartMillis.isEmpty()) {
            long[] sorted = platformStartMillis.stream().mapToLong(Long::longValue).sorted().toArray();
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("benchmark", "platform_start_to_all_bundles_active");
            line.put("warm_starts", sorted.length);
            line.put("median_ms", sorted[sorted.length / 2]);
            line.put("min_ms", sorted[0]);
            line.put("max_ms", sorted[sorted.length - 1]);
            line.put("runs_ms", platformStartMillis);
            print(line);
        }
        List<EpochReport> epochs = new ArrayList<>();
        DemoCommand demo = new DemoCommand(jobs, console);
        demo.output = Files.createTempDirectory("genomod-bench-");
        demo.sequences = 2000;
        demo.length = 100;
        demo.seed = 7;
        long start = System.nanoTime();
        JobResult result = demo.run(demo.output, event -> {
            if (event.epoch() != null) {
                epochs.add(event.epoch());
            }
        });
        double wall = (System.nanoTime() - start) / 1e9;
        double[] rates = epochs.stream().skip(1).mapToDouble(EpochReport::samplesPerSecond).sorted().toArray();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("benchmark", "demo");
        line.put("wall_seconds", round(wall));
        line.put("epochs", epochs.size());
        line.put("train_samples_per_second_median", rates.length == 0 ? null : round(rates[rates.length / 2]));
        line.put("train_samples_per_second_per_epoch", epochs.stream().map(e -> round(e.samplesPerSecond())).toList());
        line.put("test_auroc", round(result.testMetrics().get("classification").scalars().get("auroc")));
        line.put("threads", System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"));
        line.put("cores", Runtime.getRuntime().availableProcessors());
        print(line);
        return 0;
    }

    private void print(Map<String, ?> line) throws Exception {
        console.out().println(JSON.writeValueAsString(line));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

}
