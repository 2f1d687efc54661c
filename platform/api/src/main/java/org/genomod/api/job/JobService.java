package org.genomod.api.job;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Platform service: parses specs, validates them against the plugins in the registry, and runs jobs.
 */
@ProviderType
public interface JobService {

    /** Parses a YAML spec file; relative paths in it resolve against its directory. */
    PipelineSpec parse(Path specFile) throws SpecException;

    /** Parses YAML text; {@code origin} names it in errors. */
    PipelineSpec parse(String yaml, Path baseDirectory, String origin) throws SpecException;

    /**
     * Checks everything a run needs before it starts: plugins present (with what is available when
     * not), parameters valid, files present, evaluators fit the task.
     */
    void validate(PipelineSpec spec) throws SpecException;

    /** Validates, then queues the job. */
    Job submit(PipelineSpec spec) throws SpecException;

    List<Job> jobs();

    Optional<Job> job(String id);
}
