package org.genomod.reader.network.internal;

import static org.genomod.reader.network.internal.Reads.entry;
import static org.genomod.reader.network.internal.Reads.features;
import static org.genomod.reader.network.internal.Reads.labels;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.genomod.api.compute.CsrMatrix;
import org.genomod.api.compute.SparseMatrices;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.InputFormatException;
import org.genomod.api.data.ReadContext;
import org.genomod.api.train.Cancellation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader's semantics on small networks whose every value is known. */
class ReaderBehaviourTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void undirectedAdjacencyIsSymmetricCsrWithSortedColumns() throws IOException {
        Path file = write("net.tsv", "b\tc\t2\na\tb\t0.5\nc\tc\t1\n");
        GraphNetwork n = Reads.network(file, "directed", false, "weight_column", 3);
        assertEquals(List.of("a", "b", "c"), n.nodes());
        CsrMatrix a = n.adjacency();
        assertArrayEquals(new int[] {0, 1, 3, 5}, a.rowPointers());
        assertArrayEquals(new int[] {1, 0, 2, 1, 2}, a.columnIndices());
        assertArrayEquals(new float[] {.5f, .5f, 2, 2, 1}, a.values());
        assertFalse(n.directed());
    }

    @Test
    void directedRowsAreSources() throws IOException {
        Path file = write("net.tsv", "c\ta\nb\ta\na\tc\n");
        GraphNetwork n = Reads.network(file, "directed", true);
        assertArrayEquals(new int[] {0, 1, 2, 3}, n.adjacency().rowPointers());
        assertArrayEquals(new int[] {2, 0, 0}, n.adjacency().columnIndices());
        assertTrue(n.directed());
    }

    @Test
    void nodeOrderDoesNotDependOnFileOrder() throws IOException {
        GraphNetwork one = Reads.network(write("one.tsv", "x\ty\ny\tz\nz\tw\nw\tx\n"), "directed", false);
        GraphNetwork two = Reads.network(write("two.tsv", "w\tx\nz\tw\nx\ty\ny\tz\n"), "directed", false);
        assertEquals(List.of("w", "x", "y", "z"), one.nodes());
        assertEquals(one.nodes(), two.nodes());
        assertArrayEquals(one.adjacency().columnIndices(), two.adjacency().columnIndices());
        float[] a = new float[4];
        float[] b = new float[4];
        one.features(2, a, 0);
        two.features(2, b, 0);
        assertArrayEquals(a, b);
    }

    @Test
    void selfLoopsAreKeptOnTheDiagonalOrDropped() throws IOException {
        Path file = write("loops.tsv", "a\ta\na\tb\nc\tc\n");
        GraphNetwork kept = Reads.network(file, "directed", true);
        assertEquals(List.of("a", "b", "c"), kept.nodes());
        assertEquals(1f, entry(kept, "a", "a"));
        Dataset dropped = Reads.predict(file, List.of("class"), "directed", true, "self_loops", "drop");
        // a dropped row names no node: c occurred only in its loop
        assertEquals(List.of("a", "b"), dropped.network().orElseThrow().nodes());
        assertEquals(2L, dropped.schema().attributes().get("self_loop_rows"));
        assertEquals(2L, dropped.schema().attributes().get("dropped_rows"));
        assertEquals(1, dropped.network().orElseThrow().adjacency().nonZeros());
    }

    @Test
    void duplicatesMergeToTheStrongestWeight() throws IOException {
        Path file = write("dup.tsv", "a\tb\t1\nb\ta\t-3\na\tb\t2\n");
        GraphNetwork undirected = Reads.network(file, "directed", false, "weight_column", 3);
        assertEquals(-3f, entry(undirected, "a", "b"));
        assertEquals(-3f, entry(undirected, "b", "a"));
        GraphNetwork directed = Reads.network(file, "directed", true, "weight_column", 3);
        assertEquals(2f, entry(directed, "a", "b"));
        assertEquals(-3f, entry(directed, "b", "a"));
    }

    @Test
    void signsMergeToTheirConsensus() throws IOException {
        Path file = write("signs.tsv", "tf\tg1\tActivation\ntf\tg1\tUnknown\n"
                + "tf\tg2\tactivation\ntf\tg2\tREPRESSION\n"
                + "tf\tg3\t-\ntf\tg3\t-1\n"
                + "tf\tg4\t?\n");
        GraphNetwork zero = Reads.network(file, "directed", true, "sign_column", 3);
        assertEquals(1f, entry(zero, "tf", "g1")); // a known sign outweighs an unknown one
        assertEquals(0f, entry(zero, "tf", "g2")); // conflicting: dual regulation
        assertEquals(-1f, entry(zero, "tf", "g3"));
        assertEquals(0f, entry(zero, "tf", "g4")); // unknown, kept as structure
        GraphNetwork drop = Reads.network(file, "directed", true, "sign_column", 3, "unknown_sign", "drop");
        assertEquals(List.of("g1", "g2", "g3", "tf"), drop.nodes());
        assertEquals(1f, entry(drop, "tf", "g1"));
    }

    @Test
    void zeroAndWeakWeightsAreNoEdges() throws IOException {
        Path file = write("w.tsv", "a\tb\t0.9\nb\tc\t0.1\nc\td\t0\nd\te\t-0.95\n");
        GraphNetwork all = Reads.network(file, "directed", true, "weight_column", 3);
        assertEquals(List.of("a", "b", "c", "d", "e"), all.nodes());
        assertEquals(3, all.adjacency().nonZeros());
        GraphNetwork strong = Reads.network(file, "directed", true, "weight_column", 3, "min_weight", 0.5);
        assertEquals(List.of("a", "b", "d", "e"), strong.nodes());
        assertEquals(-0.95f, entry(strong, "d", "e"));
    }

    @Test
    void largestComponentTiesGoToTheFirstName() throws IOException {
        GraphNetwork n = Reads.network(write("pairs.tsv", "y\tz\nc\td\na\tb\n"), "directed", true, "largest_component", true);
        assertEquals(List.of("a", "b"), n.nodes());
        GraphNetwork bigger = Reads.network(write("tri.tsv", "a\tb\nx\ty\ny\tz\n"), "directed", true, "largest_component", true);
        assertEquals(List.of("x", "y", "z"), bigger.nodes());
    }

    @Test
    void minDegreeIsOnePassBeforeTheComponentFilter() throws IOException {
        // path a-b-c-d-e with a loop on e and a reciprocal pair: degree counts distinct other neighbours
        Path file = write("path.tsv", "a\tb\nb\tc\nc\td\nd\te\ne\te\ne\td\n");
        GraphNetwork n = Reads.network(file, "directed", true, "min_degree", 2);
        assertEquals(List.of("b", "c", "d"), n.nodes()); // b and d keep degree 1 afterwards: not repeated
        Dataset largest = Reads.predict(file, List.of("class"), "directed", true, "min_degree", 2, "largest_component", true);
        assertEquals(2, largest.schema().attributes().get("removed_nodes"));
    }

    @Test
    void normalisedAdjacencyIsKipfWellingAndSafeForSigns() throws IOException {
        Path file = write("n.tsv", "a\tb\t1\nb\tc\t2\n");
        GraphNetwork weighted = Reads.network(file, "directed", false, "weight_column", 3);
        CsrMatrix expected = SparseMatrices.normalisedWithSelfLoops(weighted.adjacency());
        assertArrayEquals(expected.values(), weighted.normalisedAdjacency().values());
        // b: degree 1 + 1 + 2 = 4; (a, b) = 1 / sqrt(2 * 4)
        assertEquals(1 / Math.sqrt(8), entry(weighted.normalisedAdjacency(), 0, 1), 1e-6);

        Path signed = write("s.tsv", "a\tb\t-\na\tc\t-\na\td\t+\n");
        GraphNetwork s = Reads.network(signed, "directed", false, "sign_column", 3);
        // with signed degrees a would have 1 - 1 - 1 + 1 = 0 (a division by zero); with |A| it has 4
        assertArrayEquals(SparseMatrices.normalisedWithSelfLoops(s.adjacency()).values(), s.normalisedAdjacency().values());
        CsrMatrix m = s.normalisedAdjacency();
        assertEquals(1 / Math.sqrt(4 * 4), entry(m, 0, 0), 1e-6);
        assertEquals(-1 / Math.sqrt(4 * 2), entry(m, 0, 1), 1e-6);
        assertEquals(1 / Math.sqrt(4 * 2), entry(m, 0, 3), 1e-6);
        assertEquals(-1 / Math.sqrt(2 * 4), entry(m, 1, 0), 1e-6);
    }

    @Test
    void featureTableWithStructuralFeatures() throws IOException {
        Path net = write("net.tsv", "a\tb\nb\tc\n");
        Path table = write("features.csv", "gene,expr,methylation\nc,3,0.3\nb,2,0.2\na,1,0.1\nzz,9,9\n");
        Dataset data = Reads.predict(net, List.of("class"), "directed", false, "features_file", table.toString(),
                "structural_features", true);
        assertEquals("node-table+structural", data.schema().encoding());
        assertEquals(List.of("expr", "methylation", "log_degree", "clustering", "log_pagerank", "log_coreness"),
                data.schema().attributes().get("feature_names"));
        float[] b = features(data, 1);
        assertEquals("b", data.id(1));
        assertEquals(2f, b[0]);
        assertEquals(0.2f, b[1]);
        assertEquals((float) Math.log1p(2), b[2]);
        assertEquals(1L, data.schema().attributes().get("ignored_table_rows")); // zz is not in the network

        Path numeric = write("numeric.tsv", "a\t1\t2\nb\t3\t4\nc\t5\t6\n");
        Dataset plain = Reads.predict(net, List.of("class"), "directed", false, "features_file", numeric.toString());
        assertEquals("node-table", plain.schema().encoding());
        assertEquals(List.of(2), plain.schema().featureShape());
        assertEquals(List.of("f1", "f2"), plain.schema().attributes().get("feature_names"));
        assertArrayEquals(new float[] {5, 6}, features(plain, 2));
    }

    @Test
    void labelledNodesAreExamplesAndUnlabelledOnesStayInTheNetwork() throws IOException {
        Path net = write("net.tsv", "a\tb\nb\tc\nc\td\nd\ta\n");
        Path labels = write("labels.tsv", "d\tkinase\nb\tligand\nc\t\nzz\tkinase\n");
        Dataset data = Reads.train(net, "directed", false, "labels_file", labels.toString());
        assertEquals(List.of("a", "b", "c", "d"), data.network().orElseThrow().nodes());
        assertEquals(2, data.size());
        assertEquals("b", data.id(0)); // network order
        assertEquals("d", data.id(1));
        assertEquals(List.of("kinase", "ligand"), data.schema().outputs());
        assertArrayEquals(new float[] {0, 1}, labels(data, 0));
        assertArrayEquals(new float[] {1, 0}, labels(data, 1));
        assertEquals(2, data.schema().attributes().get("labelled_nodes"));
        // a subset (a split) still sees the whole network
        Dataset train = data.select(new int[] {1});
        assertEquals(4, train.network().orElseThrow().nodes().size());
        assertEquals(3, train.network().orElseThrow().index(train.id(0)));

        // with a model's outputs the model's order is kept, and a label it does not know is an error
        Dataset again = Reads.read(net, ReadContext.forPrediction(List.of("ligand", "kinase")), "directed", false,
                "labels_file", labels.toString());
        assertArrayEquals(new float[] {1, 0}, labels(again, 0));
        InputFormatException e = assertThrows(InputFormatException.class, () -> Reads.read(net,
                ReadContext.forPrediction(List.of("ligand", "receptor")), "directed", false, "labels_file", labels.toString()));
        assertTrue(e.getMessage().contains("label 'kinase' is not one of the model's outputs [ligand, receptor]"), e.getMessage());
    }

    @Test
    void predictionScoresEveryNodeWithTheTrainingFeatures() throws IOException {
        Path net = write("net.tsv", "a\tb\nb\tc\n");
        Path features = write("f.tsv", "a\t1\nb\t2\nc\t3\n");
        Path labels = write("labels.tsv", "a\tX\nb\tY\n");
        NetworkDataReader reader = new NetworkDataReader();
        Map<String, Object> training = new HashMap<>(Map.of("directed", false, "features_file", features.toString(),
                "labels_file", labels.toString(), "label_column", 2));
        Map<String, Object> prediction = reader.predictionParameters(training, net);
        assertEquals(Map.of("directed", false, "features_file", features.toString(), "path", net.toString()), prediction);

        Dataset data = Reads.predict(net, List.of("X", "Y"), "directed", false, "features_file", features.toString());
        assertFalse(data.labelled());
        assertEquals(3, data.size());
        assertEquals(List.of("X", "Y"), data.schema().outputs());
        assertArrayEquals(new float[] {0, 0}, labels(data, 2));

        Map<String, Object> raw = Map.of("path", net.toString(), "directed", false, "features_file", features.toString(),
                "labels_file", labels.toString());
        try {
            assertEquals(List.of(net, features, labels), reader.inputs(reader.parameters().validate(raw, dir)));
        } catch (org.genomod.api.param.ParameterException ex) {
            throw new AssertionError(ex);
        }
        InputFormatException e = assertThrows(InputFormatException.class, () -> Reads.read(net,
                ReadContext.forPrediction(List.of()), "directed", false));
        assertTrue(e.getMessage().contains("the outputs are unknown; give labels_file"), e.getMessage());
    }

    @Test
    void delimitersQuotesCommentsAndNamedColumns() throws IOException {
        Path csv = write("net.csv", "# exported by R\n\"from\",\"to\",\"score\"\n\"a\",\"b\",0.5\n\"b\",\"c\",1.5\n");
        GraphNetwork n = Reads.network(csv, "directed", true, "weight_column", "score", "source_column", "to",
                "target_column", "from");
        assertEquals(1.5f, entry(n, "c", "b"));
        Path spaces = write("net.txt", "  a   b\n\tb  c \n");
        assertEquals(List.of("a", "b", "c"), Reads.network(spaces, "directed", true).nodes());
        Path names = write("names.tsv", "gene A\tgene B\ngene B\tgene C\n");
        assertEquals(List.of("gene A", "gene B", "gene C"), Reads.network(names, "directed", true).nodes());
        Path forced = write("forced.tsv", "a b\nb c\n");
        assertEquals(3, Reads.network(forced, "directed", true, "delimiter", "whitespace").nodes().size());
        // header: false keeps a first line whose names occur nowhere else
        Path isolated = write("isolated.tsv", "p\tq\na\tb\nb\tc\n");
        assertEquals(3, Reads.network(isolated, "directed", true).nodes().size());
        assertEquals(5, Reads.network(isolated, "directed", true, "header", false).nodes().size());
    }

    @Test
    void sifLinesWithSeveralTargetsAndLoneNodes() throws IOException {
        Path sif = write("net.sif", "a pp b c\nd\nc pd a\n");
        GraphNetwork n = Reads.network(sif, "directed", true);
        assertEquals(List.of("a", "b", "c", "d"), n.nodes());
        assertEquals(3, n.adjacency().nonZeros());
        assertEquals(0, n.adjacency().rowPointers()[4] - n.adjacency().rowPointers()[3]); // d: no edges
        Path signed = write("signed.sif", "TF activates G1 G2\nTF inhibits G3\n");
        GraphNetwork s = Reads.network(signed, "directed", true, "sign_column", "type");
        assertEquals(1f, entry(s, "TF", "G2"));
        assertEquals(-1f, entry(s, "TF", "G3"));
        Path tabs = write("tabs.sif", "gene A\tpp\tgene B\n");
        assertEquals(List.of("gene A", "gene B"), Reads.network(tabs, "directed", false).nodes());
    }

    @Test
    void graphMlDirectionWeightsAndNames() throws IOException {
        Path file = write("net.graphml", BadInputTest.graphMl("directed",
                "<node id=\"n0\"><data key=\"n\">TP53</data></node><node id=\"n1\"><data key=\"n\">MDM2</data></node>"
                        + "<node id=\"n2\"><data key=\"n\">CDKN1A</data></node>"
                        + "<edge source=\"n0\" target=\"n1\"><data key=\"w\">0.9</data><data key=\"s\">Activation</data></edge>"
                        + "<edge source=\"n1\" target=\"n0\"><data key=\"w\">0.4</data><data key=\"s\">Repression</data></edge>"
                        + "<edge source=\"n0\" target=\"n2\"><data key=\"w\">0.7</data><data key=\"s\">+</data></edge>"));
        GraphNetwork ids = Reads.network(file);
        assertTrue(ids.directed());
        assertEquals(List.of("n0", "n1", "n2"), ids.nodes());
        GraphNetwork named = Reads.network(file, "name_attribute", "name", "weight_column", "weight");
        assertEquals(List.of("CDKN1A", "MDM2", "TP53"), named.nodes());
        assertEquals(0.9f, entry(named, "TP53", "MDM2"));
        assertEquals(0.4f, entry(named, "MDM2", "TP53"));
        GraphNetwork signed = Reads.network(file, "name_attribute", "name", "sign_column", "sign");
        assertEquals(-1f, entry(signed, "MDM2", "TP53"));
        GraphNetwork undirected = Reads.network(file, "name_attribute", "name", "weight_column", "weight", "directed", false);
        assertFalse(undirected.directed());
        assertEquals(0.9f, entry(undirected, "MDM2", "TP53")); // merged: the stronger of 0.9 and 0.4
    }

    @Test
    void graphMlDoesNotDependOnTheContextClassLoader() throws IOException {
        // In OSGi the thread's context loader sees neither jgrapht-io's resources nor the JDK's XML providers'.
        Path good = write("good.graphml", BadInputTest.graphMl("undirected", "<node id=\"a\"/><node id=\"b\"/>"
                + "<edge source=\"a\" target=\"b\"/>"));
        Path bad = write("bad.graphml", BadInputTest.graphMl("undirected", "<node id=\"a\"/><nod id=\"b\"/>"));
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(new ClassLoader(null) { });
        try {
            assertEquals(2, Reads.network(good).nodes().size());
            InputFormatException e = assertThrows(InputFormatException.class, () -> Reads.network(bad));
            assertTrue(e.getMessage().contains("has an unknown GraphML element <nod>"), e.getMessage());
            assertTrue(thread.getContextClassLoader().getParent() == null, "the context loader was not restored");
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Test
    void cancellationStopsTheRead() throws IOException {
        Path file = write("net.tsv", "a\tb\n".repeat(10));
        Cancellation cancelled = new Cancellation() {
            @Override public boolean isCancelled() { return true; }
            @Override public String reason() { return "user request"; }
        };
        CancellationException e = assertThrows(CancellationException.class,
                () -> Reads.read(file, new ReadContext(false, List.of("x"), cancelled), "directed", true));
        assertTrue(e.getMessage().contains("user request"), e.getMessage());
    }
}
