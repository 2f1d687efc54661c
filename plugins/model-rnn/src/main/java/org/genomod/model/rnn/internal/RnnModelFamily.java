package org.genomod.model.rnn.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.model.Model;
import org.genomod.api.model.ModelFamily;
import org.genomod.api.model.ModelRequest;
import org.genomod.api.param.ParameterSchema;
import org.genomod.api.param.Parameters;
import org.genomod.dl4j.Dl4jModel;
import org.genomod.dl4j.OutputHead;
import org.osgi.service.component.annotations.Component;

/**
 * Recurrent networks over one-hot sequences ({@code [length, channels]}): LSTM or simple cells, stacked,
 * bidirectional, behind an optional convolution front-end (DanQ). Padding at the ends of sequences is
 * masked. Outputs and output activation follow the dataset's task; the loss too unless chosen.
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
        return Dl4jModel.of(RnnNetworks.network(RnnNetworks.configuration(architecture, request.schema(), request.training(),
                        request.seed(), request.hyperParameters().string(RnnHyperParameters.LOSS)), architecture),
                RnnNetworks.networkClass(architecture), request.schema(), RnnNetworks.LAYOUT, request.classWeights());
    }

    @Override
    public Model load(Path directory, DatasetSchema schema, Parameters hyperParameters) throws IOException {
        return RnnNetworks.load(directory, schema, RnnHyperParameters.architecture(hyperParameters));
    }
}
