package org.genomod.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.vmOption;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.ops4j.pax.exam.Option;

/**
 * Boots Equinox with exactly the bundles of the built distribution (distribution/target/genomod):
 * system/ as the launcher installs them, and the plugins either installed directly or through a
 * FileInstall-watched folder, as in a running installation.
 */
public abstract class GenomodTestSupport {
    protected static final Path HOME = Path.of(System.getProperty("genomod.dir", "../distribution/target/genomod"))
            .toAbsolutePath().normalize();

    /** Options for the platform with the bundled plugins installed and started directly. */
    protected static List<Option> platform() {
        List<Option> options = systemBundles();
        for (Path jar : jars(HOME.resolve("plugins"))) {
            options.add(bundle(jar.toUri().toString()).start());
        }
        return options;
    }

    /** Options for the platform whose plugins come from {@code pluginsDir}, watched by FileInstall. */
    protected static List<Option> platformWatching(Path pluginsDir) {
        List<Option> options = systemBundles();
        options.add(frameworkProperty("felix.fileinstall.dir").value(pluginsDir.toString()));
        options.add(frameworkProperty("felix.fileinstall.poll").value("300"));
        options.add(frameworkProperty("felix.fileinstall.noInitialDelay").value("true"));
        options.add(frameworkProperty("felix.fileinstall.log.level").value("1"));
        return options;
    }

    private static List<Option> systemBundles() {
        if (!Files.isDirectory(HOME.resolve("system"))) {
            throw new IllegalStateException("no built distribution at " + HOME + ": build it first (mvn package)");
        }
        List<Option> options = new ArrayList<>();
        options.add(junitBundles());
        // the launcher's natives cache, so the forked framework does not extract 400 MB again
        options.add(systemProperty("org.bytedeco.javacpp.cachedir").value(System.getProperty("genomod.natives.cache",
                Path.of(System.getProperty("user.home"), ".cache", "genomod", "javacpp").toString())));
        options.add(systemProperty("samjdk.snappy.disable").value("true"));
        options.add(systemProperty("org.slf4j.simpleLogger.defaultLogLevel").value("warn"));
        // Pax Exam's own RMI logging would otherwise print DEBUG lines into the command output tests capture
        options.add(systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"));
        // Pax Exam forks the framework with an empty environment: the thread count travels as a property
        options.add(systemProperty("genomod.threads").value(System.getenv().getOrDefault("OMP_NUM_THREADS", "")));
        options.add(systemProperty("genomod.shared.data").value(System.getProperty("genomod.shared.data", "")));
        options.add(systemProperty("java.io.tmpdir").value(System.getProperty("java.io.tmpdir")));
        options.add(frameworkProperty("genomod.home").value(HOME.toString()));
        options.add(vmOption("-Xmx3g"));
        for (Path jar : jars(HOME.resolve("system"))) {
            options.add(bundle(jar.toUri().toString()).start(!isFragment(jar)));
        }
        return options;
    }

    protected static List<Path> jars(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isFragment(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest().getMainAttributes().getValue("Fragment-Host") != null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shared real-data folder; fails (never silently passes) when it is missing. */
    protected static Path sharedData(String relative) {
        String root = System.getProperty("genomod.shared.data", "");
        Path path = Path.of(root).resolve(relative).toAbsolutePath().normalize();
        if (root.isEmpty() || !Files.exists(path)) {
            throw new AssertionError("real test data missing: " + path + " (expected ../shared/data beside the checkout)");
        }
        return path;
    }
}
