package org.genomod.model.cnn.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
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
 * that pool's tasks a new thread each). While the parts run, each thread's own native ops use one OpenMP thread, so
 * that the parts do not each start a team. A failure in any part is rethrown
 * on the calling thread after all have finished, so none still writes into arrays the caller reuses.
 */
final class Parts {
    private static final ForkJoinPool POOL = new ForkJoinPool(Runtime.getRuntime().availableProcessors(), pool -> {
        ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        thread.setName("genomod-cnn-part-" + thread.getPoolIndex());
        return thread;
    }, null, false);

    private Parts() {
    }

    /** How many parts {@code items} independent items split into here: at most one per thread, at least one. */
    static int of(int items) {
        return Math.max(1, Math.min(items, nativeOps().ompGetMaxThreads()));
    }

    /** Runs {@code part.accept(p)} for every {@code p} below {@code parts}, concurrently when there are several. */
    static void run(int parts, IntConsumer part) {
        if (parts <= 1) {
            part.accept(0);
            return;
        }
        List<CompletableFuture<Void>> others = new ArrayList<>(parts - 1);
        for (int p = 1; p < parts; p++) {
            int index = p;
            others.add(CompletableFuture.runAsync(() -> singleThreaded(part, index), POOL));
        }
        Throwable failure = null;
        try {
            singleThreaded(part, 0);
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        for (CompletableFuture<Void> other : others) {
            try {
                other.join();
            } catch (CompletionException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            }
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw failure instanceof RuntimeException runtime ? runtime : new CompletionException(failure);
        }
    }

    /** Runs {@code item.accept(i)} for every {@code i} below {@code items}, in contiguous runs of at least {@code minimum} per thread. */
    static void forEach(int items, int minimum, IntConsumer item) {
        int parts = of(items / minimum);
        run(parts, p -> {
            for (int i = start(items, parts, p); i < start(items, parts, p + 1); i++) {
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
