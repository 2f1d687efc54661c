package org.genomod.reader.network.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.genomod.api.compute.CsrMatrix;
import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.ClusteringCoefficient;
import org.jgrapht.alg.scoring.Coreness;
import org.jgrapht.alg.scoring.PageRank;
import org.jgrapht.graph.AsUnweightedGraph;
import org.jgrapht.graph.MaskSubgraph;

/**
 * Node features computed from the network alone, for networks without a feature table. They are taken
 * on the simple, unweighted graph (self-loops and weights ignored), and counts are log-scaled so that
 * hubs do not dominate a network's inputs:
 * <ul>
 *   <li>{@code log_degree} = ln(1 + neighbours), or {@code log_in_degree} and {@code log_out_degree}
 *       when directed;</li>
 *   <li>{@code clustering}: the local clustering coefficient as JGraphT's {@link ClusteringCoefficient}
 *       defines it: linked ordered pairs of neighbours over k(k-1), k the number of neighbours in
 *       either direction;</li>
 *   <li>{@code log_pagerank} = ln(n &times; PageRank), damping 0.85, by JGraphT's {@link PageRank};
 *       0 for an average node;</li>
 *   <li>{@code log_coreness} = ln(1 + k-core number) of the undirected graph, as JGraphT's {@link Coreness}.</li>
 * </ul>
 * Clustering and coreness are computed here on the adjacency arrays, with the same results as JGraphT's
 * classes (the tests compare them), because those cost O(sum of squared degrees) and grow worse than
 * linearly with hubs: on a 200,000-edge network with hubs they took seconds where these take
 * milliseconds. Identity (one-hot) features are not offered: they grow with the network and cannot
 * carry over to unseen nodes.
 */
final class StructuralFeatures {
    static final List<String> UNDIRECTED = List.of("log_degree", "clustering", "log_pagerank", "log_coreness");
    static final List<String> DIRECTED = List.of("log_in_degree", "log_out_degree", "clustering", "log_pagerank", "log_coreness");
    private static final double DAMPING = 0.85;
    private static final int MAX_ITERATIONS = 1000;
    private static final double TOLERANCE = 1e-10;

    private StructuralFeatures() {
    }

    static List<String> names(boolean directed) {
        return directed ? DIRECTED : UNDIRECTED;
    }

    /**
     * Writes the features of every node, row-major in {@code adjacency}'s node order.
     *
     * @param nodes     the node names of {@code adjacency}'s rows
     * @param offset    column of the first structural feature within a row
     * @param columns   values per row
     */
    static <E> void compute(Graph<String, E> graph, CsrMatrix adjacency, boolean directed, List<String> nodes,
                            float[] dest, int offset, int columns) {
        Neighbours neighbours = Neighbours.of(adjacency, directed);
        double[] clustering = neighbours.clustering();
        int[] coreness = neighbours.coreness();
        Graph<String, E> loopFree = new MaskSubgraph<>(graph, v -> false,
                e -> graph.getEdgeSource(e).equals(graph.getEdgeTarget(e)));
        Map<String, Double> pageRank = new PageRank<>(new AsUnweightedGraph<>(loopFree), DAMPING, MAX_ITERATIONS, TOLERANCE)
                .getScores();
        int[] inDegree = directed ? neighbours.inDegrees(adjacency) : null;
        double n = nodes.size();
        for (int i = 0; i < nodes.size(); i++) {
            int k = i * columns + offset;
            if (directed) {
                dest[k++] = (float) Math.log1p(inDegree[i]);
                dest[k++] = (float) Math.log1p(outDegree(adjacency, i));
            } else {
                dest[k++] = (float) Math.log1p(neighbours.degree(i));
            }
            dest[k++] = (float) clustering[i];
            dest[k++] = (float) Math.log(n * pageRank.get(nodes.get(i)));
            dest[k] = (float) Math.log1p(coreness[i]);
        }
    }

    private static int outDegree(CsrMatrix a, int row) {
        int degree = 0;
        for (int p = a.rowPointers()[row]; p < a.rowPointers()[row + 1]; p++) {
            degree += a.columnIndices()[p] != row ? 1 : 0;
        }
        return degree;
    }

    /**
     * The simple undirected graph under an adjacency, as sorted neighbour lists without self-loops; each
     * entry remembers how many directed arcs link the pair (1 or 2; 2 for every pair of an undirected
     * network, as both orders of the pair are linked).
     */
    static final class Neighbours {
        private final int[] pointers;
        private final int[] columns;
        private final byte[] arcs;

        private Neighbours(int[] pointers, int[] columns, byte[] arcs) {
            this.pointers = pointers;
            this.columns = columns;
            this.arcs = arcs;
        }

        static Neighbours of(CsrMatrix a, boolean directed) {
            int n = a.rows();
            CsrMatrix t = directed ? transpose(a) : a;
            int[] pointers = new int[n + 1];
            int[] columns = new int[a.nonZeros() + t.nonZeros()];
            byte[] arcs = new byte[columns.length];
            int k = 0;
            for (int r = 0; r < n; r++) {
                pointers[r] = k;
                // merge the row (successors) with the transposed row (predecessors), both sorted
                int p = a.rowPointers()[r];
                int pEnd = a.rowPointers()[r + 1];
                int q = directed ? t.rowPointers()[r] : 0;
                int qEnd = directed ? t.rowPointers()[r + 1] : 0;
                while (p < pEnd || q < qEnd) {
                    int cp = p < pEnd ? a.columnIndices()[p] : Integer.MAX_VALUE;
                    int cq = q < qEnd ? t.columnIndices()[q] : Integer.MAX_VALUE;
                    int c = Math.min(cp, cq);
                    int linked = (cp == c ? 1 : 0) + (cq == c ? 1 : 0);
                    p += cp == c ? 1 : 0;
                    q += cq == c ? 1 : 0;
                    if (c != r) {
                        columns[k] = c;
                        arcs[k++] = (byte) (directed ? linked : 2);
                    }
                }
            }
            pointers[n] = k;
            return new Neighbours(pointers, Arrays.copyOf(columns, k), Arrays.copyOf(arcs, k));
        }

