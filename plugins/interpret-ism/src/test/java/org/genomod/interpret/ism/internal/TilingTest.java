package org.genomod.interpret.ism.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TilingTest {

    @Test
    void everyPositionBelongsToExactlyOneWindowThatContainsIt() {
        for (int[] c : new int[][] {{10, 10, 5}, {10, 11, 5}, {40, 997, 20}, {40, 997, 40}, {40, 997, 1}, {7, 100, 3}}) {
            Tiling t = new Tiling(c[0], c[1], c[2]);
            int next = 0;
            for (int w = 0; w < t.count(); w++) {
                assertEquals(next, t.ownedFrom(w));
                assertTrue(t.ownedFrom(w) >= t.start(w) && t.ownedTo(w) <= t.start(w) + c[0], "window " + w);
                assertTrue(t.start(w) >= 0 && t.start(w) + c[0] <= c[1]);
                next = t.ownedTo(w);
            }
            assertEquals(c[1], next);
        }
    }

    @Test
    void aSequenceAsLongAsTheWindowIsOneWindow() {
        Tiling t = new Tiling(101, 101, 50);
        assertEquals(1, t.count());
        assertEquals(0, t.start(0));
        assertEquals(101, t.ownedTo(0));
    }

    @Test
    void positionsGoToTheWindowWhoseCentreIsNearest() {
        Tiling t = new Tiling(10, 30, 10); // windows 0-9, 10-19, 20-29: each owns itself
        assertEquals(3, t.count());
        assertEquals(10, t.ownedTo(0));
        assertEquals(20, t.ownedTo(1));
    }

    @Test
    void refusesGapsBetweenWindows() {
        assertThrows(IllegalArgumentException.class, () -> new Tiling(10, 100, 11));
    }
}
