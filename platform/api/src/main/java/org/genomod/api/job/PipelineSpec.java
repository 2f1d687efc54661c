package org.genomod.api.job;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.genomod.api.train.TrainingOptions;

/**
 * A parsed pipeline: reader → split → model family → trainer → evaluators → output.
 *
 * @param name         job name for logs and provenance
 * @param source       the spec file, or {@code null} for a spec made in code
 * @param baseDirectory directory that relative paths in the spec resolve against
 * @param transform    feature transform fitted on the training split only: {@code none} or
 *                     {@code standardize} (per feature, to mean 0 and standard deviation 1)
 * @param raw          the spec as written, recorded verbatim in provenance
 * @param testData     an independent test set read by the same reader with these parameters (the
 *                     training parameters with the spec's {@code data.test} overrides), or {@code null}
 *                     when the split makes the test set
 * @param transfer     fine-tune this saved model instead of training a new one, or {@code null}
 * @param search       a hyper-parameter search run before the final training, or {@code null} for none
 */
public record PipelineSpec(String name, Path source, Path baseDirectory, PluginRef reader, SplitSpec split,
                           String transform, PluginRef model, TrainingOptions training, List<PluginRef> evaluators,
                           List<PluginRef> interpreters, Path outputDirectory, long seed, Map<String, Object> raw,
                           PluginRef testData, TransferSpec transfer, SearchSpec search) {
    public PipelineSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baseDirectory, "baseDirectory");
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(split, "split");
        transform = transform == null ? "none" : transform;
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(training, "training");
        evaluators = List.copyOf(evaluators);
        interpreters = interpreters == null ? List.of() : List.copyOf(interpreters);
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        raw = raw == null ? Map.of() : raw;
    }

    /** A pipeline without hyper-parameter search. */
    public PipelineSpec(String name, Path source, Path baseDirectory, PluginRef reader, SplitSpec split,
                        String transform, PluginRef model, TrainingOptions training, List<PluginRef> evaluators,
                        List<PluginRef> interpreters, Path outputDirectory, long seed, Map<String, Object> raw,
                        PluginRef testData, TransferSpec transfer) {
        this(name, source, baseDirectory, reader, split, transform, model, training, evaluators, interpreters,
                outputDirectory, seed, raw, testData, transfer, null);
    }

    /** A pipeline whose test set comes from the split. */
    public PipelineSpec(String name, Path source, Path baseDirectory, PluginRef reader, SplitSpec split,
                        String transform, PluginRef model, TrainingOptions training, List<PluginRef> evaluators,
                        List<PluginRef> interpreters, Path outputDirectory, long seed, Map<String, Object> raw) {
        this(name, source, baseDirectory, reader, split, transform, model, training, evaluators, interpreters,
                outputDirectory, seed, raw, null, null, null);
    }

    /** The same job writing elsewhere. */
    public PipelineSpec withOutputDirectory(Path directory) {
        return new PipelineSpec(name, source, baseDirectory, reader, split, transform, model, training, evaluators,
                interpreters, directory, seed, raw, testData, transfer, search);
    }

    /** The saved model to fine-tune, when the spec names one. */
    public java.util.Optional<TransferSpec> transferFrom() {
        return java.util.Optional.ofNullable(transfer);
    }

    /** The independent test set, when the spec names one. */
    public java.util.Optional<PluginRef> independentTest() {
        return java.util.Optional.ofNullable(testData);
    }

    /** The hyper-parameter search, when the spec has one. */
    public java.util.Optional<SearchSpec> hyperParameterSearch() {
        return java.util.Optional.ofNullable(search);
    }

    /** Whether the job selects its configuration first: a hyper-parameter search, cross-validation, or both. */
    public boolean selectsModel() {
        return search != null || split.crossValidated();
    }

    /** Where a spec error is reported: the file name, or the job name for specs made in code. */
    public String origin() {
        return source != null ? source.toString() : name;
    }
}
