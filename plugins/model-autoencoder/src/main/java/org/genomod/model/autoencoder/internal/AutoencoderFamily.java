package org.genomod.model.autoencoder.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;
import org.genomod.api.model.Model;
import org.genomod.api.model.ModelFamily;
import org.genomod.api.model.ModelRequest;
import org.genomod.api.model.Transfer;
import org.genomod.api.param.ParameterSchema;
import org.genomod.api.param.Parameters;
import org.nd4j.linalg.api.buffer.DataType;
import org.osgi.service.component.annotations.Component;

/**
 * Dense autoencoders over reconstruction datasets: plain, denoising (corrupted inputs), masked imputation
 * (only known values are scored; prediction fills in the missing ones) and variational (samples new
 * examples). A reconstruction dataset is a regression whose labels are the feature values themselves,
 * NaN where there is nothing to score; its schema says so with the attribute {@value #RECONSTRUCTION}
 * (reader-expression's {@code task: reconstruction}).
 */
@Component(service = ModelFamily.class, property = ModelFamily.SERVICE_PROPERTY + "=autoencoder")
public final class AutoencoderFamily implements ModelFamily {
    /** The schema attribute by which a reader declares that the labels are the features' values. */
    static final String RECONSTRUCTION = "reconstruction";

    @Override
    public ParameterSchema hyperParameters() {
        return AutoencoderHyperParameters.SCHEMA;
    }

    @Override
    public List<String> check(DatasetSchema schema, Parameters hyperParameters) {
        List<String> problems = new ArrayList<>();
        if (!Boolean.TRUE.equals(schema.attributes().get(RECONSTRUCTION))) {
            problems.add("the autoencoder family needs a reconstruction dataset, whose labels are its own values "
                    + "(e.g. reader expression with task: reconstruction); this " + schema.encoding() + " dataset's "
                    + "labels are " + schema.task().name().toLowerCase() + " outputs");
        } else {
            if (schema.task() != TaskType.REGRESSION) {
                problems.add("a reconstruction dataset is a regression, not " + schema.task().name().toLowerCase());
            }
            if (FeatureLayout.of(schema) == null) {
                problems.add("features of shape " + schema.featureShape() + " do not hold one value (and observed flag) "
                        + "per output: " + schema.labelSize() + " outputs need [" + schema.labelSize() + "] or ["
                        + schema.labelSize() + ", 2]");
            }
        }
        Architecture architecture = AutoencoderHyperParameters.architecture(hyperParameters);
        if (!architecture.variational() && hyperParameters.number(AutoencoderHyperParameters.BETA) != 1) {
            problems.add("beta weighs a VAE's KL term; set variational: true or drop beta");
        }
        return problems;
    }

    @Override
    public Model create(ModelRequest request) {
        List<String> problems = new ArrayList<>(check(request.schema(), request.hyperParameters()));
        if (request.classWeights() != null) {
            problems.add("class weights do not apply to reconstruction (set training.class_weights: false)");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return create(request, DataType.FLOAT);
    }

    /** With a chosen precision: tests check gradients in double. */
    static AutoencoderModel create(ModelRequest request, DataType dataType) {
        Architecture architecture = AutoencoderHyperParameters.architecture(request.hyperParameters());
        int genes = request.schema().labelSize();
        int inputs = architecture.observedInput() ? 2 * genes : genes;
        MultiLayerNetwork encoder = new MultiLayerNetwork(Networks.encoder(architecture, inputs, request.training(),
                request.seed(), dataType));
        encoder.init();
        MultiLayerNetwork decoder = new MultiLayerNetwork(Networks.decoder(architecture, genes, request.training(),
                request.seed(), dataType));
        decoder.init();
        return AutoencoderModel.create(architecture, request.schema(), encoder, decoder, request.seed());
    }

    /**
     * Fine-tunes a saved autoencoder on new data with the same genes (see {@link AutoencoderModel#transfer}):
     * {@code freeze: N} counts the encoder's layers, then the decoder's ({@code all_but_head} leaves the decoder's
     * last layer to train), {@code freeze: [names]} names them ({@code encoder0}, ..., {@code decoder0}, ...);
     * {@code new_head} does not apply, since the outputs are the genes themselves.
     */
    @Override
    public Model transfer(Model parent, ModelRequest request, Transfer transfer) {
        if (!(parent instanceof AutoencoderModel source)) {
            throw new IllegalArgumentException("the parent model is not an autoencoder");
        }
        List<String> problems = new ArrayList<>(check(request.schema(), request.hyperParameters()));
        if (request.classWeights() != null) {
            problems.add("class weights do not apply to reconstruction (set training.class_weights: false)");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        DataType dataType = source.dataType();
        Architecture architecture = AutoencoderHyperParameters.architecture(request.hyperParameters());
        int genes = request.schema().labelSize();
        MultiLayerNetwork encoder = new MultiLayerNetwork(Networks.encoder(architecture, architecture.observedInput() ? 2 * genes : genes,
                request.training(), request.seed(), dataType));
        encoder.init();
        MultiLayerNetwork decoder = new MultiLayerNetwork(Networks.decoder(architecture, genes, request.training(), request.seed(), dataType));
        decoder.init();
        return AutoencoderModel.transfer(source, request.schema(), encoder, decoder, transfer, request.seed());
    }

    @Override
    public Model load(Path directory, DatasetSchema schema, Parameters hyperParameters) throws IOException {
        return AutoencoderModel.load(directory, AutoencoderHyperParameters.architecture(hyperParameters), schema);
    }
}
