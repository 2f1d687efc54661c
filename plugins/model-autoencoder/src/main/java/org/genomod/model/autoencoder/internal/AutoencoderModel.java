package org.genomod.model.autoencoder.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ModelSerializer;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.model.Batch;
import org.genomod.api.model.DifferentiableModel;
import org.genomod.api.model.GenerativeModel;
import org.genomod.api.model.ModelState;
import org.genomod.api.model.Transfer;
import org.genomod.dl4j.NativeMemory;
import org.genomod.dl4j.NativeThreads;
import org.genomod.dl4j.StackGradients;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A dense autoencoder or VAE over one reconstruction dataset. Training feeds the encoder the scaled,
 * optionally corrupted values the features show; the decoder's output is scored against every known
 * value of the example (its labels, and its shown values where it has no label), missing ones left out.
 *
 * <ul>
 * <li>Autoencoder: loss = mean squared error over the known entries, in scaled units.</li>
 * <li>VAE: loss = negative ELBO per example: the Gaussian negative log-likelihood of the known entries,
 *     with each gene's calibrated noise variance, plus {@code beta} × KL(q(z|x) ‖ N(0, I)). The
 *     reparameterisation noise comes from the model's own seeded generator, so training and sampling
 *     repeat exactly.</li>
 * </ul>
 *
 * <p>Beyond {@code Model}: {@link #encode} gives the embedding, {@link #sample} draws a VAE's new examples,
 * {@link #inputGradients} how a predicted value depends on the example's values.
 */
final class AutoencoderModel implements GenerativeModel, DifferentiableModel {
    static final String ENCODER_FILE = "encoder.zip";
    static final String DECODER_FILE = "decoder.zip";
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final Architecture architecture;
    private final DatasetSchema schema;
    private final FeatureLayout layout;
    private final MultiLayerNetwork encoder;
    private final MultiLayerNetwork decoder;
    private final DataType dataType;
    private final SplittableRandom random;
    private GeneCalibration calibration;
    private boolean calibrated;
    /** A VAE's aggregate posterior; {@code null} for an autoencoder. */
    private LatentDistribution codes;
    /** Made on the first gradient request. */
    private StackGradients encoderGradients;
    private StackGradients decoderGradients;
    /** Transfer learning: which layers, the encoder's then the decoder's, keep the parent's weights; not saved. */
    private boolean[] frozen;
    private int iteration;
    /** The current epoch as Deeplearning4j counts (from 0), for epoch-keyed learning-rate schedules. */
    private int epoch;
    private boolean closed;

    private AutoencoderModel(Architecture architecture, DatasetSchema schema, MultiLayerNetwork encoder,
                             MultiLayerNetwork decoder, GeneCalibration calibration, boolean calibrated,
                             LatentDistribution codes, long seed) {
        this.architecture = Objects.requireNonNull(architecture, "architecture");
        this.schema = Objects.requireNonNull(schema, "schema");
        this.layout = Objects.requireNonNull(FeatureLayout.of(schema), "not a reconstruction schema: " + schema);
        this.encoder = encoder;
        this.decoder = decoder;
        this.dataType = encoder.getLayerWiseConfigurations().getDataType();
        this.calibration = calibration;
        this.calibrated = calibrated;
        this.codes = codes;
        this.random = new SplittableRandom(seed);
        this.frozen = new boolean[encoder.getnLayers() + decoder.getnLayers()];
    }

    /** An untrained model; its gene scaling is fitted by the first {@link #fit}. */
    static AutoencoderModel create(Architecture architecture, DatasetSchema schema, MultiLayerNetwork encoder,
                                   MultiLayerNetwork decoder, long seed) {
        return new AutoencoderModel(architecture, schema, encoder, decoder, GeneCalibration.unit(schema.labelSize()), false,
                architecture.variational() ? LatentDistribution.prior(architecture.latent()) : null, seed);
    }

    static AutoencoderModel load(Path directory, Architecture architecture, DatasetSchema schema) throws IOException {
        List<String> files = architecture.variational()
                ? List.of(ENCODER_FILE, DECODER_FILE, GeneCalibration.FILE, LatentDistribution.FILE)
                : List.of(ENCODER_FILE, DECODER_FILE, GeneCalibration.FILE);
        for (String file : files) {
            if (!Files.isRegularFile(directory.resolve(file))) {
                throw new IOException("no saved autoencoder: " + directory.resolve(file) + " does not exist");
            }
        }
        MultiLayerNetwork encoder = ModelSerializer.restoreMultiLayerNetwork(directory.resolve(ENCODER_FILE).toFile(), false);
        MultiLayerNetwork decoder = ModelSerializer.restoreMultiLayerNetwork(directory.resolve(DECODER_FILE).toFile(), false);
        GeneCalibration calibration = GeneCalibration.read(directory.resolve(GeneCalibration.FILE), schema.outputs());
        LatentDistribution codes = architecture.variational()
                ? LatentDistribution.read(directory.resolve(LatentDistribution.FILE), architecture.latent()) : null;
        return new AutoencoderModel(architecture, schema, encoder, decoder, calibration, true, codes, 0);
    }

    /**
     * A model for new data with the same genes that starts from {@code parent} (transfer learning): copies of its
     * networks, which train with the new options, and of its gene scaling and noise (and a VAE's code
     * distribution), which go on moving as training does. The layers {@code transfer} freezes keep the parent's
     * weights: a count of leading layers, the encoder's then the decoder's, or the layers it names as {@link
     * #layerNames} does, any but the decoder's last. Their updates, L2 and the optimiser's moves included, are
     * zeroed at every step. An autoencoder's outputs are its genes, so there is no head to replace.
     *
     * @param encoder the new encoder, configured for the new training options, its weights to be copied in
     * @param decoder the new decoder, likewise
     * @throws IllegalArgumentException when the genes or their layout differ, every layer would be frozen, or a named
     *                                  layer is the decoder's last or not the model's
     */
    static AutoencoderModel transfer(AutoencoderModel parent, DatasetSchema schema, MultiLayerNetwork encoder, MultiLayerNetwork decoder,
                                     Transfer transfer, long seed) {
        parent.requireOpen();
        if (!parent.schema.outputs().equals(schema.outputs())) {
            List<String> before = parent.schema.outputs();
            List<String> now = schema.outputs();
            int at = 0;
            while (at < Math.min(before.size(), now.size()) && before.get(at).equals(now.get(at))) {
                at++;
            }
            throw new IllegalArgumentException("the parent model reconstructs " + before.size() + " genes, the data has " + now.size()
                    + (at < Math.min(before.size(), now.size()) ? ", and gene " + (at + 1) + " is '" + now.get(at) + "' where the parent's is '"
                    + before.get(at) + "'" : "") + ": an autoencoder fine-tunes on the genes it was trained on, in their order");
        }
        if (!parent.layout.equals(FeatureLayout.of(schema))) {
            throw new IllegalArgumentException("the parent model reads " + (parent.layout.observedChannel() ? "a value and an observed flag"
                    : "one value") + " per gene, the data gives shape " + schema.featureShape());
        }
        List<String> names = parent.layerNames();
        boolean[] frozen = new boolean[names.size()];
        if (transfer.byName()) {
            transfer.frozenPositions(names).forEach(layer -> frozen[layer] = true);
        } else {
            int layers = names.size();
            int count = transfer.frozenLayers() == Transfer.ALL_BUT_HEAD ? layers - 1 : transfer.frozenLayers();
            if (count > layers - 1) {
                throw new IllegalArgumentException("cannot freeze " + count + " layers of an autoencoder of " + layers + " (encoder "
                        + parent.encoder.getnLayers() + ", decoder " + parent.decoder.getnLayers() + "): the last at least must train");
            }
            Arrays.fill(frozen, 0, count, true);
        }
        encoder.setParams(parent.encoder.params().dup());
        decoder.setParams(parent.decoder.params().dup());
        AutoencoderModel child = new AutoencoderModel(parent.architecture, schema, encoder, decoder, parent.calibration.copy(), true,
                parent.codes == null ? null : parent.codes.copy(), seed);
        child.frozen = frozen;
        return child;
    }

    /**
     * The layers' names, the encoder's then the decoder's, input side first, as the summary prints them and {@link
     * Transfer#frozenNames()} takes them: {@code encoder0}, {@code encoder1}, ..., {@code decoder0}, ...; the last is
     * the output layer.
     */
    List<String> layerNames() {
        List<String> names = new ArrayList<>();
        for (int l = 0; l < encoder.getnLayers(); l++) {
            names.add(Networks.layerName(Networks.ENCODER, l));
        }
        for (int l = 0; l < decoder.getnLayers(); l++) {
            names.add(Networks.layerName(Networks.DECODER, l));
        }
        return names;
    }

    /** The networks' precision. */
    DataType dataType() {
        return dataType;
    }

    @Override
    public DatasetSchema schema() {
        return schema;
    }

    /** Both networks' updaters take the epoch, so that a learning-rate schedule from the training options applies. */
    @Override
    public void epochStarted(int epoch) {
        this.epoch = epoch - 1;
    }

    @Override
    public double fit(Batch batch) {
        NativeThreads.applyToCurrentThread();
        requireOpen();
        float[] epsilon = architecture.variational() ? standardNormal(batch.size() * architecture.latent()) : null;
        return fit(batch, epsilon);
    }

    /** One step with the given reparameterisation noise ({@code size × latent}; ignored by an autoencoder). */
    double fit(Batch batch, float[] epsilon) {
        requireOpen();
        ReconstructionBatch data = ReconstructionBatch.read(batch, layout, true);
        if (!calibrated) {
            calibration = GeneCalibration.fit(data.targets, data.known, data.size, data.genes);
            calibrated = true;
        }
        data.scale(calibration);
        float[] shown = data.values.clone();
        float[] flags = data.observed.clone();
        architecture.corruption().apply(shown, flags, architecture.noise(), random);
        INDArray input = array(data.networkInput(shown, flags, architecture.observedInput()), data.size);

        encoder.setInput(input);
        INDArray code = last(encoder.feedForward(true, false));
        INDArray noise = architecture.variational() ? array(epsilon, data.size) : null;
        decoder.setInput(architecture.variational() ? reparameterise(code, noise) : code);
        INDArray output = last(decoder.feedForward(true, false));

        Scored scored = score(output, data, flags);
        Pair<Gradient, INDArray> decoded = decoder.backpropGradient(scored.gradient, LayerWorkspaceMgr.noWorkspaces());
        INDArray codeGradient = architecture.variational()
                ? posteriorGradient(code, decoded.getSecond(), noise, data.size)
                : decoded.getSecond();
        Pair<Gradient, INDArray> encoded = encoder.backpropGradient(codeGradient, LayerWorkspaceMgr.noWorkspaces());
        update(decoder, decoded.getFirst(), encoder.getnLayers());
        update(encoder, encoded.getFirst(), 0);
        iteration++;
        if (architecture.variational()) {
            // after the step, like batch normalisation's running statistics: the loss just taken used the old variances
            INDArray squares = scored.residual.mul(scored.residual);
            calibration.updateNoise(squares.sum(0).toDoubleVector(), toInts(scored.weight.gt(0).castTo(dataType).sum(0)));
            codes.update(toFloats(means(code)), toFloats(Transforms.exp(logVariances(code), true)), data.size);
        }
        return scored.loss + klTerm(code, data.size);
    }

    /**
     * Applies the network's updater (with its gradient clipping and L2) to an exact gradient of the mean loss.
     *
     * @param first the position of the network's first layer among {@link #layerNames}: the frozen ones (transfer
     *              learning) keep their weights, their updates zeroed
     */
    private void update(MultiLayerNetwork network, Gradient gradient, int first) {
        network.getUpdater().update(network, gradient, iteration, epoch, 1, LayerWorkspaceMgr.noWorkspaces());
        for (int l = 0; l < network.getnLayers(); l++) {
            if (frozen[first + l]) {
                network.getLayer(l).getGradientsViewArray().assign(0); // a view of the network's gradient, now the update
            }
        }
        network.params().subi(gradient.gradient());
    }

    /** The loss without corruption; a VAE's at its posterior means (no sampling), so that it repeats exactly. */
    @Override
    public double loss(Batch batch) {
        NativeThreads.applyToCurrentThread();
        return loss(batch, null);
    }

    /** The loss with the given reparameterisation noise, or at the posterior means when it is {@code null}. */
    double loss(Batch batch, float[] epsilon) {
        requireOpen();
        ReconstructionBatch data = ReconstructionBatch.read(batch, layout, true);
        data.scale(calibration);
        INDArray code = encoder.output(array(data.networkInput(data.values, data.observed, architecture.observedInput()),
                data.size), false);
        INDArray latent = !architecture.variational() ? code
                : epsilon == null ? means(code) : reparameterise(code, array(epsilon, data.size));
        return score(decoder.output(latent, false), data, data.observed).loss + klTerm(code, data.size);
    }

    @Override
    public float[] predict(Batch batch) {
        NativeThreads.applyToCurrentThread();
        requireOpen();
        ReconstructionBatch data = ReconstructionBatch.read(batch, layout, false);
        float[] raw = data.values.clone();
        data.scale(calibration);
        float[] reconstruction = decode(code(data));
        int genes = data.genes;
        for (int i = 0; i < reconstruction.length; i++) {
            boolean keep = architecture.prediction() == Architecture.Prediction.IMPUTED && data.observed[i] != 0f;
            reconstruction[i] = keep ? raw[i] : calibration.unscaled(i % genes, reconstruction[i]);
        }
        return reconstruction;
    }

    /**
     * The embedding: each example's code (a VAE's posterior mean), {@code size × latent}, row-major.
     */
    float[] encode(Batch batch) {
        requireOpen();
        ReconstructionBatch data = ReconstructionBatch.read(batch, layout, false);
        data.scale(calibration);
        return toFloats(code(data));
    }

    /**
     * New examples from a VAE, in the reader's units, {@code count × genes} row-major: codes drawn as the
     * hyper-parameter {@code sampling} says, decoded, plus each gene's calibrated noise when {@code withNoise}.
     * The same seed gives the same samples.
     *
     * @throws UnsupportedOperationException for a (deterministic) autoencoder, which has no distribution to draw from
     */
    float[] sample(int count, long seed, boolean withNoise) {
        return sample(count, seed, withNoise, architecture.sampling());
    }

    /** The full generative model: codes drawn as {@code sampling} says, decoded, each gene's noise added. */
    @Override
    public float[] sample(int count, long seed) {
        return sample(count, seed, true);
    }

    /** {@link #sample(int, long, boolean)} with the codes drawn from {@code source}. */
    float[] sample(int count, long seed, boolean withNoise, Architecture.Sampling source) {
        requireOpen();
        if (!architecture.variational()) {
            throw new UnsupportedOperationException("only a variational autoencoder (variational: true) samples");
        }
        if (count < 1) {
            throw new IllegalArgumentException("sample count must be at least 1, got " + count);
        }
        SplittableRandom draws = new SplittableRandom(seed);
        float[] latent = source == Architecture.Sampling.AGGREGATE
                ? codes.sample(count, draws)
                : LatentDistribution.prior(architecture.latent()).sample(count, draws);
        float[] values = decode(array(latent, count));
        int genes = layout.genes();
        for (int i = 0; i < values.length; i++) {
            int g = i % genes;
            double noise = withNoise ? Math.sqrt(calibration.noiseVariance(g)) * draws.nextGaussian() : 0;
            values[i] = calibration.unscaled(g, (float) (values[i] + noise));
        }
        return values;
    }

    /**
     * Gradients of predicted value {@code output} (gene {@code output}, in the reader's units) with respect to the
     * example's features, {@code size × featureSize}, along the path {@link #predict} takes: the encoder (a VAE's
     * posterior mean, no sampling) and the decoder, through the per-gene scaling. A value the features do not
     * show (missing, NaN) and the observed flags of {@code [genes, 2]} features are switches, not quantities:
     * their gradients are 0. Under {@code prediction: imputed} an observed output is the value itself: gradient
     * 1 on that value, 0 elsewhere.
     */
    @Override
    public float[] inputGradients(Batch batch, int output) {
        NativeThreads.applyToCurrentThread();
        requireOpen();
        Objects.checkIndex(output, schema.labelSize());
        if (encoderGradients == null) {
            encoderGradients = StackGradients.of(encoder);
            decoderGradients = StackGradients.of(decoder);
        }
        ReconstructionBatch data = ReconstructionBatch.read(batch, layout, false);
        data.scale(calibration);
        int genes = data.genes;
        INDArray input = array(data.networkInput(data.values, data.observed, architecture.observedInput()), data.size);
        INDArray code = encoder.output(input, false);
        INDArray latent = architecture.variational() ? means(code) : code;
        float[] selection = new float[data.size * genes];
        for (int e = 0; e < data.size; e++) {
            selection[e * genes + output] = calibration.scale(output); // back to the reader's units
        }
        INDArray latentGradient = decoderGradients.backpropagate(latent, array(selection, data.size));
        INDArray codeGradient = architecture.variational()
                ? Nd4j.hstack(latentGradient, Nd4j.zeros(latentGradient.dataType(), latentGradient.shape())) // log-variances: off the path
                : latentGradient;
        float[] inputGradient = toFloats(encoderGradients.backpropagate(input, codeGradient));
        int width = architecture.observedInput() ? 2 * genes : genes; // the encoder reads the values first, then the flags
        float[] gradients = new float[batch.size() * schema.featureSize()];
        int channels = layout.observedChannel() ? 2 : 1;
        for (int e = 0; e < data.size; e++) {
            boolean kept = architecture.prediction() == Architecture.Prediction.IMPUTED && data.observed[e * genes + output] != 0f;
            for (int g = 0; g < genes; g++) {
                int i = e * genes + g;
                float gradient = kept ? (g == output ? 1f : 0f)
                        : data.observed[i] == 0f ? 0f
                        : inputGradient[e * width + g] / calibration.scale(g);
                gradients[i * channels] = gradient;
            }
        }
        return gradients;
    }

    /** The code of scaled examples, without corruption: a VAE's posterior mean. */
    private INDArray code(ReconstructionBatch data) {
        INDArray code = encoder.output(array(data.networkInput(data.values, data.observed, architecture.observedInput()),
                data.size), false);
        return architecture.variational() ? means(code) : code;
    }

    private float[] decode(INDArray code) {
        return toFloats(decoder.output(code, false));
    }

    /**
     * The reconstruction loss of the decoder's output and its gradient, over the known targets only: the
     * mean squared error, or for a VAE the Gaussian negative log-likelihood per example.
     */
    private Scored score(INDArray output, ReconstructionBatch data, float[] shown) {
        INDArray weight = array(data.weights(shown, architecture.visibleWeight()), data.size);
        INDArray error = output.sub(array(data.targets, data.size));
        INDArray residual = error.mul(weight.gt(0).castTo(dataType));
        INDArray weighted = error.muli(weight);
        if (!architecture.variational()) {
            double total = Math.max(1e-12, weight.sumNumber().doubleValue());
            double loss = weighted.mul(residual).sumNumber().doubleValue() / total;
            return new Scored(loss, weighted.muli(2 / total), residual, weight);
        }
        INDArray variance = array(noiseVariances(), 1);
        double logTerms = weight.mulRowVector(Transforms.log(variance, true).addi(LOG_2PI)).sumNumber().doubleValue();
        double squares = weighted.mul(residual).divRowVector(variance).sumNumber().doubleValue();
        double loss = 0.5 * (squares + logTerms) / data.size;
        return new Scored(loss, weighted.diviRowVector(variance).divi(data.size), residual, weight);
    }

    private record Scored(double loss, INDArray gradient, INDArray residual, INDArray weight) {
    }

    /** β × KL for a VAE, 0 for an autoencoder. */
    private double klTerm(INDArray code, int size) {
        return architecture.variational() ? architecture.beta() * klDivergence(code, size) : 0;
    }

    /** z = μ + σ ε, from the encoder's means and log-variances. */
    private INDArray reparameterise(INDArray code, INDArray epsilon) {
        return means(code).add(Transforms.exp(logVariances(code).mul(0.5), false).muli(epsilon));
    }

    /**
     * The gradient at the encoder's output: through z = μ + σ ε, plus β times the KL term's
     * (∂KL/∂μ = μ, ∂KL/∂log σ² = (σ² − 1) / 2), per example of a mean over the batch.
     */
    private INDArray posteriorGradient(INDArray code, INDArray latentGradient, INDArray epsilon, int size) {
        double beta = architecture.beta();
        INDArray mean = means(code);
        INDArray variance = Transforms.exp(logVariances(code), true);
        INDArray dMean = latentGradient.add(mean.mul(beta / size));
        INDArray dLogVariance = latentGradient.mul(epsilon).muli(Transforms.sqrt(variance, true)).muli(0.5)
                .addi(variance.sub(1).muli(0.5 * beta / size));
        return Nd4j.hstack(dMean, dLogVariance);
    }

    /** KL(N(μ, σ²) ‖ N(0, I)) summed over the code, averaged over the batch. */
    private double klDivergence(INDArray code, int size) {
        INDArray mean = means(code);
        INDArray logVariance = logVariances(code);
        INDArray terms = mean.mul(mean).addi(Transforms.exp(logVariance, true)).subi(logVariance).subi(1);
        return 0.5 * terms.sumNumber().doubleValue() / size;
    }

    private INDArray means(INDArray code) {
        return code.get(NDArrayIndex.all(), NDArrayIndex.interval(0, architecture.latent()));
    }

    private INDArray logVariances(INDArray code) {
        return code.get(NDArrayIndex.all(), NDArrayIndex.interval(architecture.latent(), 2L * architecture.latent()));
    }

    private float[] standardNormal(int count) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }

    private float[] noiseVariances() {
        float[] variances = new float[layout.genes()];
        for (int g = 0; g < variances.length; g++) {
            variances[g] = calibration.noiseVariance(g);
        }
        return variances;
    }

    private INDArray array(float[] values, int rows) {
        return Nd4j.create(values, new long[] {rows, values.length / rows}, 'c').castTo(dataType);
    }

    private static INDArray last(List<INDArray> activations) {
        return activations.get(activations.size() - 1);
    }

    private static float[] toFloats(INDArray array) {
        return array.reshape('c', new long[] {array.length()}).castTo(DataType.FLOAT).toFloatVector();
    }

    private static int[] toInts(INDArray counts) {
        double[] values = counts.toDoubleVector();
        int[] ints = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            ints[i] = (int) Math.round(values[i]);
        }
        return ints;
    }

    @Override
    public ModelState snapshot() {
        requireOpen();
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            return new Snapshot(this, encoder.params().dup(), decoder.params().dup(), calibration.copy(), calibrated,
                    codes == null ? null : codes.copy());
        }
    }

    @Override
    public void restore(ModelState state) {
        requireOpen();
        if (!(state instanceof Snapshot snapshot) || snapshot.model != this) {
            throw new IllegalArgumentException("the state was not taken from this model");
        }
        encoder.setParams(snapshot.encoder);
        decoder.setParams(snapshot.decoder);
        calibration = snapshot.calibration.copy();
        calibrated = snapshot.calibrated;
        codes = snapshot.codes == null ? null : snapshot.codes.copy();
    }

    /** Writes both networks (without updater state), the per-gene scaling and noise, and a VAE's code distribution. */
    @Override
    public void save(Path directory) throws IOException {
        requireOpen();
        ModelSerializer.writeModel(encoder, directory.resolve(ENCODER_FILE).toFile(), false);
        ModelSerializer.writeModel(decoder, directory.resolve(DECODER_FILE).toFile(), false);
        calibration.write(directory.resolve(GeneCalibration.FILE), schema.outputs());
        if (codes != null) {
            codes.write(directory.resolve(LatentDistribution.FILE));
        }
    }

    /** Both networks' parameters, encoder first, as one detached vector. */
    INDArray parameters() {
        return Nd4j.concat(0, encoder.params().reshape(encoder.numParams()), decoder.params().reshape(decoder.numParams()));
    }

    /** The parameters of layer {@code index} of {@link #layerNames}, copied. */
    float[] layerParameters(int index) {
        int encoderLayers = encoder.getnLayers();
        MultiLayerNetwork network = index < encoderLayers ? encoder : decoder;
        return network.getLayer(index < encoderLayers ? index : index - encoderLayers).params().castTo(DataType.FLOAT).toFloatVector();
    }

    /** Sets what {@link #parameters()} gives. */
    void setParameters(INDArray parameters) {
        long split = encoder.numParams();
        INDArray flat = parameters.reshape(parameters.length());
        encoder.setParams(flat.get(NDArrayIndex.interval(0, split)).reshape(encoder.params().shape()));
        decoder.setParams(flat.get(NDArrayIndex.interval(split, flat.length())).reshape(decoder.params().shape()));
    }

    @Override
    public long parameterCount() {
        requireOpen();
        return encoder.numParams() + decoder.numParams();
    }

    @Override
    public String summary() {
        requireOpen();
        int inputs = architecture.observedInput() ? 2 * layout.genes() : layout.genes();
        return (architecture.variational() ? "variational " : "") + "autoencoder\nencoder\n"
                + encoder.summary(InputType.feedForward(inputs)) + "\ndecoder\n"
                + decoder.summary(InputType.feedForward(architecture.latent()));
    }

    /** Frees both networks' native memory and this thread's workspaces; later calls fail. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        NativeMemory.release(encoder::close, decoder::close);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the model is closed");
        }
    }

    /** Detached copies of both networks' parameters and the per-gene numbers. */
    private record Snapshot(AutoencoderModel model, INDArray encoder, INDArray decoder, GeneCalibration calibration,
                            boolean calibrated, LatentDistribution codes) implements ModelState {
    }
}
