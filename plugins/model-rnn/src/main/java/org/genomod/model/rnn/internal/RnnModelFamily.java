package org.genomod.model.rnn.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.model.Model;
import org.genomod.api.model.ModelFamily;
import org.genomod.api.model.ModelRequest;
import org.genomod.api.model.Transfer;
import org.genomod.api.param.ParameterSchema;
import org.genomod.api.param.Parameters;
import org.genomod.dl4j.Dl4jModel;
import org.genomod.dl4j.FilterBankModel;
import org.genomod.dl4j.OutputHead;
import org.osgi.service.component.annotations.Component;

/**
 * Recurrent networks over one-hot sequences ({@code [length, channels]}): LSTM or simple cells, stacked,
 * bidirectional, behind an optional convolution front-end (DanQ). Padding at the ends of sequences is
 * masked. Outputs and output activation follow the dataset's task; the loss too unless chosen. Models give
 * input gradients; those with a convolution front-end also its filters' activations ({@link FilterBankModel}).
 */
@Component(service = ModelFamily.class, property = ModelFamily.SERVICE_PROPERTY + "=rnn")
public final class RnnModelFamily implements ModelFamily {

    @Override
    public ParameterSchema hyperParameters() {
        return RnnHyperParameters.SCHEMA;
    }

    @Override
    public List<String> check(DatasetSchema schema, Parameters hyperParameters) {
        List<String> problems = new ArrayList<>(RnnHyperParameters.architecture(hyperParameters).problems(schema.featureShape()));
        OutputHead.problem(schema.task(), hyperParameters.string(RnnHyperParameters.LOSS)).ifPresent(problems::add);
        return problems;
    }

    @Override
    public Model create(ModelRequest request) {
        List<String> problems = check(request.schema(), request.hyperParameters());
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        RnnArchitecture architecture = RnnHyperParameters.architecture(request.hyperParameters());
        return RnnNetworks.model(Dl4jModel.of(RnnNetworks.network(RnnNetworks.configuration(architecture, request.schema(),
                        request.training(), request.seed(), request.hyperParameters().string(RnnHyperParameters.LOSS)), architecture),
                RnnNetworks.networkClass(architecture), request.schema(), RnnNetworks.LAYOUT, request.classWeights()), architecture);
    }

    /** The parent's network class comes along ({@link Dl4jModel#transfer}), so the fine-tuned model masks padding too. */
    @Override
    public Model transfer(Model parent, ModelRequest request, Transfer transfer) {
        Model network = parent instanceof FilterBankModel filters ? filters.network() : parent;
        return RnnNetworks.model(Dl4jModel.transfer(network, request, transfer, request.hyperParameters().string(RnnHyperParameters.LOSS)),
                RnnHyperParameters.architecture(request.hyperParameters()));
    }

    @Override
    public Model load(Path directory, DatasetSchema schema, Parameters hyperParameters) throws IOException {
        RnnArchitecture architecture = RnnHyperParameters.architecture(hyperParameters);
        return RnnNetworks.model(RnnNetworks.load(directory, schema, architecture), architecture);
    }
}
