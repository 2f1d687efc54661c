package org.genomod.core.internal.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.genomod.api.data.DataReader;
import org.genomod.api.eval.Evaluator;
import org.genomod.api.interpret.Interpreter;
import org.genomod.api.job.PipelineSpec;
import org.genomod.api.job.PluginRef;
import org.genomod.api.job.SpecException;
import org.genomod.api.model.ModelFamily;
import org.genomod.api.param.ParameterException;
import org.genomod.api.param.ParameterSchema;
import org.genomod.api.param.Parameters;
import org.genomod.core.internal.registry.Lease;
import org.genomod.core.internal.registry.PluginKinds;
import org.genomod.core.internal.registry.PluginRegistry;
import org.genomod.core.internal.registry.PluginRegistry.Kind;
import org.genomod.core.internal.selection.Trial;
import org.genomod.core.internal.selection.Trials;
import org.genomod.core.internal.spec.DataInputs;
import org.osgi.framework.ServiceReference;

/**
 * A spec bound to the plugins that will run it: every plugin leased, every parameter validated
 * against its plugin's schema. Building one is how a spec is validated; closing it releases the leases.
 */
final class Plan implements AutoCloseable {
    /** A leased plugin with its validated parameters. */
    record Bound<S>(Lease<S> lease, Parameters parameters) {
        S service() {
            return lease.service();
        }
    }

    /**
     * One input of the data section bound to its reader.
     *
     * @param test the independent test set's parameters for this input's reader, or {@code null} when the split makes the test set
     */
    record Input(String name, Bound<DataReader> reader, Parameters test) {
    }

    /** The primary input's reader (records, labels, groups). */
    final Bound<DataReader> reader;
    /** The independent test set's reader parameters (same reader), or {@code null} when the split makes the test set. */
    final Parameters testReader;
    /** Every input, the primary first; more than one when {@code data.inputs} joins further inputs by record id. */
    final List<Input> inputs;
    final Bound<ModelFamily> family;
    final List<Bound<Evaluator>> evaluators;
    final List<Bound<Interpreter>> interpreters;
    /** The configurations model selection tries, validated; empty when the spec selects nothing. */
    final List<Trial> trials;
    private final List<Lease<?>> leases;

    private Plan(List<Input> inputs, Bound<ModelFamily> family, List<Bound<Evaluator>> evaluators,
                 List<Bound<Interpreter>> interpreters, List<Trial> trials, List<Lease<?>> leases) {
        this.inputs = List.copyOf(inputs);
        this.reader = inputs.get(0).reader();
        this.testReader = inputs.get(0).test();
        this.family = family;
        this.evaluators = evaluators;
        this.interpreters = interpreters;
        this.trials = List.copyOf(trials);
        this.leases = leases;
    }

    static Plan resolve(PipelineSpec spec, PluginRegistry registry) throws SpecException {
        List<String> problems = new ArrayList<>();
        List<Lease<?>> leases = new ArrayList<>();
        try {
            List<Input> inputs = inputs(spec, registry, leases, problems);
            Bound<ModelFamily> family = bind(registry, PluginKinds.FAMILY, spec.model(), "model", spec.baseDirectory(), leases, problems, ModelFamily::hyperParameters);
            List<Bound<Evaluator>> evaluators = new ArrayList<>();
            for (PluginRef ref : spec.evaluators()) {
                evaluators.add(bind(registry, PluginKinds.EVALUATOR, ref, "evaluate." + ref.name(), spec.baseDirectory(), leases, problems, Evaluator::parameters));
            }
            List<Bound<Interpreter>> interpreters = new ArrayList<>();
            for (PluginRef ref : spec.interpreters()) {
                interpreters.add(bind(registry, PluginKinds.INTERPRETER, ref, "interpret." + ref.name(), spec.baseDirectory(), leases, problems, Interpreter::parameters));
            }
            List<Trial> trials = family != null && spec.selectsModel()
                    ? Trials.of(spec, family.service().hyperParameters(), family.parameters(), problems) : List.of();
            spec.transferFrom().ifPresent(t -> {
                if (!Files.isRegularFile(t.parent().resolve(org.genomod.api.store.ModelStore.CARD))) {
                    problems.add("model.from: no saved model at " + t.parent() + " (no " + org.genomod.api.store.ModelStore.CARD + ")");
                }
            });
            checkOutput(spec.outputDirectory(), problems);
            if (!problems.isEmpty()) {
                throw new SpecException(spec.origin(), problems);
            }
            return new Plan(inputs, family, evaluators, interpreters, trials, leases);
        } catch (SpecException | RuntimeException e) {
            leases.forEach(Lease::close);
            throw e;
        }
    }

