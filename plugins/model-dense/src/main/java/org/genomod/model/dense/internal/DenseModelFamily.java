package org.genomod.model.dense.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.model.Model;
import org.genomod.api.model.ModelFamily;
import org.genomod.api.model.ModelRequest;
import org.genomod.api.model.Transfer;
import org.genomod.api.param.ParameterSchema;
import org.genomod.api.param.Parameters;
import org.genomod.dl4j.Dl4jModel;
import org.genomod.dl4j.OutputHead;
import org.osgi.service.component.annotations.Component;

/**
 * Multi-layer perceptrons over flattened features of any shape: expression profiles, genotype allele
 * counts, one-hot or k-mer sequences. Outputs and output activation follow the dataset's task; the loss
 * too unless chosen.
 */
@Component(service = ModelFamily.class, property = ModelFamily.SERVICE_PROPERTY + "=dense")
public final class DenseModelFamily implements ModelFamily {

    @Override
    public ParameterSchema hyperParameters() {
        return DenseHyperParameters.SCHEMA;
    }

    @Override
    public List<String> check(DatasetSchema schema, Parameters hyperParameters) {
        List<String> problems = new ArrayList<>();
        DenseArchitecture architecture = DenseHyperParameters.architecture(hyperParameters);
        if (architecture.inputInitScale() == 0 && !architecture.hidden().isEmpty()) {
            problems.add("input_init_scale 0 would start every unit of the first hidden layer equal, so they could never differ; "
                    + "use a small positive scale such as 0.1, or 0 only without hidden layers");
        }
        OutputHead.problem(schema.task(), hyperParameters.string(DenseHyperParameters.LOSS)).ifPresent(problems::add);
        return problems;
    }

    @Override
    public Model create(ModelRequest request) {
        List<String> problems = check(request.schema(), request.hyperParameters());
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        MultiLayerNetwork network = new MultiLayerNetwork(DenseNetworks.configuration(
                DenseHyperParameters.architecture(request.hyperParameters()), request.schema(), request.training(),
                request.seed(), request.hyperParameters().string(DenseHyperParameters.LOSS)));
        network.init();
        return Dl4jModel.of(network, request.schema(), DenseNetworks.LAYOUT, request.classWeights());
    }

    @Override
    public Model transfer(Model parent, ModelRequest request, Transfer transfer) {
        return Dl4jModel.transfer(parent, request, transfer, request.hyperParameters().string(DenseHyperParameters.LOSS));
    }

    @Override
    public Model load(Path directory, DatasetSchema schema, Parameters hyperParameters) throws IOException {
        return Dl4jModel.load(directory, schema, DenseNetworks.LAYOUT);
    }
}
