package org.genomod.api.job;

/** A job's lifecycle; every job ends in one of the terminal states, never hangs in between. */
public enum JobStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED,
    /** A plugin the job leased was updated or uninstalled while it ran; the job stopped rather than mix revisions. */
    CANCELLED_PLUGIN_UPDATED;

    public boolean terminal() {
        return this != QUEUED && this != RUNNING;
    }
}
