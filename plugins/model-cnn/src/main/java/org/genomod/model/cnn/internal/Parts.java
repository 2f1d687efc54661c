package org.genomod.model.cnn.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.IntConsumer;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Work the family splits into independent parts over as many threads as ND4J's ops may use on the calling thread
 * (OpenMP's count there: {@code OMP_NUM_THREADS}, or the platform's {@code genomod.threads}). Used where a pass is
 * Java loops, or many matrix products each too small for OpenBLAS to split: with two threads, a product of
 * {@code [64, 300] · [300, 200]} took as long as with one.
 * <p>
 * Part 0 runs on the calling thread and the others on a fork-join pool of the family's, one thread per core at most,
 * whose idle threads end after a minute (not the common pool: on a 2-core machine {@code CompletableFuture} gives
 * that pool's tasks a new thread each); a part no pool thread has started by the time the caller is done with its
 * own runs on the caller, which so never waits for a thread the machine has not scheduled yet. While the parts run,
 * each thread's own native ops use one OpenMP thread, so that the parts do not each start a team. A failure in any
 * part is rethrown on the calling thread after all have finished, so none still writes into arrays the caller reuses.
 */
final class Parts {
    /** The pool, made on first use and again after {@link #shutdown}. */
    private static ForkJoinPool pool;

    private Parts() {
    }

    private static synchronized ForkJoinPool pool() {
        if (pool == null) {
            pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors(), owner -> {
                ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(owner);
                thread.setName("genomod-cnn-part-" + thread.getPoolIndex());
                return thread;
            }, null, false);
        }
        return pool;
    }

    /**
     * Lets the pool's threads end once their parts are done (the family's component going away); later parts get a
     * new pool.
     */
    static synchronized void shutdown() {
        if (pool != null) {
            pool.shutdown();
            pool = null;
        }
    }

    /** How many parts {@code items} independent items split into here: at most one per thread, at least one. */
    static int of(int items) {
        return Math.max(1, Math.min(items, nativeOps().ompGetMaxThreads()));
    }

    /** A task of {@link #take}, told the slot of the thread running it. */
    @FunctionalInterface
    interface Task {
        void run(int slot, int task);
    }

    /** Runs {@code part.accept(p)} once for every {@code p} below {@code parts}, concurrently when there are several. */
    static void run(int parts, IntConsumer part) {
        if (parts <= 1) {
            part.accept(0);
            return;
        }
        // a part runs on whichever thread claims it first: its pool thread, or the caller once done with part 0
        AtomicIntegerArray claimed = new AtomicIntegerArray(parts);
        List<CompletableFuture<Void>> others = new ArrayList<>(parts - 1);
        ForkJoinPool threads = pool();
        for (int p = 1; p < parts; p++) {
            int index = p;
            try {
                others.add(CompletableFuture.runAsync(() -> {
                    if (claimed.compareAndSet(index, 0, 1)) {
                        singleThreaded(part, index);
                    }
                }, threads));
            } catch (RejectedExecutionException e) {
                others.add(CompletableFuture.completedFuture(null)); // shut down meanwhile: the caller claims the part
            }
        }
        Throwable failure = runCaught(part, 0, null);
        for (int p = 1; p < parts; p++) {
            if (claimed.compareAndSet(p, 0, 1)) {
                failure = runCaught(part, p, failure);
                continue;
            }
            try {
                others.get(p - 1).join();
            } catch (CompletionException e) {
                failure = added(failure, e.getCause() != null ? e.getCause() : e);
            }
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw failure instanceof RuntimeException runtime ? runtime : new CompletionException(failure);
        }
    }

    /**
     * Runs tasks {@code 0 .. tasks − 1} once each on up to {@code threads} threads ({@link #run}'s), every thread taking
     * the next task no thread has taken: a thread the machine runs late takes fewer. A thread's slot is below
     * {@code threads} and no other thread's at the same time, for per-thread scratch arrays.
     */
    static void take(int tasks, int threads, Task task) {
        AtomicInteger next = new AtomicInteger();
        run(Math.min(threads, tasks), slot -> {
            for (int t = next.getAndIncrement(); t < tasks; t = next.getAndIncrement()) {
                task.run(slot, t);
            }
        });
    }

    /** Runs {@code item.accept(i)} for every {@code i} below {@code items}, as tasks of contiguous runs of {@code minimum} or more ({@link #take}). */
    static void forEach(int items, int minimum, IntConsumer item) {
        int tasks = Math.max(1, items / minimum);
        take(tasks, of(tasks), (slot, t) -> {
            for (int i = start(items, tasks, t); i < start(items, tasks, t + 1); i++) {
                item.accept(i);
            }
        });
    }

    /** The first of {@code items} in part {@code p} of {@code parts} (part {@code p + 1}'s first ends it): contiguous runs whose sizes differ by one at most. */
    static int start(int items, int parts, int p) {
        return (int) ((long) items * p / parts);
    }

    /** ND4J's native library, loaded (with its backend) if nothing has loaded it yet. */
    private static NativeOps nativeOps() {
        Nd4j.getBackend();
        return NativeOpsHolder.getInstance().getDeviceNativeOps();
    }

    /** Runs part {@code index} here; its failure, if any, {@link #added} to {@code failure}. */
    private static Throwable runCaught(IntConsumer part, int index, Throwable failure) {
        try {
            singleThreaded(part, index);
            return failure;
        } catch (RuntimeException | Error e) {
            return added(failure, e);
        }
    }

    /** The first failure, the later ones suppressed in it. */
    private static Throwable added(Throwable failure, Throwable another) {
        if (failure == null) {
            return another;
        }
        failure.addSuppressed(another);
        return failure;
    }

    private static void singleThreaded(IntConsumer part, int index) {
        NativeOps ops = nativeOps();
        int before = ops.ompGetMaxThreads();
        ops.setOmpNumThreads(1);
        try {
            part.accept(index);
        } finally {
            ops.setOmpNumThreads(before);
        }
    }
}
