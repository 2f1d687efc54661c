package org.genomod.reader.network.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.Graphs;
import org.jgrapht.alg.connectivity.ConnectivityInspector;

/** The node filters of the reader, applied in place: {@code min_degree}, then {@code largest_component}. */
final class GraphFilters {
    private GraphFilters() {
    }

    /**
     * The number of distinct neighbours of {@code node} other than itself, in either direction: the
     * degree the filters and summaries use, which neither self-loops nor reciprocal edges inflate.
     */
    static <V, E> int neighbours(Graph<V, E> graph, V node) {
        Set<V> neighbours = Graphs.neighborSetOf(graph, node);
        return neighbours.size() - (neighbours.contains(node) ? 1 : 0);
    }

    /** Removes, in one pass, the nodes with fewer than {@code minDegree} neighbours; returns how many. */
    static <V, E> int removeBelowDegree(Graph<V, E> graph, int minDegree) {
        if (minDegree <= 0) {
            return 0;
        }
        List<V> low = new ArrayList<>();
        for (V v : graph.vertexSet()) {
            if (neighbours(graph, v) < minDegree) {
                low.add(v);
            }
        }
        graph.removeAllVertices(low);
        return low.size();
    }

    /**
     * The (weakly) connected components, largest first; among equally large ones, the one holding
     * the alphabetically first node comes first, so the choice does not depend on file order.
     */
    static List<Set<String>> components(Graph<String, ?> graph) {
        List<Set<String>> components = new ArrayList<>(new ConnectivityInspector<>(graph).connectedSets());
        components.sort(Comparator.<Set<String>>comparingInt(Set::size).reversed()
                .thenComparing(c -> c.stream().min(String::compareTo).orElse("")));
        return components;
    }

    /** Keeps only the largest component; returns the number of nodes removed. */
    static int keepLargestComponent(Graph<String, ?> graph) {
        List<Set<String>> components = components(graph);
        int removed = 0;
        for (int i = 1; i < components.size(); i++) {
            graph.removeAllVertices(components.get(i));
            removed += components.get(i).size();
        }
        return removed;
    }
}
