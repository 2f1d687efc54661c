package org.genomod.reader.network.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/** The network file formats, told apart by content (GraphML) and name (SIF). */
enum NetworkFormat {
    EDGELIST, SIF, GRAPHML;

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The format of {@code file} given its first (decompressed) bytes: GraphML when named so or when it
     * is XML (an XML file is never an edge list; the GraphML reader says what else it is), SIF when
     * named {@code .sif}, otherwise an edge list.
     */
    static NetworkFormat detect(Path file, byte[] head) {
        String name = baseName(file);
        if (name.endsWith(".graphml") || looksLikeXml(head)) {
            return GRAPHML;
        }
        return name.endsWith(".sif") ? SIF : EDGELIST;
    }

    private static boolean looksLikeXml(byte[] head) {
        return text(head).stripLeading().startsWith("<");
    }

    /** An XML document whose root element is {@code graphml}, judged from its first bytes. */
    static boolean looksLikeGraphMl(byte[] head) {
        String text = text(head);
        return text.stripLeading().startsWith("<") && text.contains("<graphml");
    }

    private static String text(byte[] head) {
        String text = new String(head, 0, Math.min(head.length, 4096), StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** The lower-case file name without a {@code .gz} suffix. */
    static String baseName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    }
}
