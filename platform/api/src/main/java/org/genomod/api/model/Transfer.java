package org.genomod.api.model;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * How a new model starts from a saved one of the same family (transfer learning). The layers that keep the
 * parent's weights are given either as a count of leading layers or by name, never both.
 *
 * @param frozenLayers how many leading layers keep the parent's weights: 0 fine-tunes everything (and is the
 *                     count when layers are named), {@link #ALL_BUT_HEAD} freezes every layer but the output head
 * @param newHead      replace the output head, sized for the new data's outputs (initialised from the
 *                     seed); {@code false} keeps the parent's head, which needs the same outputs
 * @param frozenNames  the layers that keep the parent's weights, named as the parent model's summary names them,
 *                     in any order and not necessarily leading; empty when a count is given. The family refuses a
 *                     name its model does not have, listing the names it has.
 * @since 1.4
 */
public record Transfer(int frozenLayers, boolean newHead, List<String> frozenNames) {
    public static final int ALL_BUT_HEAD = -1;

    public Transfer {
        if (frozenLayers < ALL_BUT_HEAD) {
            throw new IllegalArgumentException("frozen layers must be a count or ALL_BUT_HEAD, got " + frozenLayers);
        }
        frozenNames = List.copyOf(Objects.requireNonNull(frozenNames, "frozenNames"));
        if (!frozenNames.isEmpty() && frozenLayers != 0) {
            throw new IllegalArgumentException("freeze named layers or a number of layers, not both: got " + frozenLayers
                    + " and " + frozenNames);
        }
        if (frozenNames.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("a frozen layer's name cannot be blank: " + frozenNames);
        }
        if (new HashSet<>(frozenNames).size() != frozenNames.size()) {
            throw new IllegalArgumentException("frozen layers are named more than once: " + frozenNames);
        }
    }

    /** Freezes the first {@code frozenLayers} layers (or {@link #ALL_BUT_HEAD}); no layer is named. */
    public Transfer(int frozenLayers, boolean newHead) {
        this(frozenLayers, newHead, List.of());
    }

    /** Freezes the named layers (none: fine-tunes everything). */
    public static Transfer named(List<String> frozenNames, boolean newHead) {
        return new Transfer(0, newHead, frozenNames);
    }

    /** Whether the frozen layers are given by name rather than by count. */
    public boolean byName() {
        return !frozenNames.isEmpty();
    }

    /**
     * The positions in {@code layers} (a model's layer names, input side first, the output head last) of the
     * {@link #frozenNames()}, as a new sorted set: what every family resolves the names against.
     *
     * @throws IllegalArgumentException for a name not among {@code layers}, listing them, or the head, which must train
     * @since 1.5
     */
    public SortedSet<Integer> frozenPositions(List<String> layers) {
        SortedSet<Integer> positions = new TreeSet<>();
        for (String name : frozenNames) {
            int position = layers.indexOf(name);
            if (position < 0) {
                throw new IllegalArgumentException("the parent model has no layer named '" + name + "': its layers are " + layers);
            }
            if (position == layers.size() - 1) {
                throw new IllegalArgumentException("cannot freeze the output head '" + name + "': the head at least must train");
            }
            positions.add(position);
        }
        return positions;
    }
}
