package org.genomod.shell.internal;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Listed for help; {@code bin/genomod shell} is handled by the launcher, which keeps the platform running. */
@Command(name = "shell", description = "Interactive Gogo shell on a running platform; plugins/ is watched for hot swaps.")
final class ShellCommand implements Callable<Integer> {
    private final Console console;

    ShellCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        console.error("already inside a running platform; start the shell with bin/genomod shell");
        return 2;
    }
}
