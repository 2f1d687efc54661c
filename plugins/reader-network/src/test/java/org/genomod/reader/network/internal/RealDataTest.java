package org.genomod.reader.network.internal;

import static org.genomod.reader.network.internal.Reads.entry;
import static org.genomod.reader.network.internal.Reads.features;
import static org.genomod.reader.network.internal.Reads.labels;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.genomod.api.compute.CsrMatrix;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.Network;
import org.genomod.api.data.TaskType;
import org.genomod.testing.SharedData;
import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.ClusteringCoefficient;
import org.jgrapht.alg.scoring.Coreness;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleDirectedGraph;
import org.jgrapht.graph.SimpleGraph;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.graphml.GraphMLExporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads the real networks in ../shared/data (see its README). Counts were computed independently:
 * with awk/sort on the files (commands in the comments) and with networkx 3.6.1 for components,
 * clustering, PageRank and coreness.
 */
class RealDataTest {
    private static final String TRRUST_HUMAN = "trrust-v2/trrust_rawdata.human.tsv";
    private static final String TRRUST_MOUSE = "trrust-v2/trrust_rawdata.mouse.tsv";
    private static final String YEAST_EDGES = "yeast-ppi-vonmering2002/yeast_ppi_edges.tsv";
    private static final String YEAST_NODES = "yeast-ppi-vonmering2002/yeast_ppi_nodes.tsv";
    private static final String DREAM5 = "dream5-grn-goldstandards/";

    @TempDir
    Path dir;

    private static int count(CsrMatrix m, float value) {
        int n = 0;
        for (float v : m.values()) {
            n += v == value ? 1 : 0;
        }
        return n;
    }

    private static void assertSortedRows(CsrMatrix m) {
        for (int r = 0; r < m.rows(); r++) {
            for (int p = m.rowPointers()[r] + 1; p < m.rowPointers()[r + 1]; p++) {
                assertTrue(m.columnIndices()[p - 1] < m.columnIndices()[p], "row " + r + " is not sorted");
            }
        }
    }

    @Test
    void trrustHumanAsDirectedRegulatoryNetwork() throws IOException {
        GraphNetwork network = Reads.network(SharedData.file(TRRUST_HUMAN), "directed", true);
        // cut -f1,2 | tr '\t' '\n' | sort -u | wc -l -> 2862;  cut -f1,2 | sort -u | wc -l -> 8427
        assertEquals(2862, network.nodes().size());
        assertEquals(8427, network.adjacency().nonZeros());
        assertTrue(network.directed());
        // awk -F'\t' '$1==$2{print $1}' | sort -u | wc -l -> 24 autoregulating TFs, on the diagonal
        int diagonal = 0;
        for (int i = 0; i < network.nodes().size(); i++) {
            diagonal += Float.isNaN(entry(network.adjacency(), i, i)) ? 0 : 1;
        }
        assertEquals(24, diagonal);
        assertSortedRows(network.adjacency());
        // nodes in sorted order (LC_ALL=C sort): index(name) is the row
        List<String> nodes = network.nodes();
        for (int i = 1; i < nodes.size(); i++) {
            assertTrue(nodes.get(i - 1).compareTo(nodes.get(i)) < 0);
        }
        assertEquals(0, network.index(nodes.get(0)));
        assertEquals(-1, network.index("NOT_A_GENE"));
        // rows are sources: AATF regulates BAX (line 1), BAX does not regulate AATF
        assertEquals(1f, entry(network, "AATF", "BAX"));
        assertTrue(Float.isNaN(entry(network, "BAX", "AATF")));
        // awk -F'\t' '$1=="MYC"{print $2}' | sort -u | wc -l -> 100 targets
        int myc = network.index("MYC");
        assertEquals(100, network.adjacency().rowPointers()[myc + 1] - network.adjacency().rowPointers()[myc]);
    }