        int degree(int node) {
            return pointers[node + 1] - pointers[node];
        }

        /** In-degrees without self-loops: entries per column of the adjacency. */
        int[] inDegrees(CsrMatrix a) {
            int[] in = new int[a.rows()];
            for (int r = 0; r < a.rows(); r++) {
                for (int p = a.rowPointers()[r]; p < a.rowPointers()[r + 1]; p++) {
                    int c = a.columnIndices()[p];
                    in[c] += c != r ? 1 : 0;
                }
            }
            return in;
        }

        /**
         * Local clustering by listing each triangle once (the "forward" algorithm: edges point from lower
         * to higher (degree, index) rank; O(m^1.5)). A triangle adds to each of its corners the arcs of
         * the opposite side.
         */
        double[] clustering() {
            int n = pointers.length - 1;
            Integer[] byRank = new Integer[n];
            for (int i = 0; i < n; i++) {
                byRank[i] = i;
            }
            Arrays.sort(byRank, (x, y) -> degree(x) != degree(y) ? Integer.compare(degree(x), degree(y)) : Integer.compare(x, y));
            int[] rank = new int[n];
            for (int i = 0; i < n; i++) {
                rank[byRank[i]] = i;
            }
            int[] forward = new int[n + 1];
            int[] forwardColumns = new int[columns.length / 2 + 1];
            byte[] forwardArcs = new byte[forwardColumns.length];
            int k = 0;
            for (int u = 0; u < n; u++) {
                forward[u] = k;
                for (int p = pointers[u]; p < pointers[u + 1]; p++) {
                    if (rank[columns[p]] > rank[u]) {
                        forwardColumns[k] = columns[p];
                        forwardArcs[k++] = arcs[p];
                    }
                }
            }
            forward[n] = k;
            long[] linkedPairs = new long[n];
            byte[] mark = new byte[n];
            for (int u = 0; u < n; u++) {
                for (int p = forward[u]; p < forward[u + 1]; p++) {
                    mark[forwardColumns[p]] = forwardArcs[p];
                }
                for (int p = forward[u]; p < forward[u + 1]; p++) {
                    int v = forwardColumns[p];
                    for (int q = forward[v]; q < forward[v + 1]; q++) {
                        int w = forwardColumns[q];
                        if (mark[w] != 0) {
                            linkedPairs[u] += forwardArcs[q];
                            linkedPairs[v] += mark[w];
                            linkedPairs[w] += forwardArcs[p];
                        }
                    }
                }
                for (int p = forward[u]; p < forward[u + 1]; p++) {
                    mark[forwardColumns[p]] = 0;
                }
            }
            double[] clustering = new double[n];
            for (int v = 0; v < n; v++) {
                double d = degree(v);
                clustering[v] = d <= 1 ? 0 : linkedPairs[v] / (d * (d - 1));
            }
            return clustering;
        }

        /** k-core numbers by Batagelj and Zaversnik's bucket algorithm, O(n + m). */
        int[] coreness() {
            int n = pointers.length - 1;
            int[] degree = new int[n];
            int max = 0;
            for (int v = 0; v < n; v++) {
                degree[v] = degree(v);
                max = Math.max(max, degree[v]);
            }
            int[] binStart = new int[max + 2];
            for (int v = 0; v < n; v++) {
                binStart[degree[v] + 1]++;
            }
            for (int d = 1; d <= max + 1; d++) {
                binStart[d] += binStart[d - 1];
            }
            int[] order = new int[n];
            int[] position = new int[n];
            int[] next = Arrays.copyOf(binStart, max + 1);
            for (int v = 0; v < n; v++) {
                position[v] = next[degree[v]]++;
                order[position[v]] = v;
            }
            for (int i = 0; i < n; i++) {
                int v = order[i];
                for (int p = pointers[v]; p < pointers[v + 1]; p++) {
                    int u = columns[p];
                    if (degree[u] > degree[v]) {
                        // move u to the front of its bin, then shrink its degree by one
                        int du = degree[u];
                        int front = binStart[du];
                        int w = order[front];
                        if (w != u) {
                            order[position[u]] = w;
                            position[w] = position[u];
                            order[front] = u;
                            position[u] = front;
                        }
                        binStart[du]++;
                        degree[u]--;
                    }
                }
            }
            return degree;
        }

        private static CsrMatrix transpose(CsrMatrix a) {
            int n = a.rows();
            int[] pointers = new int[n + 1];
            for (int c : a.columnIndices()) {
                pointers[c + 1]++;
            }
            for (int i = 0; i < n; i++) {
                pointers[i + 1] += pointers[i];
            }
            int[] next = Arrays.copyOf(pointers, n);
            int[] columns = new int[a.nonZeros()];
            for (int r = 0; r < n; r++) {
                for (int p = a.rowPointers()[r]; p < a.rowPointers()[r + 1]; p++) {
                    columns[next[a.columnIndices()[p]]++] = r; // rows ascend, so each column list is sorted
                }
            }
            return new CsrMatrix(n, n, pointers, columns, new float[columns.length]);
        }
    }
}
