package org.genomod.reader.network.internal;

import org.genomod.api.data.InputFormatException;

/** Receives what a network parser reads, in file order. */
interface EdgeSink {

    /** A node named on its own (GraphML node, SIF line with one name); nodes named by edges need no call. */
    void node(String name);

    /**
     * One edge as the file states it.
     *
     * @param weight 1 unless the file gives a weight
     * @param sign   {@link EdgeValues#POSITIVE}, {@link EdgeValues#NEGATIVE} or {@link EdgeValues#UNKNOWN};
     *               {@code UNKNOWN} also when the network is not signed
     * @param line   1-based line, or for GraphML the 1-based edge element number
     */
    void edge(String source, String target, double weight, int sign, long line) throws InputFormatException;
}
