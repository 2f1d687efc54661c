package org.genomod.core.internal.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.genomod.api.data.DataReader;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.ReadContext;
import org.genomod.api.eval.Predictions;
import org.genomod.api.job.PredictionService;
import org.genomod.api.job.SpecException;
import org.genomod.api.model.GenerativeModel;
import org.genomod.api.param.ParameterException;
import org.genomod.api.param.Parameters;
import org.genomod.api.store.LoadedModel;
import org.genomod.api.store.ModelCard;
import org.genomod.api.store.ModelStore;
import org.genomod.core.internal.registry.Lease;
import org.genomod.core.internal.registry.PluginKinds;
import org.genomod.core.internal.registry.PluginRegistry;
import org.genomod.core.internal.spec.DataInputs;
import org.genomod.core.internal.train.Batches;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Applies a saved model to a new file, encoding it with the reader and settings the model was trained with. */
@Component(service = PredictionService.class)
public final class DefaultPredictionService implements PredictionService {
    private static final int BATCH = 256;
    /** Schema attribute a reader sets to a digest of its feature names in order (expression, genotype readers). */
    static final String FEATURE_DIGEST = "feature_digest";
    private final PluginRegistry registry;
    private final ModelStore store;

    @Activate
    public DefaultPredictionService(BundleContext context, @Reference ModelStore store) {
        this.registry = new PluginRegistry(context);
        this.store = store;
    }

    @Override
    public Summary predict(Path modelDirectory, Path input, Path output) throws IOException, SpecException {
        if (!Files.isRegularFile(input)) {
            throw new IOException(input + ": no such input file");
        }
        ModelCard card = store.readCard(modelDirectory);
        List<String> problems = new ArrayList<>();
        List<DataInputs.Input> inputs = DataInputs.parse(card.reader(), problems);
        if (!problems.isEmpty()) {
            throw new SpecException(modelDirectory.toString(), problems);
        }
        List<Lease<DataReader>> readers = new ArrayList<>();
        try {
            for (DataInputs.Input i : inputs) {
                readers.add(lease(i.reader().name(), modelDirectory));
            }
            return predict(modelDirectory, card, inputs, readers, input, output);
        } finally {
            readers.forEach(Lease::close);
        }
    }

    private Summary predict(Path modelDirectory, ModelCard card, List<DataInputs.Input> inputs, List<Lease<DataReader>> readers,
                            Path input, Path output) throws IOException, SpecException {
        try (LoadedModel loaded = store.load(modelDirectory)) {
            List<JoinedDataset.Reading> readings = new ArrayList<>();
            for (int k = 0; k < inputs.size(); k++) {
                DataInputs.Input i = inputs.get(k);
                Lease<DataReader> reader = readers.get(k);
                // the primary input is the new file; further inputs are read from where the card says, as in training
                boolean primary = k == 0;
                Map<String, Object> raw = primary
                        ? reader.service().predictionParameters(i.reader().parameters(), input.toAbsolutePath())
                        : i.reader().parameters();
                readings.add(new JoinedDataset.Reading(i.name(), i.reader().name(), reader.service(),
                        validate(reader, raw, primary ? input.toAbsolutePath().getParent() : modelDirectory, modelDirectory)));
            }
            Dataset data = JoinedDataset.read(readings, ReadContext.forPrediction(card.schema().outputs()));
            Preprocessing preprocessing = Preprocessing.fromCard(card.preprocessing());
            Dataset selected;
            try {
                selected = preprocessing.select(data);
            } catch (IllegalArgumentException e) { // the selection was fitted on other features than these
                throw new IOException(input + ": " + e.getMessage(), e);
            }
            // a card's schema is the selected one its model takes; its feature digests are those of the source
            checkFits(card.schema(), selected.schema(), input);
            Dataset prepared = preprocessing.standardize(selected);
            Predictions predictions = Batches.predictAll(loaded.model(), unlabelled(prepared), BATCH);
            Files.createDirectories(output.toAbsolutePath().getParent());
            ResultWriter.writePredictions(output, predictions);
            return new Summary(predictions.size(), card.schema().outputs(), output);
        }
    }

    private Lease<DataReader> lease(String readerName, Path modelDirectory) throws SpecException {
        var found = registry.find(PluginKinds.READER, readerName, null).orElseThrow(() -> new SpecException(
                modelDirectory.toString(), List.of("the model was trained with reader '" + readerName
                        + "', which is not installed (available: " + registry.available(PluginKinds.READER) + ")")));
        return registry.lease(PluginKinds.READER, found, readerName);
    }

    private static Parameters validate(Lease<DataReader> reader, Map<String, Object> raw, Path base, Path modelDirectory)
            throws SpecException {
        try {
            return reader.service().parameters().validate(raw, base);
        } catch (ParameterException e) {
            throw new SpecException(modelDirectory.toString(), List.of("the model's reader settings do not fit reader "
                    + reader.describe() + ": " + String.join("; ", e.problems())));
        }
    }

    /** The new examples must be what the model was trained on: same shape and, for tables, the same features in the same columns. */
    private static void checkFits(DatasetSchema trained, DatasetSchema actual, Path input) throws IOException {
        java.util.Optional<String> difference = JoinedDataset.difference(trained, actual);
        if (difference.isPresent()) {
            throw new IOException(input + ": " + difference.get());
        }
        if (!actual.featureShape().equals(trained.featureShape())) {
            throw new IOException(input + ": encodes to shape " + actual.featureShape()
                    + " but the model expects " + trained.featureShape());
        }
        Object trainedDigest = trained.attributes().get(FEATURE_DIGEST);
        Object digest = actual.attributes().get(FEATURE_DIGEST);
        if (trainedDigest != null && digest != null && !trainedDigest.equals(digest)) {
            throw new IOException(input + ": its features (names or order) differ from those the model was trained on;"
                    + " give it the same genes or SNPs in the same order");
        }
    }

    @Override
    public Summary sample(Path modelDirectory, int count, long seed, Path output) throws IOException, SpecException {
        if (count < 1) {
            throw new IllegalArgumentException("the sample count must be at least 1, got " + count);
        }
        ModelCard card = store.readCard(modelDirectory);
        try (LoadedModel loaded = store.load(modelDirectory)) {
            if (!(loaded.model() instanceof GenerativeModel generative)) {
                throw new SpecException(modelDirectory.toString(), List.of("model family '" + card.family()
                        + "' does not draw samples (a generative model such as a variational autoencoder does)"));
            }
            float[] values;
            try {
                values = generative.sample(count, seed);
            } catch (UnsupportedOperationException e) {
                throw new SpecException(modelDirectory.toString(), List.of(e.getMessage()));
            }
            Files.createDirectories(output.toAbsolutePath().getParent());
            ResultWriter.writeSamples(output, card.schema().outputs(), values, count);
            return new Summary(count, card.schema().outputs(), output);
        }
    }

    /** Prediction output has no truth column even when the input carries labels. */
    private static Dataset unlabelled(Dataset data) {
        return new Dataset() {
            @Override public DatasetSchema schema() { return data.schema(); }
            @Override public int size() { return data.size(); }
            @Override public String id(int index) { return data.id(index); }
            @Override public String group(int index) { return data.group(index); }
            @Override public boolean labelled() { return false; }
            @Override public java.util.Optional<org.genomod.api.data.Network> network() { return data.network(); }
            @Override public void features(int index, float[] dest, int offset) { data.features(index, dest, offset); }
            @Override public void labels(int index, float[] dest, int offset) { java.util.Arrays.fill(dest, offset, offset + data.schema().labelSize(), 0f); }
        };
    }
}
