package org.genomod.reader.network.internal;

import org.jgrapht.graph.DefaultWeightedEdge;

/**
 * A JGraphT edge that remembers where the file first stated it (for duplicate errors) and, in a
 * signed network, which signs its rows stated, so that duplicates merge to a consensus sign.
 */
final class NetworkEdge extends DefaultWeightedEdge {
    private static final long serialVersionUID = 1L;
    static final int STATED_POSITIVE = 1;
    static final int STATED_NEGATIVE = 2;

    private final long line;
    private int statedSigns;

    NetworkEdge(long line) {
        this.line = line;
    }

    long line() {
        return line;
    }

    void state(int sign) {
        if (sign == EdgeValues.POSITIVE) {
            statedSigns |= STATED_POSITIVE;
        } else if (sign == EdgeValues.NEGATIVE) {
            statedSigns |= STATED_NEGATIVE;
        }
    }

    /** The consensus: +1 or -1 when the rows agree, 0 when they conflict or none knew the sign. */
    int consensusSign() {
        return switch (statedSigns) {
            case STATED_POSITIVE -> 1;
            case STATED_NEGATIVE -> -1;
            default -> 0;
        };
    }

    boolean conflicting() {
        return statedSigns == (STATED_POSITIVE | STATED_NEGATIVE);
    }
}
