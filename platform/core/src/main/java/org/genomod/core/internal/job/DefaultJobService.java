package org.genomod.core.internal.job;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.genomod.api.job.Job;
import org.genomod.api.job.JobService;
import org.genomod.api.job.PipelineSpec;
import org.genomod.api.job.SpecException;
import org.genomod.api.store.ModelStore;
import org.genomod.api.train.Trainer;
import org.genomod.core.internal.registry.PluginRegistry;
import org.genomod.core.internal.spec.SpecParser;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Runs pipeline jobs on its own threads (never on SCR's), at most {@code max_concurrent_jobs} at a
 * time; configured through Config Admin PID {@value #PID}.
 */
@Component(service = JobService.class, configurationPid = DefaultJobService.PID)
public final class DefaultJobService implements JobService {
    static final String PID = "org.genomod.core.jobs";
    private static final int KEEP_FINISHED = 500;
    /** Ids are job-0001, ..., job-9999, job-10000: shorter ids are older. */
    private static final java.util.Comparator<Job> SUBMISSION_ORDER =
            java.util.Comparator.comparing((Job j) -> j.id().length()).thenComparing(Job::id);

    @ObjectClassDefinition(name = "genomod jobs")
    public @interface Config {
        @AttributeDefinition(description = "jobs that may run at once; others wait in a queue")
        int max_concurrent_jobs() default 1;
    }

    private final Map<String, RunningJob> jobs = new ConcurrentHashMap<>();
    private final AtomicInteger counter = new AtomicInteger();
    private final PluginRegistry registry;
    private final Trainer trainer;
    private final ModelStore store;
    private final Provenance provenance;
    private final SpecParser parser = new SpecParser(System::getenv);
    private final ThreadPoolExecutor executor;

    @Activate
    public DefaultJobService(BundleContext context, @Reference Trainer trainer, @Reference ModelStore store, Config config) {
        this.registry = new PluginRegistry(context);
        this.trainer = trainer;
        this.store = store;
        this.provenance = new Provenance(context);
        AtomicInteger threads = new AtomicInteger();
        int size = Math.max(1, config.max_concurrent_jobs());
        this.executor = new ThreadPoolExecutor(size, size, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "genomod-job-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** A new limit applies to queued jobs; running jobs are never disturbed by a configuration change. */
    @Modified
    void modified(Config config) {
        int size = Math.max(1, config.max_concurrent_jobs());
        if (size > executor.getMaximumPoolSize()) {
            executor.setMaximumPoolSize(size);
            executor.setCorePoolSize(size);
        } else {
            executor.setCorePoolSize(size);
            executor.setMaximumPoolSize(size);
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        jobs.values().forEach(RunningJob::cancel);
        executor.shutdown();
        executor.awaitTermination(60, TimeUnit.SECONDS);
    }

    @Override
    public PipelineSpec parse(Path specFile) throws SpecException {
        Path file = specFile.toAbsolutePath().normalize();
        String yaml;
        try {
            yaml = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SpecException(file.toString(), List.of(Files.exists(file) ? "cannot read the spec: " + e.getMessage()
                    : "no such spec file"));
        }
        // the absolute path, as every later check names the spec (PipelineSpec.origin)
        return parser.parse(yaml, file.getParent(), file.toString(), file);
    }

    @Override
    public PipelineSpec parse(String yaml, Path baseDirectory, String origin) throws SpecException {
        return parser.parse(yaml, baseDirectory.toAbsolutePath().normalize(), origin, null);
    }

    @Override
    public void validate(PipelineSpec spec) throws SpecException {
        Plan.resolve(spec, registry).close();
    }

    @Override
    public Job submit(PipelineSpec spec) throws SpecException {
        validate(spec);
        RunningJob job = new RunningJob(String.format("job-%04d", counter.incrementAndGet()), spec);
        forgetOldFinishedJobs();
        jobs.put(job.id(), job);
        executor.execute(new PipelineRun(job, registry, trainer, store, provenance));
        return job;
    }

    /** A long-running server keeps the most recent finished jobs only; their results stay on disk. */
    private void forgetOldFinishedJobs() {
        List<RunningJob> finished = jobs.values().stream().filter(j -> j.status().terminal())
                .sorted(SUBMISSION_ORDER).toList();
        for (int i = 0; i < finished.size() - KEEP_FINISHED; i++) {
            jobs.remove(finished.get(i).id());
        }
    }

    @Override
    public List<Job> jobs() {
        List<Job> list = new ArrayList<>(jobs.values());
        list.sort(SUBMISSION_ORDER);
        return list;
    }

    @Override
    public Optional<Job> job(String id) {
        return Optional.ofNullable(jobs.get(id));
    }
}