    /** Binds the primary input's reader and each further input's, with their test-set parameters. */
    private static List<Input> inputs(PipelineSpec spec, PluginRegistry registry, List<Lease<?>> leases, List<String> problems) {
        List<DataInputs.Input> declared = DataInputs.parse(spec.reader(), problems);
        List<DataInputs.Input> test = spec.independentTest().map(t -> DataInputs.parse(t, new ArrayList<>())).orElse(null);
        List<Input> inputs = new ArrayList<>();
        for (int i = 0; i < declared.size(); i++) {
            DataInputs.Input input = declared.get(i);
            String where = i == 0 ? "data" : "data.inputs." + input.name();
            Bound<DataReader> reader = bind(registry, PluginKinds.READER, input.reader(), where, spec.baseDirectory(), leases, problems,
                    DataReader::parameters);
            Parameters testParameters = null;
            if (reader != null && test != null && i < test.size()) {
                try {
                    testParameters = reader.service().parameters().validate(test.get(i).reader().parameters(), spec.baseDirectory());
                } catch (ParameterException e) {
                    String testWhere = i == 0 ? "data.test" : "data.test.inputs." + input.name();
                    e.problems().forEach(p -> problems.add(testWhere + " (" + reader.lease().describe() + "): " + p));
                }
            }
            inputs.add(new Input(input.name(), reader, testParameters));
        }
        return inputs;
    }

    private static <S> Bound<S> bind(PluginRegistry registry, Kind<S> kind, PluginRef ref, String where, Path base,
                                     List<Lease<?>> leases, List<String> problems,
                                     java.util.function.Function<S, ParameterSchema> schema) {
        Optional<ServiceReference<S>> found = registry.find(kind, ref.name(), ref.versionRange());
        if (found.isEmpty()) {
            boolean otherVersions = ref.versionRange() != null && registry.find(kind, ref.name(), null).isPresent();
            problems.add(where + ": no " + kind.word() + " '" + ref.name() + "'"
                    + (otherVersions ? " in version range " + ref.versionRange() : "")
                    + " (available: " + registry.available(kind) + ")" + formatHint(registry, kind, ref.name()));
            return null;
        }
        Lease<S> lease = registry.lease(kind, found.get(), ref.name());
        leases.add(lease);
        try {
            return new Bound<>(lease, schema.apply(lease.service()).validate(ref.parameters(), base));
        } catch (ParameterException e) {
            e.problems().forEach(p -> problems.add(where + " (" + lease.describe() + "): " + p));
            return null;
        }
    }

    /** Users often name the format ("bam") rather than the reader ("alignments"): point them to it. */
    private static <S> String formatHint(PluginRegistry registry, Kind<S> kind, String name) {
        if (kind != PluginKinds.READER) {
            return "";
        }
        List<String> readers = registry.references(kind, null).stream()
                .filter(r -> formats(r.getProperty(DataReader.FORMATS_PROPERTY)).contains(name.toLowerCase(java.util.Locale.ROOT)))
                .map(r -> "'" + r.getProperty(kind.property()) + "'").distinct().toList();
        return readers.isEmpty() ? "" : "; " + name + " files are read by reader " + String.join(" or ", readers);
    }

    private static List<String> formats(Object property) {
        if (property instanceof String[] a) {
            return List.of(a);
        }
        if (property instanceof java.util.Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        return property == null ? List.of() : List.of(property.toString());
    }

    private static void checkOutput(Path output, List<String> problems) {
        if (Files.exists(output) && !Files.isDirectory(output)) {
            problems.add("output " + output + " exists and is not a directory");
            return;
        }
        Path existing = output;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
            problems.add("output " + output + " cannot be created (" + existing + " is not a writable directory)");
        }
    }

    /** The first leased plugin whose service went away, if any. */
    Optional<Lease<?>> lost() {
        return leases.stream().filter(Lease::lost).findFirst();
    }

    List<Lease<?>> leases() {
        return leases;
    }

    @Override
    public void close() {
        leases.forEach(Lease::close);
    }
}
