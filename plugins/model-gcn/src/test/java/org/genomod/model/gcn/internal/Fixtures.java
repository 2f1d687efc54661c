package org.genomod.model.gcn.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.genomod.api.data.ArrayDataset;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.Network;
import org.genomod.api.data.TaskType;
import org.genomod.api.eval.Predictions;
import org.genomod.api.model.Batch;
import org.genomod.api.model.Model;
import org.genomod.api.model.ModelRequest;
import org.genomod.api.param.ParameterException;
import org.genomod.api.param.Parameters;
import org.genomod.api.train.EarlyStopping;
import org.genomod.api.train.TrainingListener;
import org.genomod.api.train.TrainingOptions;
import org.genomod.api.train.TrainingResult;
import org.genomod.api.train.ValidationScorer;
import org.genomod.core.internal.compute.CpuAccelerator;
import org.genomod.core.internal.train.Batches;
import org.genomod.core.internal.train.DefaultTrainer;

/** What the tests share: the family on the platform's CPU accelerator, datasets on test networks, training and scoring. */
final class Fixtures {
    static final ValidationScorer ACCURACY = p -> Map.of("accuracy", accuracy(p));

    private Fixtures() {
    }

    static GcnModelFamily family() {
        return new GcnModelFamily(new CpuAccelerator());
    }

    static Parameters parameters(Map<String, ?> raw) {
        try {
            return GcnHyperParameters.SCHEMA.validate(raw, Path.of("."));
        } catch (ParameterException e) {
            throw new AssertionError(e);
        }
    }

    static TrainingOptions adam(double learningRate, int epochs, int batchSize, int patience) {
        return new TrainingOptions(epochs, batchSize, "adam", learningRate, 0, false,
                new EarlyStopping("accuracy", patience, 0, true));
    }

    static Model create(DatasetSchema schema, Map<String, ?> raw, TrainingOptions options, float[] classWeights, long seed) {
        return family().create(new ModelRequest(schema, parameters(raw), options, classWeights, seed));
    }

    static List<String> classes(int count) {
        List<String> classes = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            classes.add("c" + c);
        }
        return classes;
    }

    static DatasetSchema nodeSchema(int features, int classes) {
        return new DatasetSchema(List.of(features), "node-test", TaskType.MULTICLASS, classes(classes), Map.of());
    }

    /** The given nodes as multi-class examples, features read from the network as reader-network does. */
    static ArrayDataset nodes(Network network, DatasetSchema schema, int[] labels, int[] nodes) {
        ArrayDataset.Builder data = ArrayDataset.builder(schema, true).network(network);
        for (int node : nodes) {
            float[] features = new float[network.featureSize()];
            network.features(node, features, 0);
            data.add(network.nodes().get(node), null, features, oneHot(labels[node], schema.labelSize()));
        }
        return data.build();
    }

    static float[] oneHot(int c, int classes) {
        float[] y = new float[classes];
        y[c] = 1;
        return y;
    }

    /** Trains with the platform's own trainer, early stopping on validation accuracy. */
    static TrainingResult train(Model model, Dataset train, Dataset validation, TrainingOptions options, long seed) {
        return new DefaultTrainer().train(model, train, validation, options, seed, ACCURACY, TrainingListener.NONE,
                org.genomod.api.train.Cancellation.NEVER);
    }

    static double accuracy(Model model, Dataset data) {
        return accuracy(Batches.predictAll(model, data, 64));
    }

    /** Multi-class: the top class is the true one; binary: the probability is on the right side of 0.5. */
    static double accuracy(Predictions p) {
        int correct = 0;
        int k = p.schema().labelSize();
        for (int e = 0; e < p.size(); e++) {
            if (k == 1) {
                correct += (p.score(e, 0) >= 0.5f) == (p.label(e, 0) == 1f) ? 1 : 0;
                continue;
            }
            int best = 0;
            int truth = 0;
            for (int j = 1; j < k; j++) {
                best = p.score(e, j) > p.score(e, best) ? j : best;
                truth = p.label(e, j) > p.label(e, truth) ? j : truth;
            }
            correct += best == truth ? 1 : 0;
        }
        return (double) correct / p.size();
    }

    /** All examples of {@code data} as one batch, as the platform assembles it. */
    static Batch batch(Dataset data) {
        return new Batches(data, data.size()).batch(null, 0, data.size());
    }
}
