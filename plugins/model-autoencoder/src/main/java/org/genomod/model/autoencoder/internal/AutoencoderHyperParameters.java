package org.genomod.model.autoencoder.internal;

import java.util.List;
import java.util.Locale;
import org.genomod.api.param.Parameter;
import org.genomod.api.param.ParameterSchema;
import org.genomod.api.param.ParameterType;
import org.genomod.api.param.Parameters;

/** The family's hyper-parameters and the {@link Architecture} they describe. */
final class AutoencoderHyperParameters {
    static final String VARIATIONAL = "variational";
    static final String HIDDEN = "hidden";
    static final String LATENT = "latent";
    static final String ACTIVATION = "activation";
    static final String CORRUPTION = "corruption";
    static final String NOISE = "noise";
    static final String VISIBLE_WEIGHT = "visible_weight";
    static final String OBSERVED_INPUT = "observed_input";
    static final String DROPOUT = "dropout";
    static final String L2 = "l2";
    static final String BETA = "beta";
    static final String PREDICTION = "prediction";
    static final String SAMPLING = "sampling";

    static final ParameterSchema SCHEMA = ParameterSchema.builder()
            .flag(VARIATIONAL, false, "a variational autoencoder (VAE), which can sample new examples")
            .add(new Parameter(HIDDEN, ParameterType.INTEGER_LIST, false, List.of(256),
                    "the encoder's hidden layer sizes, [] for none; the decoder mirrors them", null, 1.0, 65536.0))
            .integer(LATENT, 32, 1, 4096, "the code (embedding) size")
            .choice(ACTIVATION, "elu", Networks.ACTIVATIONS, "hidden activation")
            .choice(CORRUPTION, "masking", List.of("none", "masking", "gaussian"),
                    "what training does to the inputs (targets stay intact): none (a plain autoencoder), masking "
                            + "(hide each visible value with probability noise; teaches imputation) or gaussian")
            .number(NOISE, 0.25, 0, 5, "masking probability, or the Gaussian noise's standard deviation in per-gene "
                    + "standard deviations")
            .number(VISIBLE_WEIGHT, 1, 0, 1, "loss weight of the values the input shows, against 1 for the values it "
                    + "hides (corrupted, or missing with a label); below 1 stresses imputation over copying")
            .flag(OBSERVED_INPUT, true, "the encoder also reads which values are observed (a 0/1 flag per gene)")
            .number(DROPOUT, 0, 0, 0.9, "dropout rate on the hidden layers' inputs (never on the data)")
            .number(L2, 1e-4, 0, 1, "L2 penalty on the weights")
            .number(BETA, 1, 0, 100, "VAE only: the weight of the KL divergence (1 is the ELBO)")
            .choice(PREDICTION, "imputed", List.of("imputed", "reconstructed"),
                    "what predict returns: imputed (observed values as they are, missing ones filled in) or "
                            + "reconstructed (the model's value everywhere: denoising)")
            .choice(SAMPLING, "aggregate", List.of("aggregate", "prior"),
                    "VAE only: draw new examples' codes from a Gaussian fitted to the training codes (aggregate, "
                            + "matches the data's spread with few samples) or from the prior N(0, I)")
            .build();

    private AutoencoderHyperParameters() {
    }

    static Architecture architecture(Parameters parameters) {
        return new Architecture(
                parameters.flag(VARIATIONAL),
                parameters.integers(HIDDEN),
                parameters.integer(LATENT),
                parameters.string(ACTIVATION),
                Corruption.valueOf(parameters.string(CORRUPTION).toUpperCase(Locale.ROOT)),
                parameters.number(NOISE),
                parameters.number(VISIBLE_WEIGHT),
                parameters.flag(OBSERVED_INPUT),
                parameters.number(DROPOUT),
                parameters.number(L2),
                parameters.number(BETA),
                Architecture.Prediction.valueOf(parameters.string(PREDICTION).toUpperCase(Locale.ROOT)),
                Architecture.Sampling.valueOf(parameters.string(SAMPLING).toUpperCase(Locale.ROOT)));
    }
}
