package org.genomod.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.util.tracker.ServiceTracker;

/**
 * An Equinox instance with genomod's bundles: {@code system/} (static for the JVM's life, installed by
 * reference) and {@code plugins/} (hot-deploy folder watched by Felix FileInstall). Each process gets
 * its own framework storage, so concurrent commands never share state.
 */
final class Platform {
    private static final long PLUGIN_WAIT_MS = 30_000;
    private static final long SERVICE_WAIT_MS = 60_000;

    private final Framework framework;
    private final Path storage;
    private final Path home;
    private volatile boolean stopped;

    private Platform(Framework framework, Path storage, Path home) {
        this.framework = framework;
        this.storage = storage;
        this.home = home;
    }

    static Platform start(Path home, boolean interactive, boolean debug) throws LaunchException {
        Path storage;
        try {
            storage = Files.createTempDirectory("genomod-osgi-");
        } catch (IOException e) {
            throw new LaunchException("cannot create the framework's storage directory: " + e.getMessage(), e);
        }
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put("genomod.home", home.toString());
        config.put("genomod.interactive", Boolean.toString(interactive));
        // FileInstall watches etc/ for configuration; etc/org.apache.felix.fileinstall-plugins.cfg adds plugins/
        config.put("felix.fileinstall.dir", home.resolve("etc").toString());
        config.put("felix.fileinstall.filter", ".*\\.cfg");
        config.put("felix.fileinstall.noInitialDelay", "true");
        config.put("felix.fileinstall.poll", "1000");
        config.put("felix.fileinstall.log.level", debug ? "4" : "1");
        // etc/ is the administrator's: FileInstall must never write configuration back into it
        config.put("felix.fileinstall.enableConfigSave", "false");
        config.put("gosh.args", interactive ? "" : "--nointeractive");
        config.put("osgi.console.enable.builtin", "false");

        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class, Platform.class.getClassLoader()).findFirst()
                .orElseThrow(() -> new LaunchException("no OSGi framework on the class path (lib/ is incomplete)", null));
        Framework framework = factory.newFramework(config);
        Platform platform = new Platform(framework, storage, home);
        try {
            framework.init();
            BundleContext context = framework.getBundleContext();
            List<Bundle> bundles = new ArrayList<>();
            for (Path jar : jars(home.resolve("system"))) {
                bundles.add(context.installBundle("reference:" + jar.toUri()));
            }
            if (interactive) {
                for (Path jar : jars(home.resolve("system").resolve("shell"))) {
                    bundles.add(context.installBundle("reference:" + jar.toUri()));
                }
            }
            framework.start();
            for (Bundle b : bundles) {
                if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                    b.start();
                }
            }
        } catch (BundleException e) {
            platform.stop();
            throw new LaunchException("the platform did not start: " + e.getMessage(), e);
        }
        platform.awaitPlugins();
        return platform;
    }

    private static List<Path> jars(Path dir) throws LaunchException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted(Comparator.naturalOrder()).toList();
        } catch (IOException e) {
            throw new LaunchException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Waits until FileInstall has started every jar in plugins/. A plugin that cannot start is
     * reported and skipped: one bad third-party jar must not take the platform down.
     */
    private void awaitPlugins() throws LaunchException {
        List<Path> expected = jars(home.resolve("plugins"));
        long deadline = System.currentTimeMillis() + PLUGIN_WAIT_MS;
        List<Path> pending = new ArrayList<>(expected);
        while (!pending.isEmpty()) {
            pending.removeIf(jar -> {
                Bundle b = installed(jar);
                return b != null && (b.getState() == Bundle.ACTIVE || b.getHeaders().get(Constants.FRAGMENT_HOST) != null);
            });
            if (pending.isEmpty() || System.currentTimeMillis() > deadline) {
                break;
            }
            sleep(50);
        }
        for (Path jar : pending) {
            Bundle b = installed(jar);
            String why = "FileInstall did not install it";
            if (b != null) {
                try {
                    b.start();
                    continue;
                } catch (BundleException e) {
                    why = e.getMessage();
                }
            }
            System.err.println("genomod: warning: plugin " + jar.getFileName() + " is not active: " + why);
        }
    }

    private Bundle installed(Path jar) {
        String name = "/" + jar.getFileName().toString();
        for (Bundle b : framework.getBundleContext().getBundles()) {
            if (b.getLocation().endsWith(name) && !b.getLocation().startsWith("reference:")) {
                return b;
            }
        }
        return null;
    }

    /** The genomod command line, a plain JDK function so no class crosses the framework boundary. */
    @SuppressWarnings("unchecked")
    Function<String[], Integer> cli() throws LaunchException {
        try {
            var filter = framework.getBundleContext().createFilter(
                    "(&(" + Constants.OBJECTCLASS + "=" + Function.class.getName() + ")(genomod.cli=main))");
            ServiceTracker<Object, Object> tracker = new ServiceTracker<>(framework.getBundleContext(), filter, null);
            tracker.open(true);
            Object service = tracker.waitForService(SERVICE_WAIT_MS);
            if (service == null) {
                throw new LaunchException("the genomod command service did not start within " + SERVICE_WAIT_MS / 1000
                        + " s (run with --debug, or 'genomod shell' and 'lb' to see which bundle is not active)", null);
            }
            return (Function<String[], Integer>) service;
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted while starting", e);
        }
    }

    void awaitStop() {
        try {
            framework.waitForStop(0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            framework.stop();
            framework.waitForStop(60_000);
        } catch (BundleException | InterruptedException e) {
            // shutting down anyway; the storage below is ours to remove
        } finally {
            deleteQuietly(storage);
        }
    }

    private static void deleteQuietly(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp directory is harmless
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
