package org.genomod.shell.internal;

import static org.genomod.shell.internal.BenchLines.round;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import org.genomod.api.data.ArrayDataset;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.interpret.InterpretationRequest;
import org.genomod.api.interpret.Interpreter;
import org.genomod.api.interpret.VariantScorer;
import org.genomod.api.model.Model;
import org.genomod.api.model.ModelFamily;
import org.genomod.api.model.ModelRequest;
import org.genomod.api.param.Parameters;
import org.osgi.framework.BundleContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Interpretation throughput on the DeepBind network of {@code shared/bench/README.md} (as {@code bench models}
 * builds it): in-silico mutagenesis mutants/s through the installed {@code ism} interpreter, and variant
 * effects/s through the installed variant scorer over the GIAB truth variants of the shared DeepVariant data, repeated
 * into one larger file.
 * Throughput does not depend on the weights, so the network is untrained; each figure is the best of
 * {@code --rounds} timed runs after one warm-up run.
 */
@Command(name = "interpret", description = {
        "In-silico mutagenesis mutants/s and variant effects/s of the DeepBind CNN (shared/bench/README.md) through the",
        "installed ism interpreter and variant scorer. JSON lines."})
final class InterpretBenchCommand implements Callable<Integer> {
    static final String VCF = "deepvariant-na12878-chr20/test_nist.b37_chr20_first_half.vcf.gz";
    static final String REFERENCE = "deepvariant-na12878-chr20/ucsc.hg19.chr20.unittest.fasta.gz";
    private static final long SEED = 0;

