package org.genomod.launcher;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.Properties;

/**
 * Entry point of {@code bin/genomod}: {@code shell} keeps an interactive platform running; every
 * other command boots the platform, runs once and exits with the command's status.
 */
public final class Main {
    /** Platform starts measured by {@code genomod bench}, after one warm-up start. */
    private static final int WARM_STARTS = 3;

    private Main() {
    }

    public static void main(String[] args) {
        boolean debug = Arrays.asList(args).contains("--debug");
        int code;
        try {
            OptionalInt threads = ThreadCountRelaunch.requested(args);
            code = threads.isPresent() && !ThreadCountRelaunch.inEffect(threads.getAsInt(), System.getenv())
                    ? ThreadCountRelaunch.relaunch(threads.getAsInt(), args)
                    : run(args, debug);
        } catch (LaunchException e) {
            System.err.println("genomod: error: " + e.getMessage());
            if (debug && e.getCause() != null) {
                e.getCause().printStackTrace();
            }
            code = 3;
        }
        System.exit(code);
    }

    static int run(String[] args, boolean debug) throws LaunchException {
        Path home = home();
        boolean shell = args.length > 0 && args[0].equals("shell");
        configureLibraries(home, debug);
        // 'bench' alone measures platform starts; 'bench io' and the other suites run on one start
        boolean bench = args.length > 0 && args[0].equals("bench") && (args.length == 1 || args[1].startsWith("-"));
        Platform platform = null;
        String[] command = args;
        if (bench) {
            // platform start is the launcher's to measure: the first start warms caches, the next ones count
            List<String> millis = new ArrayList<>();
            for (int i = 0; i <= WARM_STARTS; i++) {
                if (platform != null) {
                    platform.stop();
                }
                long start = System.nanoTime();
                platform = Platform.start(home, false, debug);
                platform.cli();
                if (i > 0) {
                    millis.add(Long.toString((System.nanoTime() - start) / 1_000_000));
                }
            }
            command = new String[args.length + 2];
            System.arraycopy(args, 0, command, 0, args.length);
            command[args.length] = "--platform-start-ms";
            command[args.length + 1] = String.join(",", millis);
        } else {
            platform = Platform.start(home, shell, debug);
        }
        Platform running = platform;
        Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "genomod-shutdown"));
        try {
            if (shell) {
                System.out.println("genomod shell: type 'genomod:plugins', 'genomod:run SPEC', 'help'; 'shutdown' or Ctrl-D to quit."
                        + " Drop plugin jars into " + home.resolve("plugins") + " to install or update them.");
                platform.awaitStop();
                return 0;
            }
            return platform.cli().apply(command);
        } finally {
            platform.stop();
        }
    }

    static Path home() throws LaunchException {
        String value = System.getProperty("genomod.home");
        if (value == null) {
            throw new LaunchException("genomod.home is not set; start genomod with bin/genomod", null);
        }
        Path home = Path.of(value).toAbsolutePath().normalize();
        for (String dir : List.of("system", "plugins", "etc")) {
            if (!Files.isDirectory(home.resolve(dir))) {
                throw new LaunchException(home + " is not a genomod installation (no " + dir + "/ directory)", null);
            }
        }
        return home;
    }

    /**
     * Library settings that must be in place before the bundles load: JavaCPP extracts its natives
     * once into a per-version cache that survives rebuilds; logging stays quiet unless debugging.
     */
    private static void configureLibraries(Path home, boolean debug) {
        String cacheRoot = System.getenv().getOrDefault("XDG_CACHE_HOME", System.getProperty("user.home") + File.separator + ".cache");
        setDefault("org.bytedeco.javacpp.cachedir", Path.of(cacheRoot, "genomod", nativesKey()).toString());
        // htsjdk would log an error with a stack trace the first time it looks for snappy (sort spills only)
        setDefault("samjdk.snappy.disable", "true");
        setDefault("org.slf4j.simpleLogger.defaultLogLevel", debug ? "info" : "warn");
        setDefault("org.slf4j.simpleLogger.logFile", "System.err");
    }

    /** JavaCPP names cache folders by platform, not by version: a per-version folder keeps versions apart. */
    private static String nativesKey() {
        Properties p = new Properties();
        try (InputStream in = Main.class.getResourceAsStream("launcher.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // fall through to the default key
        }
        return p.getProperty("natives.key", "javacpp");
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
