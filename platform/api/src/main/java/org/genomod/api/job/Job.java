package org.genomod.api.job;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.osgi.annotation.versioning.ProviderType;

/** A submitted pipeline run. */
@ProviderType
public interface Job {
    String id();

    PipelineSpec spec();

    JobStatus status();

    Optional<JobResult> result();

    /** Waits for the job to end. */
    JobResult await() throws InterruptedException;

    /** Waits at most the given time; empty when the job is still running. */
    Optional<JobResult> await(long timeout, TimeUnit unit) throws InterruptedException;

    /** Asks the job to stop at its next checkpoint; it ends {@link JobStatus#CANCELLED}. */
    void cancel();

    void addListener(JobListener listener);
}
