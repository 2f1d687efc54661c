package org.genomod.api.train;

import org.osgi.annotation.versioning.ProviderType;

/** Polled by long-running work (reads, epochs, batches) to stop early with an explicit reason. */
@ProviderType
public interface Cancellation {
    Cancellation NEVER = new Cancellation() {
        @Override public boolean isCancelled() { return false; }
        @Override public String reason() { return null; }
    };

    boolean isCancelled();

    /** Why the work was cancelled; {@code null} while it is not. */
    String reason();
}
