package org.genomod.shell.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.model.Batch;
import org.genomod.api.model.Model;
import org.genomod.api.model.ModelFamily;
import org.genomod.api.model.ModelRequest;
import org.genomod.api.param.ParameterException;
import org.genomod.api.param.Parameters;
import org.genomod.api.train.EarlyStopping;
import org.genomod.api.train.TrainingOptions;

/**
 * Training and inference throughput of a {@link BenchNetwork} built by a model family, measured as the
 * PyTorch reference measures it: random one-hot inputs and random labels, training steps (forward,
 * backward, Adam update) on a batch of {@value #TRAIN_BATCH}, inference on a batch of {@value #INFER_BATCH},
 * each timed for a fixed wall time after a warm-up of twice that time. Batches go through
 * {@link Model#fit} and {@link Model#predict}, as a job feeds them, so copying them into the network counts.
 */
final class ModelThroughput {
    static final int TRAIN_BATCH = 64;
    static final int INFER_BATCH = 256;
    static final TrainingOptions ADAM = new TrainingOptions(1, TRAIN_BATCH, "adam", 1e-3, 0, false, EarlyStopping.none());
    /** The reference warms up with three training steps and two inference batches. */
    private static final int WARM_UP_STEPS = 3;
    private static final int WARM_UP_BATCHES = 2;
    /**
     * Deeplearning4j runs much Java around each native op, and the JIT compiler takes a while with it: on a
     * loaded 2-core machine, deepbind's training rate was still climbing after 10 s. Warming up for twice the
     * measured time keeps the figure from depending on how busy the compiler's threads were.
     */
    private static final double WARM_UP_FACTOR = 2;

    /** Samples per second; {@code parameters} as the family's model counts them. */
    record Figures(long parameters, double trainPerSecond, double inferPerSecond) {
    }

    private ModelThroughput() {
    }

    static Figures measure(ModelFamily family, BenchNetwork network, double seconds, long seed) throws ParameterException {
        DatasetSchema schema = network.schema();
        Parameters hyperParameters = family.hyperParameters().validate(network.hyperParameters(), Path.of(""));
        List<String> problems = family.check(schema, hyperParameters);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the installed cnn family cannot build " + network.key() + ": " + String.join("; ", problems));
        }
        SplittableRandom random = new SplittableRandom(seed);
        Batch train = randomBatch(schema, TRAIN_BATCH, random);
        Batch infer = randomBatch(schema, INFER_BATCH, random);
        try (Model model = family.create(new ModelRequest(schema, hyperParameters, ADAM, null, seed))) {
            double warmUp = WARM_UP_FACTOR * seconds;
            timed(() -> model.fit(train), WARM_UP_STEPS, warmUp);
            double trainRate = TRAIN_BATCH / timed(() -> model.fit(train), 1, seconds);
            timed(() -> model.predict(infer), WARM_UP_BATCHES, warmUp);
            double inferRate = INFER_BATCH / timed(() -> model.predict(infer), 1, seconds);
            return new Figures(model.parameterCount(), trainRate, inferRate);
        }
    }

    /** Runs {@code step} at least {@code steps} times and until {@code seconds} have passed; returns seconds per step. */
    private static double timed(Runnable step, int steps, double seconds) {
        long start = System.nanoTime();
        long limit = (long) (seconds * 1e9);
        int done = 0;
        while (done < steps || System.nanoTime() - start < limit) {
            step.run();
            done++;
        }
        return (System.nanoTime() - start) / 1e9 / done;
    }

    /** One-hot sequences ({@code [length, 4]}, row-major) with random 0/1 labels. */
    static Batch randomBatch(DatasetSchema schema, int size, SplittableRandom random) {
        int length = schema.featureShape().get(0);
        int channels = schema.featureShape().get(1);
        float[] features = new float[size * schema.featureSize()];
        for (int position = 0; position < size * length; position++) {
            features[position * channels + random.nextInt(channels)] = 1;
        }
        float[] labels = new float[size * schema.labelSize()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = random.nextBoolean() ? 1 : 0;
        }
        return new Batch(size, features, labels);
    }
}
