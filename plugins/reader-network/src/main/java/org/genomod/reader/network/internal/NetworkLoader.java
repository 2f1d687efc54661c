package org.genomod.reader.network.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.genomod.api.data.InputFormatException;
import org.genomod.api.train.Cancellation;
import org.genomod.reader.network.internal.ReaderOptions.Column;
import org.genomod.reader.network.internal.ReaderOptions.EdgeKind;
import org.jgrapht.Graph;

/** Reads a network file as the reader's options say and applies the node filters. */
final class NetworkLoader {
    private static final int HEAD = 4096;

    /**
     * A network as read and filtered.
     *
     * @param removedByDegree    nodes removed by {@code min_degree}
     * @param removedByComponent nodes removed by {@code largest_component}
     */
    record Loaded(NetworkFormat format, boolean directed, Graph<String, NetworkEdge> graph, GraphBuilder.Counts counts,
                  int removedByDegree, int removedByComponent) {
    }

    private NetworkLoader() {
    }

    static NetworkFormat detect(Path path) throws IOException {
        try (InputStream in = LineSource.openStream(path)) {
            return NetworkFormat.detect(path, in.readNBytes(HEAD));
        }
    }

    static Loaded load(ReaderOptions options, Cancellation cancellation) throws IOException {
        Path path = options.path();
        NetworkFormat format = options.format() != null ? options.format() : detect(path);
        checkApplicable(options, format);
        GraphBuilder builder;
        switch (format) {
            case GRAPHML -> {
                Column value = options.edgeKind() == EdgeKind.SIGN ? options.signColumn() : options.weightColumn();
                GraphMlParser parser = new GraphMlParser(options.nameAttribute(), value == null ? null : value.name(),
                        options.edgeKind(), true, cancellation);
                GraphMlParser.Scan scan = parser.scan(path);
                builder = builder(options, options.directed() != null ? options.directed() : scan.directed());
                parser.parse(path, scan, builder);
            }
            case SIF -> {
                builder = builder(options, requireDirected(options, format));
                try (LineSource lines = LineSource.open(path)) {
                    new SifParser(options.edgeKind() == EdgeKind.SIGN, cancellation).parse(lines, builder);
                }
            }
            default -> {
                builder = builder(options, requireDirected(options, format));
                try (LineSource lines = LineSource.open(path)) {
                    new EdgeListParser(options, cancellation).parse(lines, builder, false);
                }
            }
        }
        Graph<String, NetworkEdge> graph = builder.finish();
        int removedByDegree = GraphFilters.removeBelowDegree(graph, options.minDegree());
        int removedByComponent = options.largestComponent() ? GraphFilters.keepLargestComponent(graph) : 0;
        if (graph.vertexSet().isEmpty()) {
            throw new InputFormatException(path, 0, builder.counts().rows == 0 ? "has no edges and no nodes"
                    : "has no nodes left after " + describeFilters(options, builder.counts()));
        }
        return new Loaded(format, builder.directed(), graph, builder.counts(), removedByDegree, removedByComponent);
    }

    private static GraphBuilder builder(ReaderOptions o, boolean directed) {
        return new GraphBuilder(o.path(), directed, o.edgeKind(), o.minWeight(), o.unknownSign(), o.mergeDuplicates(),
                o.keepSelfLoops());
    }

    private static boolean requireDirected(ReaderOptions options, NetworkFormat format) throws InputFormatException {
        if (options.directed() == null) {
            throw new InputFormatException(options.path(), 0, "a" + (format == NetworkFormat.SIF ? " SIF file" : "n edge list")
                    + " does not say whether its edges have a direction; set directed: true or false");
        }
        return options.directed();
    }

    private static void checkApplicable(ReaderOptions o, NetworkFormat format) throws InputFormatException {
        Path path = o.path();
        if (format != NetworkFormat.GRAPHML && o.nameAttribute() != null) {
            throw new InputFormatException(path, 0, "name_attribute applies to GraphML only, but the file is read as " + format.id());
        }
        switch (format) {
            case SIF -> {
                if (o.weightColumn() != null) {
                    throw new InputFormatException(path, 0, "SIF has no weights; drop weight_column");
                }
                Column sign = o.signColumn();
                if (sign != null && sign.number() != 2 && !"type".equalsIgnoreCase(sign.name())) {
                    throw new InputFormatException(path, 0, "in SIF the sign is the interaction type: set sign_column: 2 "
                            + "(or type), not " + sign.describe());
                }
            }
            case GRAPHML -> {
                for (Column c : new Column[] {o.weightColumn(), o.signColumn()}) {
                    if (c != null && c.name() == null) {
                        throw new InputFormatException(path, 0, "GraphML edge attributes have names, not numbers: "
                                + "give the attribute's name (attr.name), not column " + c.number());
                    }
                }
            }
            default -> { }
        }
    }

    private static String describeFilters(ReaderOptions o, GraphBuilder.Counts counts) {
        StringBuilder s = new StringBuilder();
        if (counts.droppedRows > 0) {
            s.append("dropping ").append(counts.droppedRows).append(" of ").append(counts.rows).append(" edge rows");
        }
        if (o.minDegree() > 0) {
            s.append(s.length() > 0 ? " and " : "").append("min_degree ").append(o.minDegree());
        }
        return s.length() > 0 ? s.toString() : "reading";
    }
}
