package org.genomod.reader.network.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.genomod.api.data.InputFormatException;
import org.genomod.api.train.Cancellation;
import org.genomod.reader.network.internal.ReaderOptions.EdgeKind;
import org.jgrapht.alg.util.Pair;
import org.jgrapht.alg.util.Triple;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.ImportEvent;
import org.jgrapht.nio.ImportException;
import org.jgrapht.nio.graphml.GraphMLEventDrivenImporter;
import org.xml.sax.SAXParseException;

/**
 * GraphML through jgrapht-io's {@link GraphMLEventDrivenImporter}, which hands over nodes, edges and
 * their attributes. A streaming scan runs first and checks the document's structure with line numbers,
 * which the importer reports neither for its own errors nor for the edges it hands over. The scan is
 * also the validation: the importer's XML-schema validation is left off, because it grows faster than
 * the file (measured: 10,000 edges 2.2 s, 40,000 edges 15 s, 160,000 edges 107 s, against 0.08, 0.8 and
 * 2 s without it). The scan rejects what the importer would silently drop or misread (unknown GraphML
 * elements such as a misspelt {@code <nod>}, hyperedges, nested graphs, edges whose own {@code directed}
 * contradicts the graph's, foreign elements named like GraphML's) and what must not be read at all (a
 * DOCTYPE, whose external entities the importer's parser would resolve).
 */
final class GraphMlParser {
    private static final String NAMESPACE = "http://graphml.graphdrawing.org/xmlns";
    /** GraphML elements the importer understands; a {@code hyperedge} is GraphML but not supported. */
    private static final Set<String> ELEMENTS = Set.of("graphml", "key", "default", "desc", "data", "graph", "node",
            "edge", "port", "endpoint", "locator");
    /** Names the importer acts on whatever their namespace, so they may not appear in another one. */
    private static final Set<String> CLAIMED = Set.of("key", "default", "data", "graph", "node", "edge");

    /**
     * What the scan found.
     *
     * @param directed  the graph's {@code edgedefault}
     * @param edgeLines the line of each edge element, in document order
     */
    record Scan(boolean directed, Charset charset, int nodes, int edges, long[] edgeLines) {
        long line(int edge) {
            return edge < edges ? edgeLines[edge] : 0;
        }
    }

    private final String nameAttribute;
    private final String valueAttribute;
    private final EdgeKind kind;
    private final boolean valueRequired;
    private final Cancellation cancellation;

    /**
     * @param nameAttribute  node attribute holding names; {@code null} for the node ids
     * @param valueAttribute edge attribute holding the weight or sign; {@code null} for none
     * @param valueRequired  whether every edge must carry the value (reading) or only checked where present
     */
    GraphMlParser(String nameAttribute, String valueAttribute, EdgeKind kind, boolean valueRequired,
                  Cancellation cancellation) {
        this.nameAttribute = nameAttribute;
        this.valueAttribute = valueAttribute;
        this.kind = kind;
        this.valueRequired = valueRequired;
        this.cancellation = cancellation;
    }

    Scan scan(Path file) throws IOException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (InputStream in = LineSource.openStream(file)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            try {
                return new Structure(file, xml).scan();
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            throw new InputFormatException(file, Math.max(line, 0), "is not well-formed XML: " + message(e));
        }
    }

    /** One pass over the document's elements. */
    private final class Structure {
        private final Path file;
        private final XMLStreamReader xml;
        private final Deque<String> open = new ArrayDeque<>();
        private final Map<String, Long> nodeLines = new HashMap<>();
        /** Edge endpoints not declared (yet) when the edge was read: GraphML allows nodes after edges. */
        private final Map<String, Long> forward = new LinkedHashMap<>();
        private Boolean directed;
        private int edges;
        private long[] edgeLines = new long[1024];
        /** Depth inside a {@code data}, {@code default} or {@code desc} element, whose content is free. */
        private int free;

        Structure(Path file, XMLStreamReader xml) {
            this.file = file;
            this.xml = xml;
        }

