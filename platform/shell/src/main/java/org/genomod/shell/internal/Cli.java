package org.genomod.shell.internal;

import java.io.PrintWriter;
import java.util.function.Function;
import org.genomod.api.job.JobService;
import org.genomod.api.job.PredictionService;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code genomod} command line. Registered as a plain {@code Function<String[], Integer>} (a JDK
 * type) so the launcher outside the framework can call it without sharing any class with bundles.
 * The same instance backs the Gogo commands.
 */
@Component(service = {Function.class, Cli.class}, property = Cli.PROPERTY + "=main")
public final class Cli implements Function<String[], Integer> {
    public static final String PROPERTY = "genomod.cli";

    private final BundleContext context;
    private final JobService jobs;
    private final PredictionService prediction;

    @Activate
    public Cli(BundleContext context, @Reference JobService jobs, @Reference PredictionService prediction) {
        this.context = context;
        this.jobs = jobs;
        this.prediction = prediction;
    }

    // inherited, so that every subcommand's --help works, as the usage errors suggest
    @Command(name = "genomod", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
            versionProvider = Cli.Version.class,
            description = "Deep learning on genomic data, on an OSGi plugin platform.",
            subcommands = CommandLine.HelpCommand.class)
    static final class Root {
        @Option(names = "--debug", description = "print stack traces of errors", scope = CommandLine.ScopeType.INHERIT)
        boolean debug;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"genomod " + org.osgi.framework.FrameworkUtil.getBundle(Cli.class).getVersion()};
        }
    }

    @Override
    public Integer apply(String[] args) {
        Console console = new Console(System.out, System.err);
        Root root = new Root();
        CommandLine line = new CommandLine(root)
                .addSubcommand(new DemoCommand(jobs, console))
                .addSubcommand(new RunCommand(jobs, console))
                .addSubcommand(new PredictCommand(prediction, console))
                .addSubcommand(new SampleCommand(prediction, console))
                .addSubcommand(new PluginsCommand(context, console))
                .addSubcommand(new JobsCommand(jobs, console))
                .addSubcommand(new InspectCommand(context, console))
                .addSubcommand(new EvaluateVcfCommand(context, console))
                .addSubcommand(new EvaluateNetworkCommand(context, console))
                .addSubcommand(new ScoreVariantsCommand(context, console))
                .addSubcommand(new ShellCommand(console))
                .addSubcommand(new CommandLine(new BenchCommand(jobs, console))
                        .addSubcommand(new IoBenchCommand(context, console))
                        .addSubcommand(new ModelBenchCommand(context, console))
                        .addSubcommand(new InterpretBenchCommand(context, console)));
        line.setOut(new PrintWriter(System.out, true));
        line.setErr(new PrintWriter(System.err, true));
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            boolean debug = args != null && java.util.Arrays.asList(args).contains("--debug");
            console.error(UserErrors.describe(e));
            if (debug) {
                e.printStackTrace(System.err);
            }
            return UserErrors.exitCode(e);
        });
        line.setParameterExceptionHandler((e, params) -> {
            console.error(e.getMessage() + " (see '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return 2;
        });
        return line.execute(args == null ? new String[0] : args);
    }
}
