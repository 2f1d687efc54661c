package org.genomod.core.internal.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.genomod.api.data.DataReader;
import org.genomod.api.data.Dataset;
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
        String readerName = card.reader().name();
        var found = registry.find(PluginKinds.READER, readerName, null).orElseThrow(() -> new SpecException(
                modelDirectory.toString(), List.of("the model was trained with reader '" + readerName
                        + "', which is not installed (available: " + registry.available(PluginKinds.READER) + ")")));
        try (Lease<DataReader> reader = registry.lease(PluginKinds.READER, found, readerName);
             LoadedModel loaded = store.load(modelDirectory)) {
            Map<String, Object> raw = reader.service().predictionParameters(card.reader().parameters(), input.toAbsolutePath());
            Parameters parameters;
            try {
                parameters = reader.service().parameters().validate(raw, input.toAbsolutePath().getParent());
            } catch (ParameterException e) {
                throw new SpecException(modelDirectory.toString(), List.of("the model's reader settings do not fit reader "
                        + reader.describe() + ": " + String.join("; ", e.problems())));
            }
            Dataset data = reader.service().read(parameters, ReadContext.forPrediction(card.schema().outputs()));
            if (!data.schema().featureShape().equals(card.schema().featureShape())) {
                throw new IOException(input + ": encodes to shape " + data.schema().featureShape()
                        + " but the model expects " + card.schema().featureShape());
            }
            // same shape is not enough for tables: the same genes or SNPs must sit in the same columns
            Object trained = card.schema().attributes().get(FEATURE_DIGEST);
            Object features = data.schema().attributes().get(FEATURE_DIGEST);
            if (trained != null && features != null && !trained.equals(features)) {
                throw new IOException(input + ": its features (names or order) differ from those the model was trained on;"
                        + " give it the same genes or SNPs in the same order");
            }
            Dataset prepared = Standardizer.fromCard(card.preprocessing()).map(s -> s.apply(data)).orElse(data);
            Predictions predictions = Batches.predictAll(loaded.model(), unlabelled(prepared), BATCH);
            Files.createDirectories(output.toAbsolutePath().getParent());
            ResultWriter.writePredictions(output, predictions);
            return new Summary(predictions.size(), card.schema().outputs(), output);
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
            @Override public org.genomod.api.data.DatasetSchema schema() { return data.schema(); }
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
