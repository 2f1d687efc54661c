package org.genomod.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TransferTest {
    private static final List<String> LAYERS = List.of("layer0", "layer1", "layer2", "head");

    @Test
    void namedLayersResolveToTheirSortedPositions() {
        assertEquals(List.of(0, 2), List.copyOf(Transfer.named(List.of("layer2", "layer0"), true).frozenPositions(LAYERS)));
        assertEquals(List.of(), List.copyOf(new Transfer(2, true).frozenPositions(LAYERS)));
    }

    @Test
    void anUnknownNameIsRefusedListingTheLayers() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Transfer.named(List.of("conv1"), true).frozenPositions(LAYERS));
        assertEquals("the parent model has no layer named 'conv1': its layers are [layer0, layer1, layer2, head]", e.getMessage());
    }

    @Test
    void theHeadIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Transfer.named(List.of("head"), false).frozenPositions(LAYERS));
        assertEquals("cannot freeze the output head 'head': the head at least must train", e.getMessage());
    }
}
