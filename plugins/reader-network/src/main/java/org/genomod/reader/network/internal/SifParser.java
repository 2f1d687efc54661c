package org.genomod.reader.network.internal;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import org.genomod.api.train.Cancellation;

/**
 * Cytoscape's Simple Interaction Format: {@code source type target [target ...]} per line, or a single
 * node name for a node without edges. As in Cytoscape, fields are tab-separated when the first line has a
 * tab (so names may contain spaces), otherwise separated by whitespace. The interaction type
 * ({@code pp}, {@code pd}, {@code activates}) is read as the edge's sign when the network is signed.
 */
final class SifParser {
    private final boolean signed;
    private final Cancellation cancellation;
    private final Map<String, Long> types = new TreeMap<>();
    private long lineCount;

    SifParser(boolean signed, Cancellation cancellation) {
        this.signed = signed;
        this.cancellation = cancellation;
    }

    void parse(LineSource lines, EdgeSink sink) throws IOException {
        FieldSplitter splitter = null;
        for (String line = lines.nextLine(); line != null; line = lines.nextLine()) {
            if (lineCount++ % EdgeListParser.CANCELLATION_INTERVAL == 0 && cancellation.isCancelled()) {
                throw new CancellationException("reading " + lines.path() + " was cancelled: " + cancellation.reason());
            }
            if (splitter == null) {
                splitter = new FieldSplitter(line.indexOf('\t') >= 0 ? FieldSplitter.Delimiter.TAB : FieldSplitter.Delimiter.WHITESPACE);
            }
            int count = splitter.split(line);
            long number = lines.lineNumber();
            String source = splitter.field(0);
            if (source.isEmpty()) {
                throw lines.error(number, "has an empty source node name");
            }
            if (count == 1) {
                sink.node(source);
                continue;
            }
            if (count == 2) {
                throw lines.error(number, "has a node and an interaction type ('" + splitter.field(1)
                        + "') but no target; a SIF line is 'source type target...' or a lone node");
            }
            String type = splitter.field(1);
            if (type.isEmpty()) {
                throw lines.error(number, "has an empty interaction type");
            }
            types.merge(type, (long) (count - 2), Long::sum);
            int sign = EdgeValues.UNKNOWN;
            if (signed) {
                sign = EdgeValues.sign(type);
                if (sign == EdgeValues.INVALID) {
                    throw lines.error(number, "interaction type '" + type + "' is not a sign (" + EdgeValues.SIGN_WORDS
                            + "), but sign_column reads the types as signs");
                }
            }
            for (int i = 2; i < count; i++) {
                String target = splitter.field(i);
                if (target.isEmpty()) {
                    throw lines.error(number, "has an empty target node name in field " + (i + 1));
                }
                sink.edge(source, target, 1, sign, number);
            }
        }
        if (lineCount == 0) {
            throw lines.error(0, "is empty");
        }
    }

    /** Edges stated per interaction type, sorted by type. */
    Map<String, Long> types() {
        return types;
    }
}
