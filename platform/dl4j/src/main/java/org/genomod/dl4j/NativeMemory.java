package org.genomod.dl4j;

import org.nd4j.linalg.factory.Nd4j;

/** How a model built on ND4J gives back its native memory when it is closed. */
public final class NativeMemory {
    private NativeMemory() {
    }

    /**
     * Runs every release in order, each even when an earlier one fails, then destroys the calling thread's
     * workspaces: left behind, they pin native memory and the plugin's class loader. The first failure is
     * rethrown after all of that.
     */
    public static void release(Runnable... releases) {
        RuntimeException failure = null;
        try {
            for (Runnable release : releases) {
                try {
                    release.run();
                } catch (RuntimeException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
        } finally {
            Nd4j.getWorkspaceManager().destroyAllWorkspacesForCurrentThread();
        }
        if (failure != null) {
            throw failure;
        }
    }
}