    @Test
    void trrustHumanDatasetRecordsHowRowsWereMerged() throws IOException {
        Dataset data = Reads.predict(SharedData.file(TRRUST_HUMAN), List.of("class"), "directed", true);
        Map<String, Object> a = data.schema().attributes();
        assertEquals(9396L, a.get("edge_rows")); // wc -l
        assertEquals(969L, a.get("duplicate_rows")); // 9396 - 8427 distinct (TF, target) pairs
        assertEquals(27L, a.get("self_loop_rows")); // awk -F'\t' '$1==$2' | wc -l
        assertEquals(0L, a.get("dropped_rows"));
        // prediction without labels: every node is an example, in network order
        assertEquals(2862, data.size());
        assertFalse(data.labelled());
        assertEquals(data.network().orElseThrow().nodes().get(17), data.id(17));
    }

    @Test
    void trrustHumanUndirectedMergesReciprocalRegulation() throws IOException {
        GraphNetwork network = Reads.network(SharedData.file(TRRUST_HUMAN), "directed", false);
        // awk '{if ($1<$2) print $1"\t"$2; else print $2"\t"$1}' | sort -u | wc -l -> 8324 pairs, 24 of them loops
        assertEquals(2 * (8324 - 24) + 24, network.adjacency().nonZeros());
        assertFalse(network.directed());
        CsrMatrix a = network.adjacency();
        for (int r = 0; r < a.rows(); r++) {
            for (int p = a.rowPointers()[r]; p < a.rowPointers()[r + 1]; p++) {
                assertEquals(a.values()[p], entry(a, a.columnIndices()[p], r), "not symmetric at row " + r);
            }
        }
    }

    @Test
    void trrustHumanSignedByModeOfRegulation() throws IOException {
        GraphNetwork network = Reads.network(SharedData.file(TRRUST_HUMAN), "directed", true, "sign_column", 3);
        // per (TF, target) pair, awk over the modes: 2937 only Activation, 1715 only Repression,
        // 207 both (conflicting -> 0), 3568 only Unknown (-> 0 with unknown_sign: zero)
        assertEquals(8427, network.adjacency().nonZeros());
        assertEquals(2937, count(network.adjacency(), 1f));
        assertEquals(1715, count(network.adjacency(), -1f));
        assertEquals(207 + 3568, count(network.adjacency(), 0f));
        assertEquals(-1f, entry(network, "AATF", "BAX")); // Repression
        assertEquals(1f, entry(network, "AATF", "MYC")); // Activation
        assertEquals(0f, entry(network, "AATF", "CDKN1A")); // Unknown
        assertEquals(0f, entry(network, "MYC", "CDKN1A")); // Activation, Repression and Unknown rows

        // the Kipf–Welling matrix of a signed network stays finite and keeps the signs
        CsrMatrix normalised = network.normalisedAdjacency();
        for (float v : normalised.values()) {
            assertTrue(Float.isFinite(v));
        }
        int aatf = network.index("AATF");
        assertTrue(entry(normalised, aatf, network.index("BAX")) < 0);
        assertTrue(entry(normalised, aatf, network.index("MYC")) > 0);
        assertTrue(entry(normalised, aatf, aatf) > 0);
    }

    @Test
    void trrustHumanSignedDroppingUnknownModes() throws IOException {
        Dataset data = Reads.predict(SharedData.file(TRRUST_HUMAN), List.of("class"), "directed", true,
                "sign_column", 3, "unknown_sign", "drop");
        Network network = data.network().orElseThrow();
        // awk -F'\t' '$3!="Unknown"{print $1; print $2}' | sort -u | wc -l -> 2072 nodes
        // awk -F'\t' '$3!="Unknown"{print $1"\t"$2}' | sort -u | wc -l -> 4859 edges
        assertEquals(2072, network.nodes().size());
        assertEquals(4859, network.adjacency().nonZeros());
        assertEquals(4325L, data.schema().attributes().get("dropped_rows")); // cut -f3 | grep -c Unknown
        assertEquals(207L, data.schema().attributes().get("conflicting_signs"));
        assertEquals("sign", data.schema().attributes().get("edge_values"));
    }

