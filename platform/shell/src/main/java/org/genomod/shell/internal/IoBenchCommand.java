package org.genomod.shell.internal;

import static org.genomod.shell.internal.BenchLines.line;
import static org.genomod.shell.internal.BenchLines.round;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.genomod.api.data.DataReader;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.FileInspector;
import org.genomod.api.data.InspectionReport;
import org.genomod.api.data.ReadContext;
import org.genomod.api.train.Cancellation;
import org.osgi.framework.BundleContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Reader throughput through the installed reader services, each beside the command-line tool that does
 * the same work (samtools, bcftools) when it is on the PATH, timed in the same run. One JSON line per
 * measurement. Every figure is the best of {@code --rounds} rounds (the first rounds warm the JIT up);
 * a peer's figure is its best wall time minus its best start-up time ({@code TOOL --version}), so small
 * inputs do not penalise the peer for process creation.
 */
@Command(name = "io", description = {
        "Reader throughput: FASTA -> one-hot windows (Mbp/s per core), BAM -> pileup tensors (sites/s),",
        "VCF records/s; with samtools/bcftools on the PATH, the same work by them and the ratio. JSON lines."})
final class IoBenchCommand implements Callable<Integer> {
    static final String NA12878 = "deepvariant-na12878-chr20/";
    static final String BAM = NA12878 + "NA12878_S1.chr20.10_10p1mb.first_half.bam";
    static final String REFERENCE = NA12878 + "ucsc.hg19.chr20.unittest.fasta.gz";
    static final String VCF = "bioc-variantannotation-vcfs/chr22.vcf.gz";
    /** The BAM's reads cover chr20:9,999,912-10,049,245; the reference has real bases there. */
    static final String PILEUP_REGION = "chr20:9999000-10050000";
    private static final int WINDOW = 1000;
    private static final ReadContext UNLABELLED = new ReadContext(false, List.of(), Cancellation.NEVER);

    private final BundleContext context;
    private final Console console;
    private Services services;

    @Option(names = "--data", paramLabel = "DIR",
            description = "the shared data folder (default: $GENOMOD_DATA, else ../shared/data from the working directory)")
    Path data;

    @Option(names = "--fasta-mbp", defaultValue = "32", description = "size of the generated FASTA in Mbp (default: ${DEFAULT-VALUE})")
    int fastaMbp;

    @Option(names = "--rounds", defaultValue = "5", description = "rounds per measurement, best one reported (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--no-peers", description = "do not run samtools/bcftools")
    boolean noPeers;

    IoBenchCommand(BundleContext context, Console console) {
        this.context = context;
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        if (rounds < 1 || fastaMbp < 1) {
            throw new IllegalArgumentException("--rounds and --fasta-mbp must be at least 1");
        }
        Path dataDir = (data != null ? data : Path.of(Optional.ofNullable(System.getenv("GENOMOD_DATA")).orElse("../shared/data")))
                .toAbsolutePath().normalize();
        Path work = Files.createTempDirectory("genomod-bench-io-");
        int skipped = 0;
        try (Services installed = new Services(context,
                "the io benchmark needs the reader-intervals, reader-alignments and reader-vcf plugins")) {
            services = installed;
            fastaToOneHot(work);
            skipped += pileups(dataDir) ? 0 : 1;
            skipped += vcfRecords(dataDir) ? 0 : 1;
        } finally {
            deleteTree(work);
        }
        return skipped == 0 ? 0 : 1;
    }

    /** Tiles a generated reference with 1 kb windows and encodes every window one-hot. */
    private void fastaToOneHot(Path work) throws Exception {
        long bases = (long) fastaMbp * 1_000_000;
        Path fasta = generatedReference(work, bases);
        Path bed = work.resolve("tiles.bed");
        Path regions = work.resolve("tiles.regions");
        try (BufferedWriter b = Files.newBufferedWriter(bed); BufferedWriter r = Files.newBufferedWriter(regions)) {
            for (long s = 0; s + WINDOW <= bases; s += WINDOW) {
                b.write("chrB\t" + s + "\t" + (s + WINDOW) + "\n");
                r.write("chrB:" + (s + 1) + "-" + (s + WINDOW) + "\n");
            }
        }
        DataReader reader = services.get(DataReader.class, DataReader.SERVICE_PROPERTY, "intervals");
        Map<String, Object> raw = Map.of(DataReader.PATH, bed.toString(), "reference", fasta.toString(), "window", WINDOW);
        Best best = new Best();
        long windows = 0;
        for (int round = 0; round < rounds; round++) {
            long wall = System.nanoTime();
            long cpu = cpu();
            Dataset d = reader.read(reader.parameters().validate(raw, work), ReadContext.forPrediction(List.of("bound")));
            float[] buffer = new float[256 * d.schema().featureSize()];
            for (int i = 0; i < d.size(); i++) {
                d.features(i, buffer, (i % 256) * d.schema().featureSize());
            }
            best.add(System.nanoTime() - wall, cpu() - cpu);
            windows = d.size();
        }
        Map<String, Object> line = line("fasta_to_one_hot", "intervals reader: BED tiles over a generated " + fastaMbp
                + " Mbp plain indexed FASTA, " + WINDOW + " bp windows, one-hot [" + WINDOW + ", 4] floats");
        double mbp = windows * WINDOW / 1e6;
        line.put("windows", windows);
        line.put("mbp", mbp);
        line.put("seconds", round(best.wall));
        line.put("mbp_per_s", round(mbp / best.wall));
        line.put("mbp_per_s_per_core", round(mbp / best.cpu));
        line.put("threads", 1);
        line.put("goal_mbp_per_s_per_core", 200);
        peer(line, mbp, "mbp_per_s", "samtools", List.of("samtools", "faidx", "-r", regions.toString(), fasta.toString()),
                "samtools faidx -r REGIONS FASTA (the same windows as FASTA text, no encoding)", best.wall);
        print(line);
    }

