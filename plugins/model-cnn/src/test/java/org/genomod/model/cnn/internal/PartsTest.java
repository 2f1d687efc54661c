package org.genomod.model.cnn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;

class PartsTest {

    /** Runs {@code body} with {@code threads} OpenMP threads for the calling thread's native ops, which {@link Parts} splits by. */
    static void withThreads(int threads, Runnable body) {
        Nd4j.getBackend();
        NativeOps ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
        int before = ops.ompGetMaxThreads();
        ops.setOmpNumThreads(threads);
        try {
            body.run();
        } finally {
            ops.setOmpNumThreads(before);
        }
    }

    @Test
    void everyItemRunsOnceInContiguousRunsOnSeveralThreads() {
        withThreads(3, () -> {
            assertEquals(3, Parts.of(100));
            assertEquals(2, Parts.of(2));
            assertEquals(1, Parts.of(0));
            AtomicIntegerArray runs = new AtomicIntegerArray(100);
            Set<String> threads = ConcurrentHashMap.newKeySet();
            Set<Integer> nativeThreads = ConcurrentHashMap.newKeySet();
            CountDownLatch anotherThreadTook = new CountDownLatch(1);
            String caller = Thread.currentThread().getName();
            Parts.forEach(100, 10, i -> {
                runs.incrementAndGet(i);
                threads.add(Thread.currentThread().getName());
                nativeThreads.add(NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads());
                if (!Thread.currentThread().getName().equals(caller)) {
                    anotherThreadTook.countDown();
                } else {
                    // the caller waits in its first item, so that a pool thread surely takes some
                    await(anotherThreadTook);
                }
            });
            for (int i = 0; i < 100; i++) {
                assertEquals(1, runs.get(i), "item " + i);
            }
            // the caller and the pool's threads (one per core: one may take two parts)
            assertTrue(threads.size() >= 2 && threads.contains(Thread.currentThread().getName()), threads.toString());
            assertEquals(Set.of(1), nativeThreads, "each part's native ops on one thread");
            assertEquals(3, NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads(), "restored");
            assertEquals(0, Parts.start(100, 3, 0));
            assertEquals(33, Parts.start(100, 3, 1));
            assertEquals(66, Parts.start(100, 3, 2));
            assertEquals(100, Parts.start(100, 3, 3));
        });
    }

    /** With every pool thread busy, a part none has started runs on the caller rather than waiting for one. */
    @Test
    void aPartNoPoolThreadStartedRunsOnTheCaller() {
        int poolThreads = Runtime.getRuntime().availableProcessors();
        CountDownLatch busy = new CountDownLatch(poolThreads);
        CountDownLatch release = new CountDownLatch(1);
        String caller = Thread.currentThread().getName();
        List<String> innerThreads = Collections.synchronizedList(new ArrayList<>());
        Parts.run(poolThreads + 1, p -> {
            if (p > 0) {
                busy.countDown();
                await(release);
                return;
            }
            try {
                await(busy);
                Parts.run(2, q -> innerThreads.add(q + " on " + Thread.currentThread().getName()));
            } finally {
                release.countDown();
            }
        });
        assertEquals(Set.of("0 on " + caller, "1 on " + caller), Set.copyOf(innerThreads));
        assertEquals(2, innerThreads.size());
    }

    /** Every task once, on at most the threads asked for, no slot on two threads at once. */
    @Test
    void tasksAreTakenOnceEachWithinTheirSlots() {
        AtomicIntegerArray runs = new AtomicIntegerArray(40);
        AtomicIntegerArray inSlot = new AtomicIntegerArray(3);
        Set<Integer> slots = ConcurrentHashMap.newKeySet();
        Parts.take(40, 3, (slot, task) -> {
            assertEquals(1, inSlot.incrementAndGet(slot), "slot " + slot + " on two threads");
            slots.add(slot);
            runs.incrementAndGet(task);
            Thread.onSpinWait();
            inSlot.decrementAndGet(slot);
        });
        for (int t = 0; t < 40; t++) {
            assertEquals(1, runs.get(t), "task " + t);
        }
        assertTrue(Set.of(0, 1, 2).containsAll(slots), slots.toString());
    }

    /** After a shutdown (the component going away) the pool's threads end, and later parts get new ones. */
    @Test
    void afterAShutdownThePoolsThreadsEndAndLaterPartsStillRun() throws InterruptedException {
        Parts.run(2, p -> { });
        Parts.shutdown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (poolThreads() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, poolThreads(), "pool threads still alive after the shutdown");
        AtomicIntegerArray runs = new AtomicIntegerArray(3);
        Parts.run(3, runs::incrementAndGet);
        for (int p = 0; p < 3; p++) {
            assertEquals(1, runs.get(p), "part " + p);
        }
    }

    private static long poolThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().startsWith("genomod-cnn-part-")).count();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS), "timed out waiting");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void aFailingPartIsRethrownAfterTheOthersFinish() {
        AtomicBoolean slowPartDone = new AtomicBoolean();
        IllegalStateException failure = new IllegalStateException("part 1 failed");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Parts.run(3, p -> {
            if (p == 1) {
                throw failure;
            }
            if (p == 2) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                slowPartDone.set(true);
            }
        }));
        assertSame(failure, thrown);
        assertTrue(slowPartDone.get(), "rethrown before the slow part finished");
    }
}