    @Test
    void trrustLargestComponent() throws IOException {
        // networkx: weakly connected components of the directed TRRUST graph, largest 2804 nodes, 8393 edges
        Dataset data = Reads.predict(SharedData.file(TRRUST_HUMAN), List.of("class"), "directed", true, "largest_component", true);
        Network network = data.network().orElseThrow();
        assertEquals(2804, network.nodes().size());
        assertEquals(8393, network.adjacency().nonZeros());
        assertEquals(2862 - 2804, data.schema().attributes().get("removed_nodes"));
        // mouse: 2456 nodes and 6490 edges (same awk commands); largest component 2403 nodes, 6462 edges
        GraphNetwork mouse = Reads.network(SharedData.file(TRRUST_MOUSE), "directed", true);
        assertEquals(2456, mouse.nodes().size());
        assertEquals(6490, mouse.adjacency().nonZeros());
        GraphNetwork mouseLargest = Reads.network(SharedData.file(TRRUST_MOUSE), "directed", true, "largest_component", true);
        assertEquals(2403, mouseLargest.nodes().size());
        assertEquals(6462, mouseLargest.adjacency().nonZeros());
    }

    @Test
    void trrustDirectedStructuralFeatures() throws IOException {
        GraphNetwork network = Reads.network(SharedData.file(TRRUST_HUMAN), "directed", true);
        assertEquals(StructuralFeatures.DIRECTED, network.featureNames());
        float[] myc = new float[network.featureSize()];
        network.features(network.index("MYC"), myc, 0);
        // networkx on the loop-free DiGraph: MYC in 74, out 100, n * PageRank 9.998270860, core number 11
        assertEquals(Math.log1p(74), myc[0], 1e-6);
        assertEquals(Math.log1p(100), myc[1], 1e-6);
        assertEquals(Math.log(9.998270860), myc[3], 1e-4);
        assertEquals(Math.log1p(11), myc[4], 1e-6);
        float[] aatf = new float[network.featureSize()];
        network.features(network.index("AATF"), aatf, 0);
        // AATF: in 0, out 5, n * PageRank 0.764300883 (a source: teleportation and dangling mass only), core 5
        assertEquals(0f, aatf[0]);
        assertEquals(Math.log1p(5), aatf[1], 1e-6);
        assertEquals(Math.log(0.764300883), aatf[3], 1e-4);
        assertEquals(Math.log1p(5), aatf[4], 1e-6);
    }

    @Test
    void yeastPpiNodeClassification() throws IOException {
        Dataset yeast = Reads.train(SharedData.file(YEAST_EDGES), "directed", false,
                "labels_file", SharedData.file(YEAST_NODES).toString());
        Network network = yeast.network().orElseThrow();
        // header line protein1/protein2/confidence detected: 2617 proteins, 11855 interactions (README;
        // tail -n +2 | cut -f1,2 | tr '\t' '\n' | sort -u | wc -l -> 2617)
        assertEquals(2617, network.nodes().size());
        assertEquals(2 * 11855, network.adjacency().nonZeros());
        // 13 MIPS classes; 40 proteins unlabelled (cut -f2 | sort | uniq -c) are in the network, not examples
        assertEquals(List.of("A", "B", "C", "D", "E", "F", "G", "M", "O", "P", "R", "T", "U"), yeast.schema().outputs());
        assertEquals(TaskType.MULTICLASS, yeast.schema().task());
        assertEquals(2577, yeast.size());
        assertTrue(yeast.labelled());
        assertEquals("node-structural", yeast.schema().encoding());
        assertEquals(List.of(4), yeast.schema().featureShape());
        Map<String, Integer> perClass = new HashMap<>();
        for (int i = 0; i < yeast.size(); i++) {
            float[] oneHot = labels(yeast, i);
            for (int c = 0; c < oneHot.length; c++) {
                if (oneHot[c] == 1f) {
                    perClass.merge(yeast.schema().outputs().get(c), 1, Integer::sum);
                }
            }
            assertNull(yeast.group(i));
            assertTrue(network.index(yeast.id(i)) >= 0);
        }
        assertEquals("{A=60, B=109, C=148, D=261, E=99, F=200, G=101, M=295, O=193, P=256, R=48, T=249, U=558}",
                new java.util.TreeMap<>(perClass).toString());
        // YLR197W T SIK1 (line 2 of the nodes table): its example's features are its network row
        int example = -1;
        for (int i = 0; i < yeast.size(); i++) {
            example = yeast.id(i).equals("YLR197W") ? i : example;
        }
        assertEquals(1694, network.index("YLR197W")); // tail -n +2 | cut -f1,2 | tr '\t' '\n' | sort -u | grep -n YLR197W
        assertEquals(1f, labels(yeast, example)[yeast.schema().outputs().indexOf("T")]);
        float[] row = new float[4];
        ((GraphNetwork) network).features(1694, row, 0);
        assertArrayEquals(row, features(yeast, example));
    }

