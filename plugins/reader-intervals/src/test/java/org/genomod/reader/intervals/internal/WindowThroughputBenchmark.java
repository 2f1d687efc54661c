package org.genomod.reader.intervals.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.genomod.api.data.Dataset;

/**
 * FASTA to one-hot windows, single-threaded, printed as JSON lines (a benchmark to run by hand, not a
 * test): {@code java -cp <test classpath> org.genomod.reader.intervals.internal.WindowThroughputBenchmark}.
 * Measures the reader (BED parsing, reference reads, checks) and the encoding separately and together,
 * on a synthetic FASTA of 64 Mbp (plain and bgzip) and on the real bases of the bgzip chr20 of
 * ../shared/data (1.1 Mbp), in CPU seconds of
 * the reading thread (best of several rounds), which is what "per core" means.
 */
public final class WindowThroughputBenchmark {
    private static final int WINDOW = 1000;

    private WindowThroughputBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("intervals-bench");
        try {
            Path plain = syntheticReference(dir, 64_000_000);
            Path plainBed = tiles(dir.resolve("plain.bed"), "chrS", 0, 64_000_000);
            run("synthetic-plain", plainBed, plain, 3);
            Path bgzip = dir.resolve("synthetic.fa.gz");
            try (var out = new htsjdk.samtools.util.BlockCompressedOutputStream(bgzip, 6,
                    new htsjdk.samtools.util.zip.DeflaterFactory())) {
                Files.copy(plain, out);
            }
            htsjdk.samtools.util.GZIIndex.buildIndex(bgzip).writeIndex(dir.resolve("synthetic.fa.gz.gzi"));
            Files.copy(dir.resolve("synthetic.fa.fai"), dir.resolve("synthetic.fa.gz.fai"));
            run("synthetic-bgzip", plainBed, bgzip, 3);
            // real bases of the test reference: chr20:9,995,001-11,095,000 (README)
            Path bgzipBed = tiles(dir.resolve("bgzip.bed"), "chr20", 9_995_000, 11_095_000);
            run("hg19-chr20-bgzip", bgzipBed, TestData.hg19Chr20(), 20);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(String name, Path bed, Path reference, int rounds) throws IOException {
        long readNanos = Long.MAX_VALUE;
        long encodeNanos = Long.MAX_VALUE;
        long bases = 0;
        float checksum = 0;
        for (int round = 0; round < rounds; round++) {
            long t0 = cpu();
            Dataset d = Reads.predict(bed, reference, List.of("p"), "window", WINDOW);
            long t1 = cpu();
            int batch = 256;
            float[] buffer = new float[batch * d.schema().featureSize()];
            for (int i = 0; i < d.size(); i++) {
                d.features(i, buffer, (i % batch) * d.schema().featureSize());
            }
            long t2 = cpu();
            checksum += buffer[buffer.length - 1];
            bases = (long) d.size() * WINDOW;
            readNanos = Math.min(readNanos, t1 - t0);
            encodeNanos = Math.min(encodeNanos, t2 - t1);
        }
        System.out.printf("{\"benchmark\":\"fasta-to-one-hot\",\"reference\":\"%s\",\"window\":%d,\"mbp\":%.1f,"
                        + "\"read_mbp_per_s\":%.0f,\"encode_mbp_per_s\":%.0f,\"total_mbp_per_s\":%.0f,\"threads\":1,\"checksum\":%.1f}%n",
                name, WINDOW, bases / 1e6, bases * 1e3 / readNanos, bases * 1e3 / encodeNanos,
                bases * 1e3 / (readNanos + encodeNanos), checksum);
    }

    /** CPU time of this thread: per-core throughput, unaffected by other processes sharing the machine. */
    private static long cpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** Non-overlapping windows over {@code [from, to)}, as BED intervals of the window length. */
    private static Path tiles(Path bed, String contig, int from, int to) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(bed)) {
            for (int s = from; s + WINDOW <= to; s += WINDOW) {
                out.write(contig + "\t" + s + "\t" + (s + WINDOW) + "\n");
            }
        }
        return bed;
    }

    private static Path syntheticReference(Path dir, int length) throws IOException {
        Random random = new Random(1);
        Path fasta = dir.resolve("synthetic.fa");
        byte[] line = new byte[61];
        line[60] = '\n';
        try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(fasta), 1 << 20)) {
            out.write(">chrS\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            for (int p = 0; p < length; p += 60) {
                for (int i = 0; i < 60; i++) {
                    line[i] = (byte) "ACGT".charAt(random.nextInt(4));
                }
                out.write(line);
            }
        }
        Files.writeString(dir.resolve("synthetic.fa.fai"), "chrS\t" + length + "\t6\t60\t61\n");
        return fasta;
    }
}