    private boolean pileups(Path dataDir) throws Exception {
        Path bam = dataDir.resolve(BAM);
        Path reference = dataDir.resolve(REFERENCE);
        if (missing("bam_to_pileup", bam, reference)) {
            return false;
        }
        DataReader reader = services.get(DataReader.class, DataReader.SERVICE_PROPERTY, "alignments");
        Map<String, Object> raw = Map.of(DataReader.PATH, bam.toString(), "reference", reference.toString(), "region", PILEUP_REGION);
        Best best = new Best();
        int tensors = 0;
        for (int round = 0; round < rounds; round++) {
            long wall = System.nanoTime();
            long cpu = cpu();
            Dataset d = reader.read(reader.parameters().validate(raw, dataDir), UNLABELLED);
            best.add(System.nanoTime() - wall, cpu() - cpu);
            tensors = d.size();
        }
        long sites = regionLength(PILEUP_REGION);
        Map<String, Object> line = line("bam_to_pileup", "alignments reader (default filters: MAPQ >= 10, base quality >= 10, "
                + "no duplicates/secondary/supplementary/QC-fail): every position of " + PILEUP_REGION + " tallied, "
                + "candidate sites made into pileup tensors; " + bam.getFileName());
        line.put("sites", sites);
        line.put("candidate_tensors", tensors);
        line.put("seconds", round(best.wall));
        line.put("sites_per_s", round(sites / best.wall));
        line.put("sites_per_s_per_core", round(sites / best.cpu));
        line.put("threads", 1);
        peer(line, sites, "sites_per_s", "samtools", List.of("samtools", "mpileup", "-B", "-x", "-A", "-q", "10", "-Q", "10",
                        "--ff", "UNMAP,SECONDARY,QCFAIL,DUP,SUPPLEMENTARY", "-f", reference.toString(), "-r", PILEUP_REGION, bam.toString()),
                "samtools mpileup -B -x -A -q 10 -Q 10 with the same read filters, text pileup of the same region", best.wall);
        print(line);
        return true;
    }

    private boolean vcfRecords(Path dataDir) throws Exception {
        Path vcf = dataDir.resolve(VCF);
        if (missing("vcf_records", vcf)) {
            return false;
        }
        FileInspector inspector = services.get(FileInspector.class, FileInspector.SERVICE_PROPERTY, "vcf");
        DataReader reader = services.get(DataReader.class, DataReader.SERVICE_PROPERTY, "vcf");
        Map<String, Object> raw = Map.of(DataReader.PATH, vcf.toString(), "mode", "genotypes");
        // a pass takes tens of milliseconds: several passes per round keep timer and GC noise small
        int passes = 10;
        Best inspect = new Best();
        Best genotypes = new Best();
        long records = 0;
        int samples = 0;
        for (int round = 0; round < rounds; round++) {
            long wall = System.nanoTime();
            long cpu = cpu();
            for (int pass = 0; pass < passes; pass++) {
                InspectionReport report = inspector.inspect(vcf, null, Cancellation.NEVER);
                records = report.records();
            }
            inspect.add(System.nanoTime() - wall, cpu() - cpu);
            wall = System.nanoTime();
            cpu = cpu();
            for (int pass = 0; pass < passes; pass++) {
                Dataset d = reader.read(reader.parameters().validate(raw, dataDir), ReadContext.forPrediction(List.of("case")));
                samples = d.size();
            }
            genotypes.add(System.nanoTime() - wall, cpu() - cpu);
        }
        double total = (double) records * passes;
        Map<String, Object> line = line("vcf_records", "vcf inspector (every record parsed and checked, genotypes decoded) and the "
                + "vcf reader's genotype matrix (samples x variants, additive coding), " + vcf.getFileName() + " read "
                + passes + " times per round");
        line.put("records", records);
        line.put("samples", samples);
        line.put("seconds", round(inspect.wall));
        line.put("records_per_s", round(total / inspect.wall));
        line.put("records_per_s_per_core", round(total / inspect.cpu));
        line.put("genotype_matrix_records_per_s", round(total / genotypes.wall));
        line.put("threads", 1);
        peer(line, total, "records_per_s", "bcftools", passesOf(List.of("bcftools", "view", "-Ou", "-o", "/dev/null"), vcf, passes),
                "bcftools view -Ou -o /dev/null (parse every record and genotype, write uncompressed BCF to /dev/null)",
                inspect.wall);
        print(line);
        return true;
    }