    @Test
    void yeastStructuralFeaturesMatchNetworkx() throws IOException {
        GraphNetwork network = Reads.network(SharedData.file(YEAST_EDGES), "directed", false);
        assertEquals(StructuralFeatures.UNDIRECTED, network.featureNames());
        // networkx: degree, clustering, n * pagerank(alpha=0.85), core_number
        Object[][] expected = {
            {"Q0045", 14, 0.362637363, 1.427857537, 8},
            {"Q0085", 10, 0.866666667, 1.003876120, 10},
            {"YLR197W", 40, 0.483333333, 2.120626861, 19},
            {"YDL014W", 68, 0.317822651, 3.734222262, 20},
            {"YPR110C", 118, 0.359698682, 4.189236593, 40},
        };
        float[] row = new float[4];
        for (Object[] e : expected) {
            network.features(network.index((String) e[0]), row, 0);
            assertEquals(Math.log1p((Integer) e[1]), row[0], 1e-6, e[0] + " degree");
            assertEquals((Double) e[2], row[1], 1e-6, e[0] + " clustering");
            assertEquals(Math.log((Double) e[3]), row[2], 1e-4, e[0] + " pagerank");
            assertEquals(Math.log1p((Integer) e[4]), row[3], 1e-6, e[0] + " coreness");
        }
        assertEquals(0, network.index("Q0045"));
    }

    @Test
    void clusteringAndCorenessEqualJGraphTsOnEveryNode() throws IOException {
        for (Object[] network : new Object[][] {{YEAST_EDGES, false}, {TRRUST_HUMAN, true}}) {
            boolean directed = (Boolean) network[1];
            GraphNetwork n = Reads.network(SharedData.file((String) network[0]), "directed", directed);
            CsrMatrix a = n.adjacency();
            Graph<Integer, DefaultEdge> simple = directed ? new SimpleDirectedGraph<>(DefaultEdge.class)
                    : new SimpleGraph<>(DefaultEdge.class);
            Graph<Integer, DefaultEdge> undirected = new SimpleGraph<>(DefaultEdge.class);
            for (int r = 0; r < a.rows(); r++) {
                simple.addVertex(r);
                undirected.addVertex(r);
            }
            for (int r = 0; r < a.rows(); r++) {
                for (int p = a.rowPointers()[r]; p < a.rowPointers()[r + 1]; p++) {
                    if (a.columnIndices()[p] != r) {
                        simple.addEdge(r, a.columnIndices()[p]);
                        undirected.addEdge(r, a.columnIndices()[p]);
                    }
                }
            }
            Map<Integer, Double> clustering = new ClusteringCoefficient<>(simple).getScores();
            Map<Integer, Integer> coreness = new Coreness<>(undirected).getScores();
            StructuralFeatures.Neighbours neighbours = StructuralFeatures.Neighbours.of(a, directed);
            double[] ours = neighbours.clustering();
            int[] cores = neighbours.coreness();
            for (int v = 0; v < a.rows(); v++) {
                assertEquals(clustering.get(v), ours[v], 1e-12, network[0] + " clustering of " + n.nodes().get(v));
                assertEquals(coreness.get(v), cores[v], network[0] + " coreness of " + n.nodes().get(v));
                assertEquals(undirected.degreeOf(v), neighbours.degree(v));
            }
        }
    }

