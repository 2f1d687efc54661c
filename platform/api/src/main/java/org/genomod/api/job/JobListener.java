package org.genomod.api.job;

import org.osgi.annotation.versioning.ConsumerType;

/** Receives a job's events on the job's thread. */
@ConsumerType
@FunctionalInterface
public interface JobListener {
    void onEvent(JobEvent event);
}
