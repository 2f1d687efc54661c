package org.genomod.reader.network.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.genomod.api.data.InputFormatException;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultDirectedWeightedGraph;
import org.jgrapht.graph.DefaultUndirectedWeightedGraph;

/**
 * Collects parsed edges into a JGraphT graph with at most one edge per node pair (per ordered pair
 * when directed) and optional self-loops. The rules, applied row by row:
 * <ul>
 *   <li>a row that is dropped (self-loop with {@code self_loops: drop}, weight 0 or below
 *       {@code min_weight}, unknown sign with {@code unknown_sign: drop}) creates no node;</li>
 *   <li>a row stating an edge already seen is a duplicate: an error, or merged: the weight of larger
 *       magnitude is kept, and signs merge to their consensus (see {@link NetworkEdge});</li>
 *   <li>undirected, {@code a b} and {@code b a} are the same edge.</li>
 * </ul>
 */
final class GraphBuilder implements EdgeSink {
    private final Path file;
    private final boolean directed;
    private final ReaderOptions.EdgeKind kind;
    private final double minWeight;
    private final ReaderOptions.UnknownSign unknownSign;
    private final boolean mergeDuplicates;
    private final boolean keepSelfLoops;
    private final Graph<String, NetworkEdge> graph;
    /**
     * One instance per node name: each row brings new strings, and JGraphT looks every node up several
     * times per edge, which is much cheaper when equal names are the same object.
     */
    private final Map<String, String> names = new HashMap<>();
    private final Counts counts = new Counts();

    /** What the rows held and what became of them. */
    static final class Counts {
        long rows;
        long selfLoopRows;
        long duplicateRows;
        long zeroWeightRows;
        long belowMinWeightRows;
        long unknownSignRows;
        long droppedRows;
        long conflictingSigns;
    }

    GraphBuilder(Path file, boolean directed, ReaderOptions.EdgeKind kind, double minWeight,
                 ReaderOptions.UnknownSign unknownSign, boolean mergeDuplicates, boolean keepSelfLoops) {
        this.file = file;
        this.directed = directed;
        this.kind = kind;
        this.minWeight = minWeight;
        this.unknownSign = unknownSign;
        this.mergeDuplicates = mergeDuplicates;
        this.keepSelfLoops = keepSelfLoops;
        this.graph = directed ? new DefaultDirectedWeightedGraph<>(null, null) : new DefaultUndirectedWeightedGraph<>(null, null);
    }

    /** A builder that keeps every row as it is stated, for inspection. */
    static GraphBuilder asStated(Path file, boolean directed) {
        return new GraphBuilder(file, directed, ReaderOptions.EdgeKind.NONE, 0, ReaderOptions.UnknownSign.ZERO, true, true);
    }

    @Override
    public void node(String name) {
        graph.addVertex(canonical(name));
    }

    private String canonical(String name) {
        String first = names.putIfAbsent(name, name);
        return first == null ? name : first;
    }

    @Override
    public void edge(String source, String target, double weight, int sign, long line) throws InputFormatException {
        counts.rows++;
        boolean loop = source.equals(target);
        if (loop) {
            counts.selfLoopRows++;
            if (!keepSelfLoops) {
                counts.droppedRows++;
                return;
            }
        }
        if (kind == ReaderOptions.EdgeKind.WEIGHT && !keepsWeight(weight)) {
            counts.droppedRows++;
            return;
        }
        if (kind == ReaderOptions.EdgeKind.SIGN && sign == EdgeValues.UNKNOWN) {
            counts.unknownSignRows++;
            if (unknownSign == ReaderOptions.UnknownSign.ERROR) {
                throw error(line, "the edge " + describe(source, target)
                        + " has an unknown sign; set unknown_sign: zero or drop to read such edges");
            }
            if (unknownSign == ReaderOptions.UnknownSign.DROP) {
                counts.droppedRows++;
                return;
            }
        }
        source = canonical(source);
        target = canonical(target);
        graph.addVertex(source);
        graph.addVertex(target);
        NetworkEdge added = new NetworkEdge(line);
        if (graph.addEdge(source, target, added)) {
            added.state(sign);
            graph.setEdgeWeight(added, weight);
            return;
        }
        // addEdge refuses a second edge between the pair: a duplicate, rarer than a new edge
        NetworkEdge edge = graph.getEdge(source, target);
        counts.duplicateRows++;
        if (!mergeDuplicates) {
            // the later statement is the duplicate (a deferred first line may arrive last)
            long first = Math.min(line, edge.line());
            long second = Math.max(line, edge.line());
            throw error(second, "duplicate edge " + describe(source, target) + ": stated on lines " + first + " and "
                    + second + "; set duplicate_edges: merge to merge them");
        }
        if (Math.abs(weight) > Math.abs(graph.getEdgeWeight(edge))) {
            graph.setEdgeWeight(edge, weight);
        }
        edge.state(sign);
    }

    private boolean keepsWeight(double weight) {
        if (weight == 0) {
            counts.zeroWeightRows++;
            return false;
        }
        if (Math.abs(weight) < minWeight) {
            counts.belowMinWeightRows++;
            return false;
        }
        return true;
    }

    /** The graph; in a signed network each edge's weight is now its consensus sign. */
    Graph<String, NetworkEdge> finish() {
        if (kind == ReaderOptions.EdgeKind.SIGN) {
            for (NetworkEdge edge : graph.edgeSet()) {
                graph.setEdgeWeight(edge, edge.consensusSign());
                if (edge.conflicting()) {
                    counts.conflictingSigns++;
                }
            }
        }
        return graph;
    }

    Counts counts() {
        return counts;
    }

    Graph<String, NetworkEdge> graph() {
        return graph;
    }

    boolean directed() {
        return directed;
    }

    /** The self-loops of the graph, for summaries. */
    List<NetworkEdge> selfLoops() {
        List<NetworkEdge> loops = new ArrayList<>();
        for (NetworkEdge e : graph.edgeSet()) {
            if (graph.getEdgeSource(e).equals(graph.getEdgeTarget(e))) {
                loops.add(e);
            }
        }
        return loops;
    }

    String describe(String source, String target) {
        return source + (directed ? " -> " : " -- ") + target;
    }

    private InputFormatException error(long line, String problem) {
        return new InputFormatException(file, line, problem);
    }
}