    private final BundleContext context;
    private final Console console;

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR",
            description = "the shared data folder (default: $GENOMOD_DATA, else ../shared/data from the working directory)")
    Path data;

    @Option(names = "--sequences", defaultValue = "200", paramLabel = "N",
            description = "random sequences mutated per ISM run, 3 mutants per base (default: ${DEFAULT-VALUE})")
    int sequences;

    @Option(names = "--repeat", defaultValue = "150", paramLabel = "N",
            description = "the truth VCF's records are scored N times over in one file, so that start-up costs do not dominate (default: ${DEFAULT-VALUE})")
    int repeat;

    @Option(names = "--rounds", defaultValue = "3", paramLabel = "N", description = "timed runs per figure, best one reported (default: ${DEFAULT-VALUE})")
    int rounds;

    InterpretBenchCommand(BundleContext context, Console console) {
        this.context = context;
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        if (sequences < 1 || rounds < 1 || repeat < 1) {
            throw new ParameterException(spec.commandLine(), "--sequences, --repeat and --rounds must be at least 1");
        }
        Path dataDir = (data != null ? data : Path.of(Optional.ofNullable(System.getenv("GENOMOD_DATA")).orElse("../shared/data")))
                .toAbsolutePath().normalize();
        BenchNetwork network = BenchNetwork.DEEPBIND;
        DatasetSchema schema = network.schema();
        Path scratch = Files.createTempDirectory("genomod-bench-interpret");
        try (Services services = new Services(context, "the interpret benchmark needs the model-cnn, interpret-ism and interpret-variant-effects plugins")) {
            ModelFamily family = services.get(ModelFamily.class, ModelFamily.SERVICE_PROPERTY, "cnn");
            Parameters hyperParameters = family.hyperParameters().validate(network.hyperParameters(), Path.of(""));
            try (Model model = family.create(new ModelRequest(schema, hyperParameters, ModelThroughput.ADAM, null, SEED))) {
                Interpreter ism = services.get(Interpreter.class, Interpreter.SERVICE_PROPERTY, "ism");
                BenchLines.print(console, ismLine(ism, model, schema, scratch));
                VariantScorer scorer = services.get(VariantScorer.class, VariantScorer.SERVICE_PROPERTY, "*");
                BenchLines.print(console, variantLine(scorer, model, dataDir, scratch));
            }
        } finally {
            IoBenchCommand.deleteTree(scratch);
        }
        return 0;
    }

    private Map<String, Object> ismLine(Interpreter ism, Model model, DatasetSchema schema, Path scratch) throws Exception {
        ArrayDataset dataset = randomSequences(schema, sequences, new SplittableRandom(SEED));
        Parameters parameters = ism.parameters().validate(Map.of("max_sequences", sequences, "logo_sequences", 0), Path.of(""));
        long mutants = (long) sequences * schema.featureShape().get(0) * (schema.featureShape().get(1) - 1);
        double best = bestSeconds(round -> ism.interpret(new InterpretationRequest(model, dataset, parameters,
                Files.createDirectories(scratch.resolve("ism-" + round)), null)));
        Map<String, Object> line = BenchLines.line("interpret", "in-silico mutagenesis, every single-base substitution");
        line.put("model", BenchNetwork.DEEPBIND.key());
        line.put("sequences", sequences);
        line.put("length", schema.featureShape().get(0));
        line.put("mutants", mutants);
        line.put("ism_mutants_per_s", round(mutants / best));
        line.put("load_average", loadAverage());
        return line;
    }

    private Map<String, Object> variantLine(VariantScorer scorer, Model model, Path dataDir, Path scratch) throws Exception {
        Path vcf = dataDir.resolve(VCF);
        Path reference = dataDir.resolve(REFERENCE);
        Map<String, Object> line = BenchLines.line("interpret", "variant effect scores (ref and alt windows) of VCF variants");
        line.put("model", BenchNetwork.DEEPBIND.key());
        for (Path file : List.of(vcf, reference)) {
            if (!Files.isRegularFile(file)) {
                line.put("skipped", "missing " + file + " (pass --data DIR or set GENOMOD_DATA to the shared data folder)");
                return line;
            }
        }
        Parameters parameters = scorer.parameters().validate(Map.of(), Path.of(""));
        Path repeated = repeatRecords(vcf, repeat, scratch.resolve("repeated.vcf"));
        VariantScorer.Summary[] last = new VariantScorer.Summary[1];
        double best = bestSeconds(round -> last[0] = scorer.score(new VariantScorer.Request(model, repeated, reference,
                scratch.resolve("effects-" + round + ".tsv"), parameters, null)));
        line.put("vcf", vcf.toString());
        line.put("repeat", repeat);
        line.put("variants", last[0].variants());
        line.put("scored", last[0].scored());
        line.put("variant_effects_per_s", round(last[0].scored() / best));
        line.put("load_average", loadAverage());
        return line;
    }

    /** The header of {@code vcf} (plain or gzipped), then its records {@code times} over. */
    static Path repeatRecords(Path vcf, int times, Path out) throws IOException {
        StringBuilder header = new StringBuilder();
        StringBuilder records = new StringBuilder();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                vcf.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(vcf)) : Files.newInputStream(vcf),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                (line.startsWith("#") ? header : records).append(line).append('\n');
            }
        }
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write(header.toString());
            for (int i = 0; i < times; i++) {
                w.write(records.toString());
            }
        }
        return out;
    }

    private interface Run {
        void run(int round) throws Exception;
    }

    /** Fastest of {@code rounds} timed runs, after one untimed warm-up run. */
    private double bestSeconds(Run run) throws Exception {
        run.run(0);
        double best = Double.POSITIVE_INFINITY;
        for (int round = 1; round <= rounds; round++) {
            long start = System.nanoTime();
            run.run(round);
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return best;
    }

    static ArrayDataset randomSequences(DatasetSchema schema, int count, SplittableRandom random) {
        ArrayDataset.Builder builder = ArrayDataset.builder(schema, true);
        int length = schema.featureShape().get(0);
        int channels = schema.featureShape().get(1);
        for (int i = 0; i < count; i++) {
            float[] features = new float[length * channels];
            for (int position = 0; position < length; position++) {
                features[position * channels + random.nextInt(channels)] = 1;
            }
            builder.add("seq" + (i + 1), null, features, new float[] {1});
        }
        return builder.build();
    }

    private static Double loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? null : round(load);
    }
}
