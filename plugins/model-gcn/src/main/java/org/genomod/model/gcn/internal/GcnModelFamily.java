package org.genomod.model.gcn.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.genomod.api.compute.Accelerator;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.model.Model;
import org.genomod.api.model.ModelFamily;
import org.genomod.api.model.ModelRequest;
import org.genomod.api.model.Transfer;
import org.genomod.api.param.ParameterSchema;
import org.genomod.api.param.Parameters;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Kipf–Welling graph convolutional networks over the network the data lives on: node classification
 * (examples are nodes) or graph-signal classification (each example is a signal on all nodes, pooled).
 *
 * <p>The sparse propagation runs on the highest-ranking {@link Accelerator} service. The reference is
 * dynamic and greedy, so a better accelerator registered later (a GPU one) serves the models created after
 * it, without re-registering this family and disturbing the jobs that hold it.
 */
@Component(service = ModelFamily.class, property = ModelFamily.SERVICE_PROPERTY + "=gcn")
public final class GcnModelFamily implements ModelFamily {

    @Reference(target = "(" + Accelerator.SERVICE_PROPERTY + "=*)", policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Accelerator accelerator;

    /** For Declarative Services, which injects the accelerator. */
    public GcnModelFamily() {
    }

    /** For tests outside a framework. */
    GcnModelFamily(Accelerator accelerator) {
        this.accelerator = Objects.requireNonNull(accelerator, "accelerator");
    }

    @Override
    public ParameterSchema hyperParameters() {
        return GcnHyperParameters.SCHEMA;
    }

    @Override
    public List<String> check(DatasetSchema schema, Parameters hyperParameters) {
        return GcnHyperParameters.architecture(hyperParameters).problems(schema);
    }

    @Override
    public Model create(ModelRequest request) {
        GcnArchitecture architecture = GcnHyperParameters.architecture(request.hyperParameters());
        List<String> problems = architecture.problems(request.schema());
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return GcnModel.create(architecture, request.schema(), accelerator(), Optimisation.of(request.training()),
                request.classWeights(), request.seed());
    }

    /** Fine-tunes a saved network: see {@link GcnModel#transfer} for what is kept, frozen and replaced. */
    @Override
    public Model transfer(Model parent, ModelRequest request, Transfer transfer) {
        if (!(parent instanceof GcnModel source)) {
            throw new IllegalArgumentException("the parent model is not a graph convolutional network");
        }
        return GcnModel.transfer(source, GcnHyperParameters.architecture(request.hyperParameters()), request.schema(), accelerator(),
                Optimisation.of(request.training()), request.classWeights(), request.seed(), transfer);
    }

    @Override
    public Model load(Path directory, DatasetSchema schema, Parameters hyperParameters) throws IOException {
        return GcnModel.load(directory, GcnHyperParameters.architecture(hyperParameters), schema, accelerator());
    }

    private Accelerator accelerator() {
        Accelerator current = accelerator;
        if (current == null) {
            throw new IllegalStateException("no accelerator service is available for graph propagation");
        }
        return current;
    }
}
