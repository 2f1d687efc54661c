package org.genomod.model.multimodal.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.model.Model;
import org.genomod.api.model.ModelFamily;
import org.genomod.api.model.ModelRequest;
import org.genomod.api.model.Transfer;
import org.genomod.api.param.ParameterSchema;
import org.genomod.api.param.Parameters;
import org.genomod.dl4j.Dl4jGraphModel;
import org.genomod.dl4j.OutputHead;
import org.osgi.service.component.annotations.Component;

/**
 * Multi-modal and multi-task networks: one branch per input of a joined dataset (genotypes and
 * covariates, sequence and expression), merged into shared layers, then one head per task with its own
 * weighted loss. A dataset of one input makes a single-branch network, so the family also serves
 * multi-task learning on one modality (several binary phenotypes of the same genotypes).
 */
@Component(service = ModelFamily.class, property = ModelFamily.SERVICE_PROPERTY + "=multimodal")
public final class MultimodalModelFamily implements ModelFamily {

    @Override
    public ParameterSchema hyperParameters() {
        return MultimodalHyperParameters.SCHEMA;
    }

    @Override
    public List<String> check(DatasetSchema schema, Parameters hyperParameters) {
        List<String> problems = new ArrayList<>();
        List<Segment> segments;
        try {
            segments = Segment.of(schema);
        } catch (IllegalArgumentException e) {
            return List.of(e.getMessage());
        }
        MultimodalHyperParameters.branches(hyperParameters, segments, problems);
        MultimodalHyperParameters.taskWeights(hyperParameters, Task.of(schema), problems);
        OutputHead.problem(schema.task(), hyperParameters.string(MultimodalHyperParameters.LOSS)).ifPresent(problems::add);
        return problems;
    }

    @Override
    public Model create(ModelRequest request) {
        List<String> problems = check(request.schema(), request.hyperParameters());
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        Architecture a = Architecture.of(request.schema(), request.hyperParameters());
        ComputationGraph graph = new ComputationGraph(MultimodalGraphs.configuration(a, request.schema(), request.training(), request.seed()));
        graph.init();
        return Dl4jGraphModel.of(graph, request.schema(), a.inputs(), a.outputs(), request.classWeights());
    }

    /** Fine-tunes a saved graph: see {@link GraphTransfer} for what is frozen and replaced. */
    @Override
    public Model transfer(Model parent, ModelRequest request, Transfer transfer) {
        return GraphTransfer.transfer(parent, request, transfer);
    }

    /** A fine-tuned model's hyper-parameters are its parent's, so their task weights may name the parent's tasks. */
    @Override
    public Model load(Path directory, DatasetSchema schema, Parameters hyperParameters) throws IOException {
        Architecture a = Architecture.of(schema, hyperParameters, true);
        return Dl4jGraphModel.load(directory, schema, a.inputs(), a.outputs());
    }
}
