package org.genomod.reader.network.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Decides conservatively whether a file is a network, since {@code .tsv}, {@code .csv} and {@code .txt}
 * are also expression matrices, label tables and annotations. GraphML and SIF are recognised by name
 * and content; files named as edge lists ({@code .edges}, {@code .edgelist}, {@code .el}, {@code .ncol})
 * by being text; a general table only when its head reads as an edge list: the same number of fields on
 * every line (2 to 12), names rather than numbers in the first two columns, and names that recur as
 * networks' names do: a node of column 1 is also one of column 2, or both columns repeat values.
 */
final class InspectorAcceptance {
    private static final int MIN_LINES = 2;
    private static final int MAX_FIELDS = 12;
    private static final int MAX_LINES = 5000;

    private InspectorAcceptance() {
    }

    static boolean accepts(Path file, byte[] head) {
        String name = NetworkFormat.baseName(file);
        if (name.endsWith(".graphml") || name.endsWith(".xml")) {
            return NetworkFormat.looksLikeGraphMl(head);
        }
        if (!isText(head)) {
            return false;
        }
        if (name.endsWith(".sif") || name.endsWith(".edges") || name.endsWith(".edgelist") || name.endsWith(".el")
                || name.endsWith(".ncol")) {
            return true;
        }
        if (name.endsWith(".tsv") || name.endsWith(".csv") || name.endsWith(".txt") || name.endsWith(".tab")) {
            return readsAsEdgeList(head);
        }
        return false;
    }

    private static boolean isText(byte[] head) {
        for (byte b : head) {
            if (b == 0) {
                return false;
            }
        }
        return head.length > 0;
    }

    private static boolean readsAsEdgeList(byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        // the head may end inside a line; only complete lines count
        int complete = head.length >= 64 * 1024 ? lines.length - 1 : lines.length;
        FieldSplitter splitter = null;
        int fields = -1;
        int rows = 0;
        Set<String> sources = new HashSet<>();
        Set<String> targets = new HashSet<>();
        boolean sourcesRepeat = false;
        boolean targetsRepeat = false;
        boolean first = true;
        for (int i = 0; i < complete && rows < MAX_LINES; i++) {
            String line = lines[i];
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            if (splitter == null) {
                splitter = new FieldSplitter(FieldSplitter.Delimiter.of(line));
            }
            int count = splitter.split(line);
            if (fields < 0) {
                fields = count;
                if (fields < 2 || fields > MAX_FIELDS) {
                    return false;
                }
            } else if (count != fields) {
                return false;
            }
            if (first) {
                first = false; // may be a header: it says nothing about the data
                continue;
            }
            String source = splitter.field(0);
            String target = splitter.field(1);
            if (!isName(source) || !isName(target)) {
                return false;
            }
            sourcesRepeat |= !sources.add(source);
            targetsRepeat |= !targets.add(target);
            rows++;
        }
        if (rows < MIN_LINES) {
            return false;
        }
        for (String s : sources) {
            if (targets.contains(s)) {
                return true;
            }
        }
        return sourcesRepeat && targetsRepeat;
    }

    private static boolean isName(String field) {
        return !field.isEmpty() && Double.isNaN(EdgeValues.weight(field));
    }
}
