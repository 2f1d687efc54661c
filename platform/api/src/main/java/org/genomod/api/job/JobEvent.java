package org.genomod.api.job;

import org.genomod.api.train.EpochReport;

/**
 * Something a running job reports.
 *
 * @param phase    what the job is doing: reading, training, evaluating, writing
 * @param fraction progress of the current phase in [0, 1], or -1 when unknown
 * @param epoch    the finished epoch for epoch events, otherwise {@code null}
 */
public record JobEvent(String jobId, JobStatus status, String phase, String message, double fraction, EpochReport epoch) {
}
