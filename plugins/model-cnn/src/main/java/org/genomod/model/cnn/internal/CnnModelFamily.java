package org.genomod.model.cnn.internal;

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
import org.genomod.dl4j.FilterBankModel;
import org.genomod.dl4j.OutputHead;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * DeepBind/Basset-style 1-D convolutional networks over one-hot sequences ({@code [length, channels]}).
 * Outputs and output activation follow the dataset's task; the loss too unless chosen.
 */
@Component(service = ModelFamily.class, property = ModelFamily.SERVICE_PROPERTY + "=cnn")
public final class CnnModelFamily implements ModelFamily {

    /**
     * Ends the family's worker threads ({@link Parts}) when the component goes, so that they stop holding the bundle's
     * class loader; a model of this family still running afterwards gets new ones.
     */
    @Deactivate
    void deactivate() {
        Parts.shutdown();
    }

    @Override
    public ParameterSchema hyperParameters() {
        return CnnHyperParameters.SCHEMA;
    }

    @Override
    public List<String> check(DatasetSchema schema, Parameters hyperParameters) {
        List<String> problems = new ArrayList<>(CnnHyperParameters.architecture(hyperParameters).problems(schema.featureShape()));
        OutputHead.problem(schema.task(), hyperParameters.string(CnnHyperParameters.LOSS)).ifPresent(problems::add);
        if (bothStrands(hyperParameters)) {
            BothStrands.problem(schema).ifPresent(problems::add);
        }
        return problems;
    }

    @Override
    public Model create(ModelRequest request) {
        CnnArchitecture architecture = CnnHyperParameters.architecture(request.hyperParameters());
        List<String> problems = check(request.schema(), request.hyperParameters());
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        MultiLayerNetwork network = new UnfoldingNetwork(CnnNetworks.configuration(architecture, request.schema(),
                request.training(), request.seed(), request.hyperParameters().string(CnnHyperParameters.LOSS)));
        network.init();
        return strands(Dl4jModel.of(network, UnfoldingNetwork::new, request.schema(), CnnNetworks.LAYOUT, request.classWeights()),
                request.hyperParameters());
    }

    @Override
    public Model transfer(Model parent, ModelRequest request, Transfer transfer) {
        return strands(Dl4jModel.transfer(BothStrands.unwrap(parent), request, transfer,
                request.hyperParameters().string(CnnHyperParameters.LOSS)), request.hyperParameters());
    }

    @Override
    public Model load(Path directory, DatasetSchema schema, Parameters hyperParameters) throws IOException {
        return strands(CnnNetworks.load(directory, schema), hyperParameters);
    }

    private static boolean bothStrands(Parameters hyperParameters) {
        return hyperParameters.string(CnnHyperParameters.STRANDS).equals(CnnHyperParameters.BOTH);
    }

    private static Model strands(Dl4jModel network, Parameters hyperParameters) {
        FilterBankModel strand = new FilterBankModel(network);
        return bothStrands(hyperParameters) ? BothStrands.wrap(strand) : strand;
    }
}
