package org.genomod.dl4j;

import java.util.Optional;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * The number of OpenMP threads each native op may use, applied to the thread that trains or predicts.
 * OpenMP keeps the count per thread: ND4J sets it from {@code OMP_NUM_THREADS} on the thread that loads
 * it, and every other thread starts from the library's default, one per core. A platform embedded in
 * Karaf or Felix, or forked by a test harness, cannot always set the environment, so the system property
 * {@value #PROPERTY} (else {@code OMP_NUM_THREADS}) is applied here, once per thread, before the first op.
 * Small recurrent ops on a busy machine run several times faster with one thread than with two that wait
 * on each other.
 */
public final class NativeThreads {
    public static final String PROPERTY = "genomod.threads";
    private static final ThreadLocal<Boolean> APPLIED = ThreadLocal.withInitial(() -> false);

    private NativeThreads() {
    }

    /** The configured count: the system property, else {@code OMP_NUM_THREADS}; empty when neither is a positive number. */
    public static Optional<Integer> configured() {
        return firstCount(System.getProperty(PROPERTY), System.getenv("OMP_NUM_THREADS"));
    }

    /** The first of {@code values} that is a positive count. */
    static Optional<Integer> firstCount(String... values) {
        for (String value : values) {
            if (value != null) {
                try {
                    int threads = Integer.parseInt(value.trim());
                    if (threads > 0) {
                        return Optional.of(threads);
                    }
                } catch (NumberFormatException e) {
                    // not a count: the next source, or the library's default
                }
            }
        }
        return Optional.empty();
    }

    /** Applies the configured count to the calling thread, once; without one the library's default stays. */
    public static void applyToCurrentThread() {
        if (!APPLIED.get()) {
            APPLIED.set(true);
            configured().ifPresent(threads -> NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads));
        }
    }

    /** The count OpenMP will use for the calling thread's next op. */
    public static int inEffect() {
        return NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads();
    }
}
