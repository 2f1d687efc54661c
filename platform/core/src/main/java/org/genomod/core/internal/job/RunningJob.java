package org.genomod.core.internal.job;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.genomod.api.job.Job;
import org.genomod.api.job.JobEvent;
import org.genomod.api.job.JobListener;
import org.genomod.api.job.JobResult;
import org.genomod.api.job.JobStatus;
import org.genomod.api.job.PipelineSpec;
import org.genomod.api.train.Cancellation;

/** A job's observable state; the work itself is {@link PipelineRun}. */
final class RunningJob implements Job {
    private final String id;
    private final PipelineSpec spec;
    private final List<JobListener> listeners = new CopyOnWriteArrayList<>();
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile JobStatus status = JobStatus.QUEUED;
    private volatile JobResult result;
    private volatile String cancelReason;
    private volatile String phase = "queued";

    RunningJob(String id, PipelineSpec spec) {
        this.id = id;
        this.spec = spec;
    }

    @Override public String id() { return id; }
    @Override public PipelineSpec spec() { return spec; }
    @Override public JobStatus status() { return status; }
    @Override public Optional<JobResult> result() { return Optional.ofNullable(result); }

    String phase() {
        return phase;
    }

    @Override
    public JobResult await() throws InterruptedException {
        done.await();
        return result;
    }

    @Override
    public Optional<JobResult> await(long timeout, TimeUnit unit) throws InterruptedException {
        return done.await(timeout, unit) ? Optional.of(result) : Optional.empty();
    }

    @Override
    public void cancel() {
        if (cancelReason == null) {
            cancelReason = "cancelled by request";
        }
    }

    @Override
    public void addListener(JobListener listener) {
        listeners.add(listener);
    }

    /** The user's cancellation; plugin loss is checked by the run itself. */
    Cancellation cancellation() {
        return new Cancellation() {
            @Override public boolean isCancelled() { return cancelReason != null; }
            @Override public String reason() { return cancelReason; }
        };
    }

    void running() {
        status = JobStatus.RUNNING;
        emit(new JobEvent(id, status, "started", "job " + id + " (" + spec.name() + ") started", -1, null));
    }

    void emit(JobEvent event) {
        phase = event.phase();
        for (JobListener l : listeners) {
            try {
                l.onEvent(event);
            } catch (RuntimeException e) {
                // a faulty listener must not break the job it watches
            }
        }
    }

    void finish(JobResult r) {
        result = r;
        status = r.status();
        emit(new JobEvent(id, status, "finished", r.message(), 1, null));
        done.countDown();
    }
}
