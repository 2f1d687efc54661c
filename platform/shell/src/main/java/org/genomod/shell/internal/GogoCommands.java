package org.genomod.shell.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The genomod commands in the Gogo shell ({@code genomod:run spec.yaml}, {@code plugins}, ...),
 * parsed and executed exactly as on the command line.
 */
@Component(service = GogoCommands.class, property = {
        "osgi.command.scope=genomod",
        "osgi.command.function=demo", "osgi.command.function=run", "osgi.command.function=predict",
        "osgi.command.function=plugins", "osgi.command.function=jobs"})
public final class GogoCommands {
    private final Cli cli;

    @Activate
    public GogoCommands(@Reference Cli cli) {
        this.cli = cli;
    }

    public int demo(String... args) {
        return invoke("demo", args);
    }

    public int run(String... args) {
        return invoke("run", args);
    }

    public int predict(String... args) {
        return invoke("predict", args);
    }

    public int plugins(String... args) {
        return invoke("plugins", args);
    }

    public int jobs(String... args) {
        return invoke("jobs", args);
    }

    private int invoke(String command, String[] args) {
        String[] full = new String[args.length + 1];
        full[0] = command;
        System.arraycopy(args, 0, full, 1, args.length);
        return cli.apply(full);
    }
}
