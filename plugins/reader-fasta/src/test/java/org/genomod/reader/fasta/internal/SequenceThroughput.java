package org.genomod.reader.fasta.internal;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.ReadContext;
import org.genomod.api.param.ParameterException;
import org.genomod.api.train.Cancellation;

/**
 * Measures, on one thread (so the numbers are per core), how fast sequences become features: the
 * one-hot encoding path alone, a whole FASTA file read and every example's features produced, the same
 * for 6-mer profiles, and an inspection. Synthetic, seeded data (200 bp records, 1 in 1,000 bases N)
 * so runs compare. Prints one JSON line per measurement: the repetition with the least CPU time of a
 * few after a warm-up. Throughput per core divides by the process's CPU time (GC and JIT threads
 * included), so a busy machine shows the work's own cost; the wall-clock time is printed beside it.
 *
 * <pre>
 * cd plugins/reader-fasta
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
 * java -Xmx2g -cp target/classes:target/test-classes:$(cat target/classpath.txt) \
 *     org.genomod.reader.fasta.internal.SequenceThroughput [megabases, default 20]
 * </pre>
 */
public final class SequenceThroughput {
    private static final int RECORD_LENGTH = 200;
    private static final int REPETITIONS = 5;

    private SequenceThroughput() {
    }

    public static void main(String[] args) throws IOException {
        run(args.length > 0 ? Integer.parseInt(args[0]) : 20, System.out);
    }

    /** Runs every measurement over about {@code megabases} Mbp and prints its JSON lines. */
    static void run(int megabases, PrintStream out) throws IOException {
        String[] records = records(megabases * 1_000_000 / RECORD_LENGTH, new SplittableRandom(42));
        long bases = (long) records.length * RECORD_LENGTH;

        // What a dataset does for each example a batch asks for: the record's bytes to features.
        byte[][] ascii = new byte[records.length][];
        for (int r = 0; r < records.length; r++) {
            ascii[r] = OneHotEncoder.ascii(records[r]);
        }
        SequenceLayout oneHot = new SequenceLayout(new OneHotEncoder(Alphabet.DNA), RECORD_LENGTH, false);
        float[] window = new float[oneHot.featureSize()];
        print(out, "onehot-encode", bases, best(() -> {
            for (byte[] record : ascii) {
                oneHot.encode(record, window, 0);
            }
        }));
        KmerProfile kmers = new KmerProfile(Alphabet.DNA, 6, KmerProfile.Values.FREQUENCY, 0, false);
        float[] profile = new float[kmers.featureSize()];
        print(out, "kmer6-encode", bases, best(() -> {
            for (byte[] record : ascii) {
                kmers.encode(record, profile, 0);
            }
        }));

        Path dir = Files.createTempDirectory("genomod-throughput");
        Path fasta = dir.resolve("records.fa");
        try {
            write(fasta, records);
            print(out, "fasta-read-onehot", bases, best(() -> read(fasta, "onehot")));
            print(out, "fasta-read-kmer6", bases, best(() -> read(fasta, "kmer")));
            SequenceFileInspector inspector = new SequenceFileInspector();
            print(out, "fasta-inspect", bases, best(() -> inspector.inspect(fasta, null, Cancellation.NEVER)));
        } finally {
            Files.deleteIfExists(fasta);
            Files.deleteIfExists(dir);
        }
    }

    private interface Work {
        void run() throws IOException;
    }

    /** CPU and wall-clock seconds of one run. */
    private record Timing(double cpu, double wall) {
    }

    /** The run with the least CPU time of {@link #REPETITIONS} after one warm-up. */
    private static Timing best(Work work) throws IOException {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        work.run();
        Timing best = new Timing(Double.MAX_VALUE, Double.MAX_VALUE);
        for (int i = 0; i < REPETITIONS; i++) {
            long cpu = os.getProcessCpuTime();
            long wall = System.nanoTime();
            work.run();
            Timing timing = new Timing((os.getProcessCpuTime() - cpu) / 1e9, (System.nanoTime() - wall) / 1e9);
            best = timing.cpu() < best.cpu() ? timing : best;
        }
        return best;
    }

    private static void read(Path fasta, String encoding) throws IOException {
        Map<String, Object> raw = new HashMap<>();
        raw.put("path", fasta.toString());
        raw.put("labels", "none");
        raw.put("encoding", encoding);
        if (encoding.equals("kmer")) {
            raw.put("k", 6);
        }
        FastaDataReader reader = new FastaDataReader();
        Dataset data;
        try {
            data = reader.read(reader.parameters().validate(raw, fasta.getParent()), ReadContext.forPrediction(List.of("x")));
        } catch (ParameterException e) {
            throw new IllegalStateException(e);
        }
        // Encoding happens on access, so a read is only complete once every example was asked for.
        float[] example = new float[data.schema().featureSize()];
        for (int i = 0; i < data.size(); i++) {
            data.features(i, example, 0);
        }
    }

    private static void print(PrintStream out, String bench, long bases, Timing timing) {
        out.printf(Locale.ROOT, "{\"bench\":\"%s\",\"threads\":1,\"megabases\":%.1f,\"cpu_seconds\":%.4f,"
                + "\"wall_seconds\":%.4f,\"mbp_per_s_per_core\":%.1f}%n",
                bench, bases / 1e6, timing.cpu(), timing.wall(), bases / 1e6 / Math.max(timing.cpu(), 1e-9));
    }

    private static String[] records(int count, SplittableRandom random) {
        String[] records = new String[count];
        char[] bases = new char[RECORD_LENGTH];
        for (int r = 0; r < count; r++) {
            for (int i = 0; i < RECORD_LENGTH; i++) {
                bases[i] = random.nextInt(1000) == 0 ? 'N' : "ACGT".charAt(random.nextInt(4));
            }
            records[r] = new String(bases);
        }
        return records;
    }

    private static void write(Path fasta, String[] records) throws IOException {
        try (Writer out = Files.newBufferedWriter(fasta, StandardCharsets.US_ASCII)) {
            for (int r = 0; r < records.length; r++) {
                out.write(">r" + r + "\n");
                out.write(records[r], 0, 100);
                out.write('\n');
                out.write(records[r], 100, 100);
                out.write('\n');
            }
        }
    }
}
