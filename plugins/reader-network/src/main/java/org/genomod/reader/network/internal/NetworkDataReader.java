package org.genomod.reader.network.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.genomod.api.compute.CsrMatrix;
import org.genomod.api.data.ArrayDataset;
import org.genomod.api.data.DataReader;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.InputFormatException;
import org.genomod.api.data.ReadContext;
import org.genomod.api.data.TaskType;
import org.genomod.api.param.ParameterSchema;
import org.genomod.api.param.Parameters;
import org.osgi.service.component.annotations.Component;

/**
 * Reads an interaction or regulatory network (edge list, SIF, GraphML) for node classification.
 *
 * <p>The dataset's {@link Dataset#network() network} holds every node that survived the filters, with
 * the adjacency and the feature row of each node, because graph convolution propagates over all of them.
 * The examples are the nodes that carry a label (training), or every node when there are no labels
 * (prediction); an example's id is its node name and {@code network().index(id)} its row, and its
 * features are that row. Unlabelled nodes therefore shape the predictions of their neighbours but are
 * never scored.
 */
@Component(service = DataReader.class, property = {
    DataReader.SERVICE_PROPERTY + "=network",
    DataReader.FORMATS_PROPERTY + "=edgelist",
    DataReader.FORMATS_PROPERTY + "=sif",
    DataReader.FORMATS_PROPERTY + "=graphml"})
public final class NetworkDataReader implements DataReader {

    @Override
    public ParameterSchema parameters() {
        return ReaderOptions.SCHEMA;
    }

    @Override
    public List<Path> inputs(Parameters parameters) {
        List<Path> inputs = new ArrayList<>(DataReader.super.inputs(parameters));
        for (String side : List.of(ReaderOptions.FEATURES_FILE, ReaderOptions.LABELS_FILE)) {
            if (parameters.has(side)) {
                inputs.add(parameters.path(side));
            }
        }
        return List.copyOf(inputs);
    }

    /** Prediction scores every node of the network, with the features training used; labels are not read. */
    @Override
    public Map<String, Object> predictionParameters(Map<String, Object> training, Path input) {
        Map<String, Object> parameters = DataReader.super.predictionParameters(training, input);
        parameters.remove(ReaderOptions.LABELS_FILE);
        parameters.remove(ReaderOptions.LABEL_COLUMN);
        return parameters;
    }

    @Override
    public Dataset read(Parameters parameters, ReadContext context) throws IOException {
        ReaderOptions options = ReaderOptions.of(parameters);
        if (options.labelsFile() == null && context.labelsRequired()) {
            throw new InputFormatException(options.path(), 0, "training node classification needs labels_file "
                    + "(node, label per line)");
        }
        if (options.labelsFile() == null && context.outputs().isEmpty()) {
            throw new InputFormatException(options.path(), 0, "without labels_file and without a trained model "
                    + "the outputs are unknown; give labels_file");
        }
        NetworkLoader.Loaded loaded = NetworkLoader.load(options, context.cancellation());
        List<String> nodes = GraphNetwork.order(loaded.graph());
        CsrMatrix adjacency = GraphNetwork.adjacency(loaded.graph(), loaded.directed(), nodes);
        NodeFeatures features = NodeFeatures.build(options, loaded, nodes, adjacency, context.cancellation());
        GraphNetwork network = GraphNetwork.of(adjacency, loaded.directed(), nodes, features.values(), features.names());

        Map<String, String> labels = Map.of();
        Map<String, Long> classes = Map.of();
        long ignoredLabelRows = 0;
        if (options.labelsFile() != null) {
            NodeTable table = NodeTable.read(options.labelsFile(), node -> network.index(node) >= 0, context.cancellation());
            int column = table.column(options.labelColumn(), ReaderOptions.LABEL_COLUMN);
            labels = new LinkedHashMap<>();
            classes = new TreeMap<>();
            for (String node : nodes) {
                String[] row = table.row(node);
                if (row != null && !row[column].isEmpty()) {
                    labels.put(node, row[column]);
                    classes.putIfAbsent(row[column], table.line(node));
                }
            }
            if (labels.isEmpty()) {
                throw new InputFormatException(options.labelsFile(), 0, "labels none of the " + nodes.size()
                        + " nodes of " + options.path().getFileName() + " (its first column must name them)");
            }
            ignoredLabelRows = table.ignoredRows();
        }
        LabelPlan plan = LabelPlan.resolve(classes, context.outputs(), options.labelsFile());
        boolean labelled = !labels.isEmpty();

        DatasetSchema schema = new DatasetSchema(List.of(features.names().size()), features.encoding(),
                TaskType.MULTICLASS, plan.outputs(), attributes(loaded, network, features, labels.size(), ignoredLabelRows,
                options));
        ArrayDataset.Builder dataset = ArrayDataset.builder(schema, labelled);
        float[] row = new float[network.featureSize()];
        for (String node : labelled ? labels.keySet() : nodes) {
            network.features(network.index(node), row, 0);
            dataset.add(node, null, row, labelled ? plan.labels(labels.get(node)) : null);
        }
        return dataset.network(network).build();
    }

    private static Map<String, Object> attributes(NetworkLoader.Loaded loaded, GraphNetwork network, NodeFeatures features,
                                                  int labelledNodes, long ignoredLabelRows, ReaderOptions options) {
        GraphBuilder.Counts counts = loaded.counts();
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("format", loaded.format().id());
        a.put("directed", loaded.directed());
        a.put("edge_values", options.edgeKind().name().toLowerCase(java.util.Locale.ROOT));
        a.put("node_order", "sorted");
        a.put("nodes", network.nodes().size());
        a.put("edges", loaded.graph().edgeSet().size());
        a.put("feature_names", features.names());
        a.put("labelled_nodes", labelledNodes);
        a.put("edge_rows", counts.rows);
        a.put("duplicate_rows", counts.duplicateRows);
        a.put("self_loop_rows", counts.selfLoopRows);
        a.put("dropped_rows", counts.droppedRows);
        a.put("conflicting_signs", counts.conflictingSigns);
        a.put("removed_nodes", loaded.removedByDegree() + loaded.removedByComponent());
        a.put("ignored_table_rows", features.ignoredRows() + ignoredLabelRows);
        return a;
    }
}
