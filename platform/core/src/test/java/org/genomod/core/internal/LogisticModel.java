package org.genomod.core.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.model.Batch;
import org.genomod.api.model.Model;
import org.genomod.api.model.ModelState;

/** A real (if tiny) model for testing the platform without a deep-learning runtime: logistic regression by SGD. */
public class LogisticModel implements Model {
    private final DatasetSchema schema;
    private final double rate;
    private double[] weights;
    private double bias;

    public LogisticModel(DatasetSchema schema, double rate) {
        this.schema = schema;
        this.rate = rate;
        this.weights = new double[schema.featureSize()];
    }

    private record State(double[] weights, double bias) implements ModelState {
    }

    @Override public DatasetSchema schema() { return schema; }

    private double probability(float[] x, int offset) {
        double z = bias;
        for (int j = 0; j < weights.length; j++) {
            z += weights[j] * x[offset + j];
        }
        return 1 / (1 + Math.exp(-z));
    }

    @Override
    public double fit(Batch batch) {
        double loss = loss(batch);
        double[] gradient = new double[weights.length];
        double gradientBias = 0;
        int n = weights.length;
        for (int i = 0; i < batch.size(); i++) {
            double error = probability(batch.features(), i * n) - batch.labels()[i];
            for (int j = 0; j < n; j++) {
                gradient[j] += error * batch.features()[i * n + j];
            }
            gradientBias += error;
        }
        for (int j = 0; j < n; j++) {
            weights[j] -= rate * gradient[j] / batch.size();
        }
        bias -= rate * gradientBias / batch.size();
        return loss;
    }

    @Override
    public float[] predict(Batch batch) {
        float[] out = new float[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            out[i] = (float) probability(batch.features(), i * weights.length);
        }
        return out;
    }

    @Override
    public double loss(Batch batch) {
        double total = 0;
        for (int i = 0; i < batch.size(); i++) {
            double p = Math.min(1 - 1e-12, Math.max(1e-12, probability(batch.features(), i * weights.length)));
            total -= batch.labels()[i] > 0.5 ? Math.log(p) : Math.log(1 - p);
        }
        return total / batch.size();
    }

    @Override public ModelState snapshot() { return new State(weights.clone(), bias); }

    @Override
    public void restore(ModelState state) {
        State s = (State) state;
        weights = s.weights().clone();
        bias = s.bias();
    }

    @Override
    public void save(Path directory) throws IOException {
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(directory.resolve("weights.bin")))) {
            out.writeInt(weights.length);
            for (double w : weights) {
                out.writeDouble(w);
            }
            out.writeDouble(bias);
        }
    }

    public static LogisticModel load(Path directory, DatasetSchema schema) throws IOException {
        LogisticModel m = new LogisticModel(schema, 0.1);
        try (DataInputStream in = new DataInputStream(Files.newInputStream(directory.resolve("weights.bin")))) {
            int n = in.readInt();
            for (int j = 0; j < n; j++) {
                m.weights[j] = in.readDouble();
            }
            m.bias = in.readDouble();
        }
        return m;
    }

    @Override public long parameterCount() { return weights.length + 1L; }
    @Override public String summary() { return "logistic regression"; }
    @Override public void close() { }
}
