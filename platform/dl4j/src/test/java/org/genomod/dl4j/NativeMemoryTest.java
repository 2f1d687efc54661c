package org.genomod.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NativeMemoryTest {

    @Test
    void everyReleaseRunsAndTheFirstFailureIsRethrown() {
        List<String> released = new ArrayList<>();
        IllegalStateException first = new IllegalStateException("first");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> NativeMemory.release(
                () -> { released.add("a"); throw first; },
                () -> { released.add("b"); throw new IllegalArgumentException("second"); },
                () -> released.add("c")));
        assertSame(first, thrown);
        assertEquals(1, thrown.getSuppressed().length);
        assertEquals(List.of("a", "b", "c"), released);
    }
}
