package org.genomod.api.model;

/**
 * How a new model starts from a saved one of the same family (transfer learning).
 *
 * @param frozenLayers how many leading layers keep the parent's weights: 0 fine-tunes everything,
 *                     {@link #ALL_BUT_HEAD} freezes every layer but the output head
 * @param newHead      replace the output head, sized for the new data's outputs (initialised from the
 *                     seed); {@code false} keeps the parent's head, which needs the same outputs
 */
public record Transfer(int frozenLayers, boolean newHead) {
    public static final int ALL_BUT_HEAD = -1;

    public Transfer {
        if (frozenLayers < ALL_BUT_HEAD) {
            throw new IllegalArgumentException("frozen layers must be a count or ALL_BUT_HEAD, got " + frozenLayers);
        }
    }
}