    @Test
    void yeastLargestComponentAndMinDegree() throws IOException {
        Dataset yeast = Reads.train(SharedData.file(YEAST_EDGES), "directed", false, "largest_component", true,
                "labels_file", SharedData.file(YEAST_NODES).toString(), "label_column", "class");
        Network network = yeast.network().orElseThrow();
        // networkx: 92 components, the largest 2375 proteins and 11693 interactions, 2336 of them labelled
        assertEquals(2375, network.nodes().size());
        assertEquals(2 * 11693, network.adjacency().nonZeros());
        assertEquals(2336, yeast.size());
        assertEquals(13, yeast.schema().outputs().size());
        // unlabelled and out-of-component proteins still have rows in the labels table: ignored, counted
        assertEquals(2617L - 2375, yeast.schema().attributes().get("ignored_table_rows"));

        // networkx: nodes with degree >= 2 -> 1923, and the edges among them 11224; >= 5 -> 1167 and 9590
        GraphNetwork two = Reads.network(SharedData.file(YEAST_EDGES), "directed", false, "min_degree", 2);
        assertEquals(1923, two.nodes().size());
        assertEquals(2 * 11224, two.adjacency().nonZeros());
        GraphNetwork five = Reads.network(SharedData.file(YEAST_EDGES), "directed", false, "min_degree", 5);
        assertEquals(1167, five.nodes().size());
        assertEquals(2 * 9590, five.adjacency().nonZeros());
    }

    @Test
    void yeastGraphMlRoundTripThroughJGraphT() throws IOException {
        // Export the TSV network with jgrapht-io's GraphMLExporter, read it back as GraphML: same network.
        Graph<String, DefaultEdge> graph = new SimpleGraph<>(DefaultEdge.class);
        List<String> lines = Files.readAllLines(SharedData.file(YEAST_EDGES));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            graph.addVertex(f[0]);
            graph.addVertex(f[1]);
            graph.addEdge(f[0], f[1]);
        }
        GraphMLExporter<String, DefaultEdge> exporter = new GraphMLExporter<>(v -> v);
        exporter.registerAttribute("name", GraphMLExporter.AttributeCategory.NODE, org.jgrapht.nio.AttributeType.STRING);
        exporter.setVertexAttributeProvider(v -> Map.of("name", DefaultAttribute.createAttribute(v)));
        Path graphml = dir.resolve("yeast.graphml");
        try (Writer out = Files.newBufferedWriter(graphml)) {
            exporter.exportGraph(graph, out);
        }
        GraphNetwork fromTsv = Reads.network(SharedData.file(YEAST_EDGES), "directed", false);
        GraphNetwork fromGraphMl = Reads.network(graphml, "name_attribute", "name");
        assertEquals("graphml", Reads.predict(graphml, List.of("class")).schema().attributes().get("format"));
        assertFalse(fromGraphMl.directed()); // edgedefault="undirected"
        assertEquals(fromTsv.nodes(), fromGraphMl.nodes());
        assertArrayEquals(fromTsv.adjacency().rowPointers(), fromGraphMl.adjacency().rowPointers());
        assertArrayEquals(fromTsv.adjacency().columnIndices(), fromGraphMl.adjacency().columnIndices());
    }

    @Test
    void dream5GoldStandardZeroRowsAreNotEdges() throws IOException {
        // The gold standard lists every scored pair, 1 for an edge and 0 for none (cut -f3 | sort | uniq -c:
        // 2066 ones, 150214 zeros); read with its weights it is the network of the edges file.
        Dataset gold = Reads.predict(SharedData.file(DREAM5 + "DREAM5_NetworkInference_GoldStandard_Network3.tsv.gz"),
                List.of("class"), "directed", true, "weight_column", 3);
        GraphNetwork edges = Reads.network(SharedData.file(DREAM5 + "DREAM5_NetworkInference_Edges_Network3.tsv"),
                "directed", true);
        Network network = gold.network().orElseThrow();
        // cut -f1,2 | tr '\t' '\n' | sort -u | wc -l -> 1081 genes; 2066 edges
        assertEquals(1081, network.nodes().size());
        assertEquals(2066, network.adjacency().nonZeros());
        assertEquals(150214L, gold.schema().attributes().get("dropped_rows"));
        assertEquals(edges.nodes(), network.nodes());
        assertArrayEquals(edges.adjacency().columnIndices(), network.adjacency().columnIndices());
        assertArrayEquals(edges.adjacency().values(), network.adjacency().values());
        // yeast (Network4): 1994 genes, 3940 edges
        GraphNetwork yeast = Reads.network(SharedData.file(DREAM5 + "DREAM5_NetworkInference_Edges_Network4.tsv"),
                "directed", true);
        assertEquals(1994, yeast.nodes().size());
        assertEquals(3940, yeast.adjacency().nonZeros());
    }
}
