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
        "osgi.command.function=demo", "osgi.command.function=run", "osgi.command.function=predict", "osgi.command.function=sample",
        "osgi.command.function=plugins", "osgi.command.function=jobs",
        "osgi.command.function=shutdown", "osgi.command.function=inspect"})
public final class GogoCommands {
    private final Cli cli;
    private final org.osgi.framework.BundleContext context;

    @Activate
    public GogoCommands(org.osgi.framework.BundleContext context, @Reference Cli cli) {
        this.context = context;
        this.cli = cli;
    }

    public void demo(String... args) {
        invoke("demo", args);
    }

    public void run(String... args) {
        invoke("run", args);
    }

    public void predict(String... args) {
        invoke("predict", args);
    }

    public void sample(String... args) {
        invoke("sample", args);
    }

    public void plugins(String... args) {
        invoke("plugins", args);
    }

    public void inspect(String... args) {
        invoke("inspect", args);
    }

    public void jobs(String... args) {
        invoke("jobs", args);
    }

    /** Stops the platform (jobs are cancelled first); the launcher then exits. */
    public void shutdown() {
        Thread stopper = new Thread(() -> {
            try {
                context.getBundle(0).stop();
            } catch (org.osgi.framework.BundleException e) {
                System.err.println("genomod: error: could not stop the platform: " + e.getMessage());
            }
        }, "genomod-shutdown");
        stopper.start(); // not on the shell's own thread, which the framework stops
    }

    /** Exit codes are for processes; in the shell the command's own output says how it went. */
    private void invoke(String command, String[] args) {
        String[] full = new String[args.length + 1];
        full[0] = command;
        System.arraycopy(args, 0, full, 1, args.length);
        cli.apply(full);
    }
}
