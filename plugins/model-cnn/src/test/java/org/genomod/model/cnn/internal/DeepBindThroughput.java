package org.genomod.model.cnn.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;
import org.genomod.api.model.Batch;
import org.genomod.api.model.Model;
import org.genomod.api.model.ModelRequest;
import org.genomod.api.train.EarlyStopping;
import org.genomod.api.train.TrainingOptions;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Training and inference throughput of the deepbind preset, measured like the PyTorch reference peer
 * ({@code shared/bench/torch_reference_cnn.py}): random one-hot 101 × 4 input, batch 64 (inference 256),
 * Adam 1e-3, 5 s after warm-up. Not a test; run it beside the peer on the same machine:
 * <pre>
 * mvn -q test-compile exec:java -Dexec.mainClass=org.genomod.model.cnn.internal.DeepBindThroughput -Dexec.classpathScope=test
 * </pre>
 * ND4J's thread count comes from {@code OMP_NUM_THREADS} (with 1, the work runs on the calling thread, so {@code -Dcpu=true}
 * measures it in CPU time).
 */
public final class DeepBindThroughput {
    private static final int LENGTH = 101;
    private static final double SECONDS = 5;

    public static void main(String[] args) throws Exception {
        DatasetSchema schema = new DatasetSchema(List.of(LENGTH, 4), "dna-one-hot", TaskType.BINARY, List.of("bound"), null);
        CnnModelFamily family = new CnnModelFamily();
        ModelRequest request = new ModelRequest(schema,
                family.hyperParameters().validate(Map.of("preset", "deepbind"), Path.of(".")),
                new TrainingOptions(1, 64, "adam", 1e-3, 0, false, EarlyStopping.none()), null, 0);
        Batch train = randomBatch(64, new Random(0));
        Batch infer = randomBatch(256, new Random(1));
        try (Model model = family.create(request)) {
            for (int i = 0; i < 50; i++) {
                model.fit(train);
            }
            double trainRate = rate(() -> model.fit(train), 64);
            for (int i = 0; i < 20; i++) {
                model.predict(infer);
            }
            double inferRate = rate(() -> model.predict(infer), 256);
            System.out.printf("{\"model\": \"deepbind\", \"params\": %d, \"omp_threads\": %s, "
                            + "\"train_samples_per_s\": %.1f, \"infer_samples_per_s\": %.1f}%n",
                    model.parameterCount(), Nd4j.getEnvironment().maxMasterThreads(), trainRate, inferRate);
        }
    }

    /** Samples per second of wall time; with -Dcpu=true per second of this thread's CPU time (steadier on a busy machine). */
    private static double rate(Runnable step, int batchSize) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpu = Boolean.getBoolean("cpu");
        long start = System.nanoTime();
        long startCpu = threads.getCurrentThreadCpuTime();
        long steps = 0;
        while (System.nanoTime() - start < SECONDS * 1e9) {
            step.run();
            steps++;
        }
        long elapsed = cpu ? threads.getCurrentThreadCpuTime() - startCpu : System.nanoTime() - start;
        return steps * batchSize / (elapsed / 1e9);
    }

    private static Batch randomBatch(int size, Random random) {
        float[] features = new float[size * LENGTH * 4];
        float[] labels = new float[size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < LENGTH; j++) {
                features[(i * LENGTH + j) * 4 + random.nextInt(4)] = 1;
            }
            labels[i] = random.nextBoolean() ? 1 : 0;
        }
        return new Batch(size, features, labels);
    }
}
