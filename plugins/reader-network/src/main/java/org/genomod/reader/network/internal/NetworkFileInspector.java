package org.genomod.reader.network.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.genomod.api.data.FileInspector;
import org.genomod.api.data.InspectionReport;
import org.genomod.api.train.Cancellation;
import org.genomod.reader.network.internal.ReaderOptions.EdgeKind;
import org.jgrapht.Graph;
import org.osgi.service.component.annotations.Component;

/**
 * Inspects network files as they are written: edge lists and SIF with their edges' directions as
 * stated (so {@code a b} and {@code b a} are two edges, reported as a reciprocal pair), GraphML as its
 * {@code edgedefault} says. Undeclared edge-list columns are profiled: a column of signs or numbers
 * with a stray value (a misspelt mode, a weight {@code n/a}) is an error.
 */
@Component(service = FileInspector.class, property = FileInspector.SERVICE_PROPERTY + "=network")
public final class NetworkFileInspector implements FileInspector {

    @Override
    public boolean accepts(Path file, byte[] head) {
        return InspectorAcceptance.accepts(file, head);
    }

    @Override
    public InspectionReport inspect(Path file, Path reference, Cancellation cancellation) throws IOException {
        NetworkFormat format = NetworkLoader.detect(file);
        Map<String, Object> facts = new LinkedHashMap<>();
        GraphBuilder builder;
        boolean weighted = false;
        switch (format) {
            case GRAPHML -> {
                GraphMlParser parser = new GraphMlParser(null, "weight", EdgeKind.WEIGHT, false, cancellation);
                GraphMlParser.Scan scan = parser.scan(file);
                builder = GraphBuilder.asStated(file, scan.directed());
                parser.parse(file, scan, builder);
                facts.put("directed", scan.directed());
            }
            case SIF -> {
                builder = GraphBuilder.asStated(file, true);
                SifParser parser = new SifParser(false, cancellation);
                try (LineSource lines = LineSource.open(file)) {
                    parser.parse(lines, builder);
                }
                facts.put("interactions", parser.types().entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()).toList());
            }
            default -> {
                builder = GraphBuilder.asStated(file, true);
                EdgeListParser.Layout layout;
                try (LineSource lines = LineSource.open(file)) {
                    layout = EdgeListParser.forInspection(cancellation).parse(lines, builder, true);
                }
                facts.put("columns", layout.fields());
                if (layout.header() != null) {
                    facts.put("header", layout.header());
                }
                for (ColumnProfile profile : layout.profiles()) {
                    String description = profile.describe();
                    if (description != null) {
                        facts.put("column " + profile.column(), description);
                    }
                }
                weighted = !layout.profiles().isEmpty() && layout.profiles().get(0).isNumeric();
            }
        }
        Graph<String, NetworkEdge> graph = builder.finish();
        GraphBuilder.Counts counts = builder.counts();
        long zeroWeight = weighted ? removeZeroWeightEdges(graph) : 0;
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("nodes", graph.vertexSet().size());
        summary.put("edges", graph.edgeSet().size());
        if (zeroWeight > 0) {
            summary.put("zero-weight pairs", zeroWeight);
        }
        summary.putAll(facts);
        summary.put("self-loops", builder.selfLoops().size());
        summary.put("duplicate edges", counts.duplicateRows);
        if (builder.directed()) {
            summary.put("reciprocal pairs", reciprocalPairs(graph));
        }
        List<Set<String>> components = GraphFilters.components(graph);
        summary.put("components", components.size());
        summary.put("largest component", components.isEmpty() ? 0 : components.get(0).size());
        summary.put("isolated nodes", graph.vertexSet().stream().filter(v -> graph.degreeOf(v) == 0).count());
        return new InspectionReport(format.id(), counts.rows, summary, List.of());
    }

    /**
     * Weight 0 means "no edge" (a gold standard lists its negatives so), as when the reader reads the
     * column as weights: such pairs and the nodes only they named are removed; returns the pairs.
     */
    private static long removeZeroWeightEdges(Graph<String, NetworkEdge> graph) {
        List<NetworkEdge> zero = graph.edgeSet().stream().filter(e -> graph.getEdgeWeight(e) == 0).toList();
        Set<String> touched = new java.util.HashSet<>();
        for (NetworkEdge e : zero) {
            touched.add(graph.getEdgeSource(e));
            touched.add(graph.getEdgeTarget(e));
        }
        graph.removeAllEdges(zero);
        graph.removeAllVertices(touched.stream().filter(v -> graph.degreeOf(v) == 0).toList());
        return zero.size();
    }

    /** Pairs of nodes linked in both directions (self-loops aside). */
    private static long reciprocalPairs(Graph<String, NetworkEdge> graph) {
        long both = 0;
        for (NetworkEdge e : graph.edgeSet()) {
            String s = graph.getEdgeSource(e);
            String t = graph.getEdgeTarget(e);
            if (s.compareTo(t) < 0 && graph.containsEdge(t, s)) {
                both++;
            }
        }
        return both;
    }
}
