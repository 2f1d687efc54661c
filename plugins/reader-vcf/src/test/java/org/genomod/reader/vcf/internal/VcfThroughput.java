package org.genomod.reader.vcf.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import org.genomod.api.data.Dataset;

/**
 * Records per second of the inspector and the genotype matrix on chr22.vcf.gz (10,376 records x 5
 * samples), beside {@code bcftools view -Ou -o /dev/null} in the same run, measured as
 * {@code genomod bench io} does: each figure the best of several rounds of 10 passes, the JIT warm,
 * bcftools' start-up time (its {@code --version}) taken off per process. Wall-clock rates, and rates
 * per core of CPU time (the reading thread's; bcftools' user + system time), which a machine shared
 * with other jobs disturbs less. A main, not a test: run it from the module directory with
 * <pre>
 * mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.genomod.reader.vcf.internal.VcfThroughput [rounds]
 * </pre>
 */
public final class VcfThroughput {
    private static final int PASSES = 10;

    private VcfThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path vcf = TestData.file(TestData.BIOC + "chr22.vcf.gz");
        long records = Reads.inspect(vcf, null).records();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Best inspect = new Best();
        Best genotypes = new Best();
        Best bcftools = new Best();
        Best bcftoolsStart = new Best();
        boolean peer = onPath("bcftools");
        for (int round = 0; round < rounds + 1; round++) { // round 0 warms the JIT and is not counted
            long t0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            for (int pass = 0; pass < PASSES; pass++) {
                if (Reads.inspect(vcf, null).records() != records) {
                    throw new AssertionError("record count changed");
                }
            }
            long t1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            for (int pass = 0; pass < PASSES; pass++) {
                Dataset d = Reads.score(vcf, "mode", "genotypes");
                if (d.size() != 5) {
                    throw new AssertionError("expected 5 samples");
                }
            }
            long t2 = System.nanoTime();
            long c2 = threads.getCurrentThreadCpuTime();
            if (round > 0) {
                inspect.add(t1 - t0, c1 - c0);
                genotypes.add(t2 - t1, c2 - c1);
                if (peer) {
                    bcftools.add(run("bcftools view -Ou -o /dev/null " + vcf));
                    bcftoolsStart.add(run("bcftools --version"));
                }
            }
        }
        StringBuilder line = new StringBuilder(String.format("{\"file\":\"%s\",\"records\":%d,\"passes\":%d,\"rounds\":%d,"
                + "\"inspect_records_per_s\":%.0f,\"genotypes_records_per_s\":%.0f,"
                + "\"inspect_records_per_s_per_core\":%.0f,\"genotypes_records_per_s_per_core\":%.0f", vcf.getFileName(), records,
                PASSES, rounds, rate(records, inspect.wall), rate(records, genotypes.wall), rate(records, inspect.cpu),
                rate(records, genotypes.cpu)));
        if (peer) {
            double wall = rate(records, Math.max(1, bcftools.wall - bcftoolsStart.wall));
            double cpu = rate(records, Math.max(1, bcftools.cpu - bcftoolsStart.cpu));
            line.append(String.format(",\"bcftools_view_records_per_s\":%.0f,\"bcftools_view_records_per_s_per_core\":%.0f,"
                    + "\"inspect_ratio_to_bcftools\":%.2f,\"genotypes_ratio_to_bcftools\":%.2f,"
                    + "\"inspect_ratio_to_bcftools_per_core\":%.2f,\"genotypes_ratio_to_bcftools_per_core\":%.2f", wall, cpu,
                    rate(records, inspect.wall) / wall, rate(records, genotypes.wall) / wall, rate(records, inspect.cpu) / cpu,
                    rate(records, genotypes.cpu) / cpu));
        }
        System.out.println(line.append('}'));
    }

    /** The best wall and CPU times seen, each on its own. */
    private static final class Best {
        long wall = Long.MAX_VALUE;
        long cpu = Long.MAX_VALUE;

        void add(long wallNanos, long cpuNanos) {
            wall = Math.min(wall, wallNanos);
            cpu = Math.min(cpu, cpuNanos);
        }

        void add(long[] wallAndCpu) {
            add(wallAndCpu[0], wallAndCpu[1]);
        }
    }

    private static double rate(long records, long nanosFor10Passes) {
        return records * PASSES / (nanosFor10Passes / 1e9);
    }

    /**
     * Wall and CPU time (user + system of the children, from bash's {@code times}) of {@link #PASSES}
     * sequential runs of {@code command}.
     */
    private static long[] run(String command) throws IOException, InterruptedException {
        String script = "for i in $(seq " + PASSES + "); do " + command + " > /dev/null 2>&1 || exit 1; done; times";
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
        List<String> out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).lines().toList();
        if (p.waitFor() != 0 || out.size() < 2) {
            throw new IOException(command + " failed");
        }
        long wall = System.nanoTime() - t0;
        String[] children = out.get(out.size() - 1).trim().split("\\s+"); // e.g. 0m0.324s 0m0.036s
        return new long[] {wall, seconds(children[0]) + seconds(children[1])};
    }

    /** Nanoseconds of bash's {@code 1m2.345s}. */
    private static long seconds(String minutesAndSeconds) {
        int m = minutesAndSeconds.indexOf('m');
        double s = Integer.parseInt(minutesAndSeconds.substring(0, m)) * 60
                + Double.parseDouble(minutesAndSeconds.substring(m + 1, minutesAndSeconds.length() - 1));
        return Math.round(s * 1e9);
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (java.nio.file.Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