    /** {@code passes} runs of the tool, chained in one shell so that the peer, too, reads the file repeatedly. */
    private static List<String> passesOf(List<String> tool, Path file, int passes) {
        String one = String.join(" ", tool) + " '" + file.toString().replace("'", "'\\''") + "'";
        return List.of("sh", "-c", String.join(" && ", Collections.nCopies(passes, one)));
    }

    /**
     * Runs the peer {@code rounds} times, subtracts its start-up time (best {@code TOOL --version}, once per
     * process the command starts) and adds its figures and the ratio of our rate to its rate.
     */
    private void peer(Map<String, Object> line, double work, String unit, String tool, List<String> command, String what,
                      double ourSeconds) throws InterruptedException {
        if (noPeers) {
            return;
        }
        Map<String, Object> peer = new LinkedHashMap<>();
        peer.put("command", what);
        try {
            double startup = Double.MAX_VALUE;
            for (int round = 0; round < Math.max(3, rounds); round++) {
                startup = Math.min(startup, runSeconds(List.of(tool, "--version")));
            }
            int processes = command.get(0).equals("sh") ? command.get(2).split(" && ").length : 1;
            double best = Double.MAX_VALUE;
            for (int round = 0; round < rounds; round++) {
                best = Math.min(best, runSeconds(command));
            }
            double seconds = Math.max(1e-6, best - startup * processes);
            peer.put("seconds", round(seconds));
            peer.put("startup_seconds_subtracted", round(startup * processes));
            peer.put(unit, round(work / seconds));
            line.put("peer", peer);
            line.put("ratio_to_peer", round(seconds / ourSeconds));
            line.put("goal_ratio_to_peer", 0.5);
        } catch (IOException e) {
            peer.put("skipped", tool + " is not available: " + e.getMessage());
            line.put("peer", peer);
        }
    }

    private static double runSeconds(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectErrorStream(false);
        long start = System.nanoTime();
        Process process = builder.start();
        byte[] err = process.getErrorStream().readAllBytes();
        int code = process.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (code != 0) {
            String message = new String(err, StandardCharsets.UTF_8).strip();
            throw new IOException(String.join(" ", command) + " exited with " + code
                    + (message.isEmpty() ? "" : ": " + message.lines().findFirst().orElse("")));
        }
        return seconds;
    }

    private boolean missing(String benchmark, Path... files) throws IOException {
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                Map<String, Object> line = line(benchmark, null);
                line.put("skipped", "missing " + file + " (pass --data DIR or set GENOMOD_DATA to the shared data folder)");
                print(line);
                return true;
            }
        }
        return false;
    }

    /** A random-base reference with a samtools-compatible .fai, 60 bases per line. */
    private static Path generatedReference(Path dir, long bases) throws IOException {
        Path fasta = dir.resolve("generated.fa");
        byte[] acgt = "ACGT".getBytes(StandardCharsets.US_ASCII);
        SplittableRandom random = new SplittableRandom(1);
        byte[] row = new byte[61];
        row[60] = '\n';
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(fasta), 1 << 20)) {
            out.write(">chrB\n".getBytes(StandardCharsets.US_ASCII));
            for (long p = 0; p < bases; p += 60) {
                int n = (int) Math.min(60, bases - p);
                for (int i = 0; i < n; i++) {
                    row[i] = acgt[random.nextInt(4)];
                }
                row[n] = '\n';
                out.write(row, 0, n + 1);
            }
        }
        Files.writeString(dir.resolve("generated.fa.fai"), "chrB\t" + bases + "\t6\t60\t61\n");
        return fasta;
    }

    static long regionLength(String region) {
        String[] range = region.substring(region.indexOf(':') + 1).split("-");
        return Long.parseLong(range[1]) - Long.parseLong(range[0]) + 1;
    }

    private static long cpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.getCurrentThreadCpuTime();
    }

    private void print(Map<String, Object> line) throws IOException {
        BenchLines.print(console, line);
    }

    /** Deletes a scratch folder the benchmarks made, with everything in it. */
    static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Collections.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Best wall and CPU seconds over rounds (each the minimum; they may come from different rounds). */
    private static final class Best {
        double wall = Double.MAX_VALUE;
        double cpu = Double.MAX_VALUE;

        void add(long wallNanos, long cpuNanos) {
            wall = Math.min(wall, wallNanos / 1e9);
            cpu = Math.min(cpu, Math.max(1, cpuNanos) / 1e9);
        }
    }
}
