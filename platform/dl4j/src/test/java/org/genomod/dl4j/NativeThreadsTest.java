package org.genomod.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class NativeThreadsTest {

    @Test
    void theConfiguredCountReachesAThreadThatDidNotLoadTheLibrary() throws InterruptedException {
        String before = System.getProperty(NativeThreads.PROPERTY);
        System.setProperty(NativeThreads.PROPERTY, "1");
        try {
            AtomicInteger seen = new AtomicInteger();
            org.nd4j.linalg.factory.Nd4j.create(2, 2); // the library loads on this thread, as it would on another job's
            Thread worker = new Thread(() -> {
                NativeThreads.applyToCurrentThread();
                seen.set(NativeThreads.inEffect());
            });
            worker.start();
            worker.join();
            assertEquals(1, seen.get());
        } finally {
            if (before == null) {
                System.clearProperty(NativeThreads.PROPERTY);
            } else {
                System.setProperty(NativeThreads.PROPERTY, before);
            }
        }
    }

    @Test
    void theFirstPositiveCountWins() {
        assertEquals(java.util.Optional.of(3), NativeThreads.firstCount("3", "2"));
        assertEquals(java.util.Optional.of(2), NativeThreads.firstCount(null, "2"));
        assertEquals(java.util.Optional.of(2), NativeThreads.firstCount("many", " 2 "));
        assertEquals(java.util.Optional.empty(), NativeThreads.firstCount("0", null));
    }
}
