package org.genomod.launcher;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * {@code genomod bench models --threads N}. ND4J, its OpenMP runtime and OpenBLAS read
 * {@value #VARIABLE} once, when their natives load, and a running JVM cannot change its own
 * environment; so a count other than the one in effect runs the launcher again in a child JVM with the
 * variable set, and passes the child's exit status on.
 */
final class ThreadCountRelaunch {
    static final String VARIABLE = "OMP_NUM_THREADS";
    private static final String OPTION = "--threads";

    private ThreadCountRelaunch() {
    }

    /** The thread count {@code args} ask for: only {@code bench models} takes one, and only a positive integer counts. */
    static OptionalInt requested(String[] args) {
        if (args.length < 2 || !args[0].equals("bench") || !args[1].equals("models")) {
            return OptionalInt.empty();
        }
        for (int i = 2; i < args.length; i++) {
            String value = args[i].startsWith(OPTION + "=") ? args[i].substring(OPTION.length() + 1)
                    : args[i].equals(OPTION) && i + 1 < args.length ? args[i + 1] : null;
            if (value != null) {
                try {
                    int threads = Integer.parseInt(value.strip());
                    return threads > 0 ? OptionalInt.of(threads) : OptionalInt.empty();
                } catch (NumberFormatException e) {
                    return OptionalInt.empty(); // the command line parser reports it
                }
            }
        }
        return OptionalInt.empty();
    }

    /** Whether this JVM's natives already run with {@code threads} threads. */
    static boolean inEffect(int threads, Map<String, String> environment) {
        return Integer.toString(threads).equals(environment.get(VARIABLE));
    }

    /** This JVM's command line: the same runtime, JVM options ({@code -Dgenomod.home} among them) and class path. */
    static List<String> command(String[] args) {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        return command;
    }

    /** Runs the launcher again with {@value #VARIABLE}={@code threads}, sharing this process's terminal; returns its exit status. */
    static int relaunch(int threads, String[] args) throws LaunchException {
        ProcessBuilder builder = new ProcessBuilder(command(args)).inheritIO();
        builder.environment().put(VARIABLE, Integer.toString(threads));
        Process child;
        try {
            child = builder.start();
        } catch (IOException e) {
            throw new LaunchException("cannot start a JVM with " + VARIABLE + "=" + threads + ": " + e.getMessage(), e);
        }
        Thread stopChild = new Thread(child::destroy, "genomod-stop-child");
        Runtime.getRuntime().addShutdownHook(stopChild);
        try {
            return child.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            child.destroy();
            throw new LaunchException("interrupted while the benchmark ran", e);
        }
    }
}
