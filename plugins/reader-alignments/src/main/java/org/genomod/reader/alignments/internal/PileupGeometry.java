package org.genomod.reader.alignments.internal;

import java.util.List;

/**
 * The shape of one pileup tensor: {@code [referenceRows + maxReads, width, CHANNELS]}, row-major with
 * channels last (DeepVariant's height × width × channels); or, position-major, {@code [width, rows × CHANNELS]}
 * for models that convolve along the genome only.
 */
record PileupGeometry(int width, int referenceRows, int maxReads, boolean positionMajor) {
    static final int CHANNELS = 6;

    List<Integer> featureShape() {
        return positionMajor ? List.of(width, rows() * CHANNELS) : List.of(rows(), width, CHANNELS);
    }

    int rows() {
        return referenceRows + maxReads;
    }

    int rowSize() {
        return width * CHANNELS;
    }

    int featureSize() {
        return rows() * rowSize();
    }
}