        Scan scan() throws XMLStreamException, InputFormatException {
            Charset charset = charset(file, xml.getEncoding());
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    throw error("has a DOCTYPE declaration; GraphML needs none, and documents with one are not read "
                            + "(their entities could reach other files)");
                }
                if (event == XMLStreamConstants.END_ELEMENT) {
                    free = Math.max(0, free - 1);
                    open.pop();
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    element();
                }
            }
            if (directed == null) {
                throw new InputFormatException(file, 0, "is GraphML without a <graph> element");
            }
            for (Map.Entry<String, Long> ref : forward.entrySet()) {
                if (!nodeLines.containsKey(ref.getKey())) {
                    throw new InputFormatException(file, ref.getValue(), "an edge refers to the node '" + ref.getKey()
                            + "', which is not declared");
                }
            }
            return new Scan(directed, charset, nodeLines.size(), edges, edgeLines);
        }

        private void element() throws InputFormatException {
            String name = xml.getLocalName();
            String namespace = xml.getNamespaceURI();
            boolean graphMl = namespace == null || namespace.isEmpty() || namespace.equals(NAMESPACE);
            if (open.isEmpty() && !(graphMl && name.equals("graphml"))) {
                throw error("is XML but not GraphML: the root element is <" + xml.getName().getLocalPart() + ">, expected <graphml>");
            }
            String parent = open.peek();
            open.push(name);
            if (CLAIMED.contains(name) && (free > 0 || !graphMl)) {
                // the importer acts on these names wherever they are, whatever their namespace
                throw error("has an element <" + xml.getName().getPrefix() + (graphMl ? "" : ":") + name + "> "
                        + (free > 0 ? "inside a " + contentOf() : "in another namespace")
                        + ", which the GraphML importer would read as a GraphML <" + name + ">");
            }
            if (free > 0) {
                free++;
                return;
            }
            if (!graphMl) {
                return;
            }
            switch (name) {
                case "graph" -> graph(parent);
                case "node" -> node(parent);
                case "edge" -> edge(parent);
                case "data", "default", "desc" -> free = 1;
                case "hyperedge" -> throw error("has a hyperedge; hyperedges are not supported");
                default -> {
                    if (!ELEMENTS.contains(name)) {
                        throw error("has an unknown GraphML element <" + name + ">");
                    }
                }
            }
        }

        /** The innermost data, default or desc element being read. */
        private String contentOf() {
            for (String element : open) {
                if (element.equals("data") || element.equals("default") || element.equals("desc")) {
                    return "<" + element + ">";
                }
            }
            return "value";
        }

        private void graph(String parent) throws InputFormatException {
            if (!"graphml".equals(parent)) {
                throw error("has a graph nested in a " + parent + "; nested graphs are not supported");
            }
            if (directed != null) {
                throw error("has a second <graph>; one network per file");
            }
            String edgeDefault = xml.getAttributeValue(null, "edgedefault");
            if (!"directed".equals(edgeDefault) && !"undirected".equals(edgeDefault)) {
                throw error("the <graph> needs edgedefault=\"directed\" or \"undirected\""
                        + (edgeDefault == null ? "" : ", not \"" + edgeDefault + "\""));
            }
            directed = edgeDefault.equals("directed");
        }

        private void node(String parent) throws InputFormatException {
            if (!"graph".equals(parent)) {
                throw error("has a <node> outside a <graph>");
            }
            String id = xml.getAttributeValue(null, "id");
            if (id == null) {
                throw error("has a <node> without an id");
            }
            Long first = nodeLines.putIfAbsent(id, line(xml));
            if (first != null) {
                throw error("declares the node id '" + id + "' twice (first on line " + first + ")");
            }
        }

        private void edge(String parent) throws InputFormatException {
            if (!"graph".equals(parent)) {
                throw error("has an <edge> outside a <graph>");
            }
            long line = line(xml);
            for (String end : new String[] {"source", "target"}) {
                String id = xml.getAttributeValue(null, end);
                if (id == null) {
                    throw error("has an <edge> without a " + end);
                }
                if (!nodeLines.containsKey(id)) {
                    forward.putIfAbsent(id, line);
                }
            }
            String own = xml.getAttributeValue(null, "directed");
            if (own != null && Boolean.parseBoolean(own) != directed) {
                throw error("has an edge with directed=\"" + own + "\" in a graph whose edgedefault is "
                        + (directed ? "directed" : "undirected") + "; mixed graphs are not supported");
            }
            if (edges == edgeLines.length) {
                edgeLines = Arrays.copyOf(edgeLines, edges * 2);
            }
            edgeLines[edges++] = line;
            if (edges % EdgeListParser.CANCELLATION_INTERVAL == 0 && cancellation.isCancelled()) {
                throw new CancellationException("reading " + file + " was cancelled: " + cancellation.reason());
            }
        }

        private InputFormatException error(String problem) {
            return new InputFormatException(file, line(xml), problem);
        }
    }

    private static long line(XMLStreamReader xml) {
        return Math.max(xml.getLocation().getLineNumber(), 0);
    }

    private static Charset charset(Path file, String name) throws InputFormatException {
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw new InputFormatException(file, 1, "declares the unknown character encoding '" + name + "'");
        }
    }

    /** The parser's own words, without the JDK's "ParseError at [row,col]" preamble. */
    private static String message(XMLStreamException e) {
        String m = String.valueOf(e.getMessage());
        int at = m.indexOf("Message: ");
        return (at >= 0 ? m.substring(at + 9) : m).strip();
    }

    /** Imports the scanned file into {@code sink}: first every node, then every edge. */
    void parse(Path file, Scan scan, EdgeSink sink) throws IOException {
        GraphMLEventDrivenImporter importer = new GraphMLEventDrivenImporter();
        importer.setSchemaValidation(false); // see the class comment; the scan has checked the structure
        Events events = new Events(file, scan, sink);
        importer.addVertexConsumer(events::vertex);
        importer.addVertexAttributeConsumer(events::vertexAttribute);
        importer.addEdgeConsumer(events::edge);
        importer.addEdgeAttributeConsumer(events::edgeAttribute);
        importer.addImportEventConsumer(events::event);
        try (Reader in = new InputStreamReader(LineSource.openStream(file), scan.charset())) {
            importer.importInput(in);
        } catch (ImportException e) {
            throw translate(file, e);
        }
    }

    private static IOException translate(Path file, Throwable e) {
        Throwable deepest = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Abort abort) {
                return abort.error;
            }
            if (t instanceof CancellationException cancelled) {
                throw cancelled;
            }
            if (t instanceof SAXParseException sax) {
                return new InputFormatException(file, Math.max(sax.getLineNumber(), 0), "is not valid GraphML: "
                        + sax.getMessage());
            }
            deepest = t;
        }
        // the scan has ruled out what the importer checks itself; anything else is reported as it says
        return new InputFormatException(file, 0, "is not valid GraphML: " + deepest.getMessage());
    }

    /** Carries a checked error out of the importer's callbacks. */
    private static final class Abort extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient InputFormatException error;

        Abort(InputFormatException error) {
            super(error.getMessage(), null, false, false);
            this.error = error;
        }
    }

    /** The importer's callbacks: nodes (with attributes) all come first, then each edge and its attributes. */
    private final class Events {
        private final Path file;
        private final Scan scan;
        private final EdgeSink sink;
        private final Map<String, String> names = new LinkedHashMap<>();
        private boolean nodesDone;
        private Triple<String, String, Double> edge;
        private String value;
        private final List<String> edgeKeys = new ArrayList<>();
        private int edgeIndex = -1;

        Events(Path file, Scan scan, EdgeSink sink) {
            this.file = file;
            this.scan = scan;
            this.sink = sink;
        }

        void vertex(String id) {
            names.put(id, nameAttribute == null ? id : null);
        }

        void vertexAttribute(Pair<String, String> vertexAndKey, Attribute attribute) {
            if (vertexAndKey.getSecond().equals(nameAttribute)) {
                names.put(vertexAndKey.getFirst(), attribute.getValue().strip());
            }
        }

        void edge(Triple<String, String, Double> next) {
            finishNodes();
            finishEdge();
            edge = next;
            value = null;
            edgeKeys.clear();
            edgeIndex++;
            if (edgeIndex % EdgeListParser.CANCELLATION_INTERVAL == 0 && cancellation.isCancelled()) {
                throw new CancellationException("reading " + file + " was cancelled: " + cancellation.reason());
            }
        }

        void edgeAttribute(Pair<Triple<String, String, Double>, String> edgeAndKey, Attribute attribute) {
            if (edgeAndKey.getFirst() == edge) {
                edgeKeys.add(edgeAndKey.getSecond());
                if (edgeAndKey.getSecond().equals(valueAttribute)) {
                    value = attribute.getValue().strip();
                }
            }
        }

        void event(ImportEvent event) {
            if (event == ImportEvent.END) {
                finishNodes();
                finishEdge();
            }
        }

        private void finishNodes() {
            if (nodesDone) {
                return;
            }
            nodesDone = true;
            Map<String, String> idOfName = new HashMap<>();
            for (Map.Entry<String, String> node : names.entrySet()) {
                String name = node.getValue();
                if (name == null || name.isEmpty()) {
                    throw abort(0, "node '" + node.getKey() + "' has no " + nameAttribute + " (name_attribute)");
                }
                String other = idOfName.putIfAbsent(name, node.getKey());
                if (other != null) {
                    throw abort(0, "nodes '" + other + "' and '" + node.getKey() + "' have the same " + nameAttribute
                            + " '" + name + "'");
                }
                sink.node(name);
            }
        }

        private void finishEdge() {
            if (edge == null) {
                return;
            }
            long line = scan.line(edgeIndex);
            String source = names.get(edge.getFirst());
            String target = names.get(edge.getSecond());
            double weight = 1;
            int sign = EdgeValues.UNKNOWN;
            if (valueAttribute != null && value == null && valueRequired) {
                Set<String> keys = new TreeSet<>(edgeKeys);
                throw abort(line, "the edge " + source + " - " + target + " has no " + valueAttribute + " attribute"
                        + (keys.isEmpty() ? " (it has none)" : " (it has: " + String.join(", ", keys) + ")"));
            }
            if (value != null) {
                if (kind == EdgeKind.SIGN) {
                    sign = EdgeValues.sign(value);
                    if (sign == EdgeValues.INVALID) {
                        throw abort(line, "sign '" + value + "' of the edge " + source + " - " + target + " is not one of "
                                + EdgeValues.SIGN_WORDS);
                    }
                } else {
                    weight = EdgeValues.weight(value);
                    if (Double.isNaN(weight)) {
                        throw abort(line, valueAttribute + " '" + value + "' of the edge " + source + " - " + target
                                + " is not a finite number");
                    }
                }
            }
            edge = null;
            try {
                sink.edge(source, target, weight, sign, line);
            } catch (InputFormatException e) {
                throw new Abort(e);
            }
        }

        private Abort abort(long line, String problem) {
            return new Abort(new InputFormatException(file, line, problem));
        }
    }
}
