package org.genomod.interpret.ism.internal;

/**
 * Model-sized windows over a sequence that may be longer than the model's input, computed on demand so
 * that nothing grows with the sequence. Windows start every {@code stride} positions and the last one
 * ends with the sequence. Each position is scored in exactly one window, the one whose centre is
 * nearest, so that a mutation is judged with as much context on both sides as the tiling allows.
 */
final class Tiling {
    private final int window;
    private final int length;
    private final int stride;
    private final int count;

    Tiling(int window, int length, int stride) {
        if (window > length || stride < 1 || stride > window) {
            throw new IllegalArgumentException("cannot tile " + length + " positions with " + window
                    + "-position windows every " + stride);
        }
        this.window = window;
        this.length = length;
        this.stride = stride;
        this.count = length == window ? 1 : (length - window + stride - 1) / stride + 1;
    }

    int count() {
        return count;
    }

    int start(int index) {
        return index == count - 1 ? length - window : index * stride;
    }

    /** First position that window {@code index} scores. */
    int ownedFrom(int index) {
        return index == 0 ? 0 : boundary(index - 1);
    }

    /** One past the last position that window {@code index} scores. */
    int ownedTo(int index) {
        return index == count - 1 ? length : boundary(index);
    }

    /** Midpoint between the centres of windows {@code index} and {@code index + 1}. */
    private int boundary(int index) {
        return (start(index) + start(index + 1) + window) / 2;
    }
}
