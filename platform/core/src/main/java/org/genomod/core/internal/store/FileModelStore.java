package org.genomod.core.internal.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.genomod.api.io.AtomicOutput;
import org.genomod.api.model.Model;
import org.genomod.api.model.ModelFamily;
import org.genomod.api.param.ParameterException;
import org.genomod.api.param.Parameters;
import org.genomod.api.store.LoadedModel;
import org.genomod.api.store.ModelCard;
import org.genomod.api.store.ModelStore;
import org.genomod.core.internal.io.AtomicFiles;
import org.genomod.core.internal.io.Digests;
import org.genomod.core.internal.io.Json;
import org.genomod.core.internal.registry.Lease;
import org.genomod.core.internal.registry.PluginKinds;
import org.genomod.core.internal.registry.PluginRegistry;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** Model directories on the file system: network files, model.json and a SHA-256 manifest. */
@Component(service = ModelStore.class)
public final class FileModelStore implements ModelStore {
    private final PluginRegistry registry;

    @Activate
    public FileModelStore(BundleContext context) {
        this(new PluginRegistry(context));
    }

    public FileModelStore(PluginRegistry registry) {
        this.registry = registry;
    }

    @Override
    public String save(Model model, ModelCard card, Path directory) throws IOException {
        Path target = directory.toAbsolutePath().normalize();
        Path staged = AtomicOutput.stagingDirectory(target); // permissions from the umask, as for any directory made here
        try {
            model.save(staged);
            Json.write(staged.resolve(CARD), card);
            String manifest = manifest(staged);
            AtomicFiles.writeString(staged.resolve(MANIFEST), manifest);
            AtomicFiles.replaceDirectory(staged, target);
            return Digests.sha256(manifest.getBytes(StandardCharsets.UTF_8));
        } finally {
            AtomicFiles.deleteRecursively(staged);
        }
    }

    @Override
    public ModelCard readCard(Path directory) throws IOException {
        verify(directory);
        return Json.MAPPER.readValue(directory.resolve(CARD).toFile(), ModelCard.class);
    }

    @Override
    public LoadedModel load(Path directory) throws IOException {
        String digest = verify(directory);
        ModelCard card = Json.MAPPER.readValue(directory.resolve(CARD).toFile(), ModelCard.class);
        ServiceReference<ModelFamily> ref = registry.find(PluginKinds.FAMILY, card.family(), null)
                .orElseThrow(() -> new IOException(directory + ": model family '" + card.family()
                        + "' is not installed (available: " + registry.available(PluginKinds.FAMILY) + ")"));
        Lease<ModelFamily> lease = registry.lease(PluginKinds.FAMILY, ref, card.family());
        try {
            ModelFamily family = lease.service();
            Parameters hp = family.hyperParameters().validate(card.hyperParameters(), directory);
            Model model = family.load(directory, card.schema(), hp);
            return new LoadedModel(card, model, digest, lease::close);
        } catch (ParameterException e) {
            lease.close();
            throw new IOException(directory.resolve(CARD) + ": hyper-parameters do not fit the installed family "
                    + lease.describe() + ": " + String.join("; ", e.problems()));
        } catch (IOException | RuntimeException e) {
            lease.close();
            throw e;
        }
    }

    /** Checks every file against the manifest; returns the manifest's digest. */
    static String verify(Path directory) throws IOException {
        Path manifestFile = directory.resolve(MANIFEST);
        if (!Files.isDirectory(directory)) {
            throw new IOException(directory + ": no such model directory");
        }
        if (!Files.isRegularFile(manifestFile)) {
            throw new IOException(directory + ": not a saved genomod model (no " + MANIFEST + ")");
        }
        String manifest = Files.readString(manifestFile, StandardCharsets.UTF_8);
        Map<String, String> expected = new TreeMap<>();
        int lineNumber = 0;
        for (String line : manifest.split("\n")) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            int space = line.indexOf("  ");
            if (space != 64) {
                throw new IOException(manifestFile + ":" + lineNumber + ": malformed manifest line (expected '<sha256>  <file>')");
            }
            expected.put(line.substring(space + 2), line.substring(0, space));
        }
        Map<String, String> actual = hashes(directory);
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String found = actual.get(e.getKey());
            if (found == null) {
                throw new IOException(directory.resolve(e.getKey()) + ": listed in the manifest but missing");
            }
            if (!found.equals(e.getValue())) {
                throw new IOException(directory.resolve(e.getKey()) + ": SHA-256 differs from the manifest (the file changed after saving)");
            }
        }
        for (String file : actual.keySet()) {
            if (!expected.containsKey(file)) {
                throw new IOException(directory.resolve(file) + ": not listed in the manifest (added after saving)");
            }
        }
        return Digests.sha256(manifest.getBytes(StandardCharsets.UTF_8));
    }

    private static String manifest(Path directory) throws IOException {
        StringBuilder s = new StringBuilder();
        hashes(directory).forEach((file, hash) -> s.append(hash).append("  ").append(file).append('\n'));
        return s.toString();
    }

    /** SHA-256 of every regular file except the manifest, by '/'-separated relative path, sorted. */
    private static Map<String, String> hashes(Path directory) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.filter(Files::isRegularFile).forEach(files::add);
        }
        Map<String, String> hashes = new TreeMap<>();
        for (Path file : files) {
            String relative = directory.relativize(file).toString().replace('\\', '/');
            if (!relative.equals(MANIFEST)) {
                hashes.put(relative, Digests.sha256(file));
            }
        }
        return hashes;
    }
}
