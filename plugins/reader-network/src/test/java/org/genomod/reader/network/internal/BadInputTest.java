package org.genomod.reader.network.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.genomod.api.data.InputFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Every malformed input gives one InputFormatException: one line naming the file, the line and the problem. */
class BadInputTest {
    @TempDir
    Path dir;

    /** A GraphML document, one element per line: line 7 holds the body's first element. */
    static String graphMl(String edgedefault, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
                + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                + "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
                + "<key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
                + "<key id=\"s\" for=\"edge\" attr.name=\"sign\" attr.type=\"string\"/>\n"
                + "<key id=\"n\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
                + (edgedefault == null ? "<graph id=\"G\">\n" : "<graph id=\"G\" edgedefault=\"" + edgedefault + "\">\n")
                + body.replace("><", ">\n<") + "\n</graph>\n</graphml>\n";
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private Path gzip(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    /** Asserts the message reads {@code <file>:<line>: ...problem...} (or {@code <file>: ...} for line 0), on one line. */
    private static InputFormatException assertRejected(Path file, long line, String problem, Executable read) {
        InputFormatException e = assertThrows(InputFormatException.class, read);
        assertEquals(file, e.file(), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        String where = line > 0 ? file + ":" + line + ": " : file + ": ";
        assertTrue(e.getMessage().startsWith(where), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e;
    }

    private static Executable read(Path file, Object... keyValues) {
        return () -> Reads.network(file, keyValues);
    }

    private static Executable inspect(Path file) {
        return () -> Reads.inspect(file);
    }

    // ---- edge lists

    @Test
    void emptyAndHeaderOnlyFiles() throws IOException {
        Path empty = write("empty.tsv", "");
        assertRejected(empty, 0, "is empty", read(empty, "directed", true));
        assertRejected(empty, 0, "is empty", inspect(empty));
        Path blank = write("blank.tsv", "\n# only a comment\n\n");
        assertRejected(blank, 0, "is empty", read(blank, "directed", true));
        Path headerOnly = write("header.tsv", "source\ttarget\tweight\n");
        assertRejected(headerOnly, 1, "the only line was read as a header, so there are no edges; set header: false",
                read(headerOnly, "directed", true));
        assertRejected(headerOnly, 1, "the file has a header line but no edges",
                read(headerOnly, "directed", true, "header", true));
        assertRejected(headerOnly, 1, "the only line was read as a header", inspect(headerOnly));
    }

    @Test
    void raggedRows() throws IOException {
        Path ragged = write("ragged.tsv", "a\tb\t1\nb\tc\t2\nc\td\n");
        assertRejected(ragged, 3, "has 2 tab-separated fields, but line 1 has 3", read(ragged, "directed", true));
        assertRejected(ragged, 3, "has 2 tab-separated fields, but line 1 has 3", inspect(ragged));
        Path single = write("single.tsv", "a\nb\n");
        assertRejected(single, 1, "has 1 whitespace-separated field; an edge list needs a source and a target",
                read(single, "directed", true));
        Path emptyName = write("empty-name.csv", "a,b\n,c\n");
        assertRejected(emptyName, 2, "has an empty source node name", read(emptyName, "directed", true, "header", false));
    }

    @Test
    void unknownSignValues() throws IOException {
        Path signs = write("signs.tsv", "TF1\tG1\tActivation\t1\nTF1\tG2\tRepression\t2\nTF2\tG1\tActivaton\t3\n"
                + "TF2\tG3\tUnknown\t4\n");
        assertRejected(signs, 3, "sign 'Activaton' in column 3 is not one of Activation/Repression/Unknown",
                read(signs, "directed", true, "sign_column", 3));
        // the inspector, told nothing, sees a column of signs with one stray value
        assertRejected(signs, 3, "'Activaton' in column 3 is not a sign", inspect(signs));
        Path unknown = write("unknown.tsv", "TF1\tG1\t+\nTF1\tG2\t?\n");
        assertRejected(unknown, 2, "the edge TF1 -> G2 has an unknown sign; set unknown_sign: zero or drop",
                read(unknown, "directed", true, "sign_column", 3, "unknown_sign", "error"));
    }

    @Test
    void badWeights() throws IOException {
        Path weights = write("weights.tsv", "a\tb\t0.5\nb\tc\t1e-3\nc\td\tabc\nd\te\t2\n");
        assertRejected(weights, 3, "weight 'abc' in column 3 is not a finite number",
                read(weights, "directed", false, "weight_column", 3));
        assertRejected(weights, 3, "'abc' in column 3 is not a number, but 3 of the column's 4 values are", inspect(weights));
        for (String bad : new String[] {"NaN", "Infinity", "1e999", "0x10", "1.0f", "1,5", "--1", "."}) {
            Path file = write("bad-weight.tsv", "a\tb\t1\nb\tc\t" + bad + "\n");
            assertRejected(file, 2, "weight '" + bad + "' in column 3 is not a finite number",
                    read(file, "directed", false, "weight_column", 3));
        }
        // an undeclared header is detected when its words recur nowhere else
        Path header = write("header.tsv", "from\tto\tscore\na\tb\t1\nb\tc\t2\n");
        assertEquals(3, Reads.network(header, "directed", false, "weight_column", 3).nodes().size());
        // a first line whose nodes recur is data: a bad value there gets a hint, in case it was a header
        Path data = write("data.tsv", "a\tb\tstrong\nb\tc\t2\n");
        assertRejected(data, 1, "weight 'strong' in column 3 is not a finite number; if line 1 names the columns, "
                + "set header: true", read(data, "directed", false, "weight_column", 3));
    }

    @Test
    void columnsThatDoNotExist() throws IOException {
        Path file = write("net.tsv", "source\ttarget\tscore\na\tb\t1\nb\tc\t2\n");
        assertRejected(file, 0, "weight_column 5 does not exist: the lines have 3 fields",
                read(file, "directed", true, "weight_column", 5));
        assertRejected(file, 0, "weight_column 'weight' is not a column of the header: source, target, score",
                read(file, "directed", true, "weight_column", "weight"));
        assertRejected(file, 0, "source_column and target_column are the same column 1",
                read(file, "directed", true, "target_column", 1));
        assertRejected(file, 0, "header: false, but a column is given by name",
                read(file, "directed", true, "weight_column", "score", "header", false));
        assertRejected(file, 0, "give weight_column or sign_column, not both",
                read(file, "directed", true, "weight_column", 3, "sign_column", 3));
        assertRejected(file, 0, "columns count from 1", read(file, "directed", true, "weight_column", 0));
    }

    @Test
    void directionMustBeSaid() throws IOException {
        Path file = write("net.tsv", "a\tb\nb\tc\n");
        assertRejected(file, 0, "an edge list does not say whether its edges have a direction; set directed: true or false",
                read(file));
        Path sif = write("net.sif", "a pp b\n");
        assertRejected(sif, 0, "a SIF file does not say whether", read(sif));
    }

    @Test
    void duplicateEdgesWhenAskedToReject() throws IOException {
        Path file = write("dup.tsv", "a\tb\nb\tc\nb\ta\n");
        assertRejected(file, 3, "duplicate edge a -- b: stated on lines 1 and 3; set duplicate_edges: merge",
                read(file, "directed", false, "duplicate_edges", "error"));
        Reads.network(file, "directed", true, "duplicate_edges", "error"); // two directions are two edges
    }

    @Test
    void compressionErrors() throws IOException {
        Path notGzip = write("net.tsv.gz", "a\tb\n");
        assertRejected(notGzip, 0, "is named .gz but is not gzip-compressed", read(notGzip, "directed", true));
        assertRejected(notGzip, 0, "is named .gz but is not gzip-compressed", inspect(notGzip));
        Path whole = gzip("whole.tsv.gz", "a\tb\n".repeat(20000));
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = Files.write(dir.resolve("truncated.tsv.gz"), Arrays.copyOf(bytes, bytes.length / 2));
        assertRejected(truncated, 0, "gzip data is corrupt or truncated", read(truncated, "directed", true));
        Path broken = Files.write(dir.resolve("broken.tsv.gz"), new byte[] {0x1f, (byte) 0x8b, 1, 2, 3});
        assertRejected(broken, 0, "has a broken gzip header", read(broken, "directed", true));
    }

    // ---- SIF

    @Test
    void sifErrors() throws IOException {
        Path missingTarget = write("bad.sif", "a pp b\nc pp\n");
        assertRejected(missingTarget, 2, "has a node and an interaction type ('pp') but no target", read(missingTarget, "directed", false));
        assertRejected(missingTarget, 2, "but no target", inspect(missingTarget));
        Path types = write("types.sif", "a activates b\nb pp c\n");
        assertRejected(types, 2, "interaction type 'pp' is not a sign", read(types, "directed", true, "sign_column", 2));
        assertRejected(types, 0, "in SIF the sign is the interaction type: set sign_column: 2",
                read(types, "directed", true, "sign_column", 3));
        assertRejected(types, 0, "SIF has no weights", read(types, "directed", true, "weight_column", 3));
        assertRejected(types, 0, "name_attribute applies to GraphML only", read(types, "directed", true, "name_attribute", "x"));
    }

    // ---- GraphML

    @Test
    void graphMlSyntaxErrorsNameTheLine() throws IOException {
        Path unquoted = write("unquoted.graphml", graphMl("directed", "<node id=\"a\"/><node id=b/>"));
        assertRejected(unquoted, 8, "is not well-formed XML: Open quote is expected for attribute \"id\"", read(unquoted));
        assertRejected(unquoted, 8, "is not well-formed XML", inspect(unquoted));
        Path unclosed = write("unclosed.graphml", graphMl("directed", "<node id=\"a\"><data key=\"n\">x</node>"));
        assertRejected(unclosed, 8, "is not well-formed XML: The element type \"data\" must be terminated by the "
                + "matching end-tag \"</data>\"", read(unclosed));
        String whole = graphMl("directed", "<node id=\"a\"/><node id=\"b\"/>");
        Path truncated = write("truncated.graphml", whole.substring(0, whole.length() - 20));
        assertRejected(truncated, 9, "is not well-formed XML: XML document structures must start and end within the "
                + "same entity", read(truncated));
    }

    @Test
    void graphMlSchemaViolationsNameTheLine() throws IOException {
        Path misspelt = write("misspelt.graphml", graphMl("directed", "<node id=\"a\"/><nod id=\"b\"/>"));
        assertRejected(misspelt, 8, "has an unknown GraphML element <nod>", read(misspelt));
        Path noDefault = write("nodefault.graphml", graphMl(null, "<node id=\"a\"/>"));
        assertRejected(noDefault, 6, "the <graph> needs edgedefault=\"directed\" or \"undirected\"", read(noDefault));
        Path badDefault = write("baddefault.graphml", graphMl("both", "<node id=\"a\"/>"));
        assertRejected(badDefault, 6, "the <graph> needs edgedefault=\"directed\" or \"undirected\", not \"both\"",
                read(badDefault));
        Path duplicate = write("dup.graphml", graphMl("directed", "<node id=\"a\"/><node id=\"a\"/>"));
        assertRejected(duplicate, 8, "declares the node id 'a' twice (first on line 7)", read(duplicate));
        Path undeclared = write("undeclared.graphml", graphMl("directed", "<node id=\"a\"/><edge source=\"a\" target=\"z\"/>"));
        assertRejected(undeclared, 8, "an edge refers to the node 'z', which is not declared", read(undeclared));
        // GraphML allows nodes after the edges that use them
        Path later = write("later.graphml", graphMl("directed", "<edge source=\"a\" target=\"b\"/><node id=\"a\"/><node id=\"b\"/>"));
        assertEquals(1, Reads.network(later).adjacency().nonZeros());
        Path noId = write("noid.graphml", graphMl("directed", "<node/>"));
        assertRejected(noId, 7, "has a <node> without an id", read(noId));
        Path noTarget = write("notarget.graphml", graphMl("directed", "<node id=\"a\"/><edge source=\"a\"/>"));
        assertRejected(noTarget, 8, "has an <edge> without a target", read(noTarget));
        Path outside = write("outside.graphml", "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
                + "<node id=\"a\"/>\n<graph edgedefault=\"directed\"/>\n</graphml>\n");
        assertRejected(outside, 3, "has a <node> outside a <graph>", read(outside));
        Path foreign = write("foreign.graphml", graphMl("directed", "<node id=\"a\"><data key=\"n\">"
                + "<y:node xmlns:y=\"http://www.yworks.com/xml/graphml\"/></data></node>"));
        assertRejected(foreign, 9, "has an element <y:node> inside a <data>, which the GraphML importer would read as a "
                + "GraphML <node>", read(foreign));
        Path inData = write("indata.graphml", graphMl("directed", "<node id=\"a\"><data key=\"n\">"
                + "<edge source=\"a\" target=\"a\"/></data></node>"));
        assertRejected(inData, 9, "has an element <edge> inside a <data>", read(inData));
        Path foreignOutside = write("foreign-outside.graphml", graphMl("directed", "<node id=\"a\"/>"
                + "<y:graph xmlns:y=\"http://www.yworks.com/xml/graphml\"/>"));
        assertRejected(foreignOutside, 8, "has an element <y:graph> in another namespace", read(foreignOutside));
        // free-form content elsewhere (yEd's y:ShapeNode) is fine
        Path yed = write("yed.graphml", graphMl("directed", "<node id=\"a\"><data key=\"n\">"
                + "<y:ShapeNode xmlns:y=\"http://www.yworks.com/xml/graphml\"><y:NodeLabel>A</y:NodeLabel></y:ShapeNode>"
                + "</data></node><node id=\"b\"/><edge source=\"a\" target=\"b\"/>"));
        assertEquals(1, Reads.network(yed).adjacency().nonZeros());
        Path other = write("other.graphml", "<?xml version=\"1.0\"?>\n<network>\n</network>\n");
        assertRejected(other, 2, "is XML but not GraphML: the root element is <network>", read(other));
    }

    @Test
    void graphMlConstructsThatWouldBeMisread() throws IOException {
        Path doctype = write("doctype.graphml", "<?xml version=\"1.0\"?>\n<!DOCTYPE graphml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + graphMl("directed", "<node id=\"a\"/>").substring(39));
        assertRejected(doctype, 2, "has a DOCTYPE declaration", read(doctype));
        Path hyper = write("hyper.graphml", graphMl("undirected", "<node id=\"a\"/><node id=\"b\"/><node id=\"c\"/>"
                + "<hyperedge><endpoint node=\"a\"/><endpoint node=\"b\"/><endpoint node=\"c\"/></hyperedge>"));
        assertRejected(hyper, 10, "has a hyperedge; hyperedges are not supported", read(hyper));
        Path nested = write("nested.graphml", graphMl("directed", "<node id=\"a\"><graph id=\"g2\" edgedefault=\"directed\">"
                + "<node id=\"a1\"/></graph></node>"));
        assertRejected(nested, 8, "has a graph nested in a node; nested graphs are not supported", read(nested));
        Path mixed = write("mixed.graphml", graphMl("undirected", "<node id=\"a\"/><node id=\"b\"/>"
                + "<edge source=\"a\" target=\"b\" directed=\"true\"/>"));
        assertRejected(mixed, 9, "has an edge with directed=\"true\" in a graph whose edgedefault is undirected", read(mixed));
    }

    @Test
    void graphMlBadValuesNameTheEdgeLine() throws IOException {
        Path weights = write("weights.graphml", graphMl("directed", "<node id=\"a\"/><node id=\"b\"/><node id=\"c\"/>"
                + "<edge source=\"a\" target=\"b\"><data key=\"w\">1.5</data></edge>"
                + "<edge source=\"b\" target=\"c\"><data key=\"w\">heavy</data></edge>"));
        // line 13 is the second <edge> element
        assertRejected(weights, 13, "weight 'heavy' of the edge b - c is not a finite number",
                read(weights, "weight_column", "weight"));
        assertRejected(weights, 13, "weight 'heavy' of the edge b - c is not a finite number", inspect(weights));
        Path missing = write("missing.graphml", graphMl("directed", "<node id=\"a\"/><node id=\"b\"/>"
                + "<edge source=\"a\" target=\"b\"><data key=\"s\">+</data></edge>"));
        assertRejected(missing, 9, "the edge a - b has no weight attribute (it has: sign)", read(missing, "weight_column", "weight"));
        assertRejected(missing, 0, "give the attribute's name (attr.name), not column 3", read(missing, "weight_column", 3));
        Path names = write("names.graphml", graphMl("directed", "<node id=\"n0\"><data key=\"n\">TP53</data></node>"
                + "<node id=\"n1\"><data key=\"n\">TP53</data></node>"));
        assertRejected(names, 0, "nodes 'n0' and 'n1' have the same name 'TP53'", read(names, "name_attribute", "name"));
        Path unnamed = write("unnamed.graphml", graphMl("directed", "<node id=\"n0\"><data key=\"n\">TP53</data></node>"
                + "<node id=\"n1\"/>"));
        assertRejected(unnamed, 0, "node 'n1' has no name (name_attribute)", read(unnamed, "name_attribute", "name"));
    }

    // ---- side tables and parameters

    @Test
    void labelTables() throws IOException {
        Path net = write("net.tsv", "a\tb\nb\tc\nc\td\n");
        Path ragged = write("ragged-labels.tsv", "a\tX\nb\tY\textra\n");
        assertRejected(ragged, 2, "has 3 tab-separated fields, but line 1 has 2",
                () -> Reads.train(net, "directed", false, "labels_file", ragged.toString()));
        Path twice = write("twice.tsv", "a\tX\nb\tY\na\tY\n");
        assertRejected(twice, 3, "node 'a' has a second row (the first is line 1)",
                () -> Reads.train(net, "directed", false, "labels_file", twice.toString()));
        Path oneClass = write("one.tsv", "a\tX\nb\tX\n");
        assertRejected(oneClass, 0, "labels the network's nodes with 1 class (X); classification needs at least two",
                () -> Reads.train(net, "directed", false, "labels_file", oneClass.toString()));
        Path strangers = write("strangers.tsv", "x\tX\ny\tY\n");
        assertRejected(strangers, 0, "labels none of the 4 nodes of net.tsv",
                () -> Reads.train(net, "directed", false, "labels_file", strangers.toString()));
        Path labels = write("labels.tsv", "node\tclass\na\tX\nb\tY\n");
        assertRejected(labels, 0, "label_column 'kind' is not a column of the header: node, class",
                () -> Reads.train(net, "directed", false, "labels_file", labels.toString(), "label_column", "kind"));
        Path noHeader = write("noheader.tsv", "a\tX\nb\tY\n");
        assertRejected(noHeader, 0, "label_column 'class' needs a header line",
                () -> Reads.train(net, "directed", false, "labels_file", noHeader.toString(), "label_column", "class"));
        assertRejected(labels, 0, "label_column 1 is the node column",
                () -> Reads.train(net, "directed", false, "labels_file", labels.toString(), "label_column", 1));
        assertRejected(net, 0, "training node classification needs labels_file", () -> Reads.train(net, "directed", false));
    }

    @Test
    void featureTables() throws IOException {
        Path net = write("net.tsv", "a\tb\nb\tc\n");
        Path text = write("features.tsv", "node\tx\ty\na\t1\t2\nb\t3\tlots\nc\t5\t6\n");
        assertRejected(text, 3, "feature 2 of node 'b' is 'lots', not a finite number",
                () -> Reads.network(net, "directed", true, "features_file", text.toString()));
        Path missing = write("partial.tsv", "a\t1\nb\t2\n");
        assertRejected(missing, 0, "has no row for 1 of the network's 3 nodes, e.g. 'c'; every node needs features",
                () -> Reads.network(net, "directed", true, "features_file", missing.toString()));
        Path empty = write("empty.tsv", "");
        assertRejected(empty, 0, "is empty", () -> Reads.network(net, "directed", true, "features_file", empty.toString()));
        assertRejected(net, 0, "structural_features: false leaves the nodes without features",
                () -> Reads.network(net, "directed", true, "structural_features", false));
    }

    @Test
    void filtersThatLeaveNothing() throws IOException {
        Path net = write("net.tsv", "a\tb\t0\nb\tc\t0\n");
        assertRejected(net, 0, "has no nodes left after dropping 2 of 2 edge rows",
                read(net, "directed", true, "weight_column", 3));
        Path pair = write("pair.tsv", "a\tb\nc\td\n");
        assertRejected(pair, 0, "has no nodes left after min_degree 2", read(pair, "directed", true, "min_degree", 2));
    }
}
