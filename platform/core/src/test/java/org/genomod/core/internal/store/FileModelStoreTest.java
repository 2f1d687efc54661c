package org.genomod.core.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.genomod.api.job.PluginRef;
import org.genomod.api.model.Model;
import org.genomod.api.store.ModelCard;
import org.genomod.api.store.ModelStore;
import org.genomod.core.internal.Fixtures;
import org.genomod.core.internal.LogisticModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileModelStoreTest {
    @TempDir
    Path dir;

    private final FileModelStore store = new FileModelStore((org.genomod.core.internal.registry.PluginRegistry) null);

    private static ModelCard card(long seed) {
        return new ModelCard("logistic", "test.bundle", "1.0.0", new PluginRef("fasta", null, Map.of("format", "uci")),
                Fixtures.BINARY, Map.of(), Map.of("rate", 0.5), Map.of(), "abc", seed, Map.of(), "2026-01-01T00:00:00Z", null, Map.of());
    }

    @Test
    void savesNetworkCardAndManifestAndReadsTheCardBack() throws IOException {
        Path target = dir.resolve("model");
        String digest = store.save(new LogisticModel(Fixtures.BINARY, 0.1), card(5), target);
        assertEquals(64, digest.length());
        assertTrue(Files.isRegularFile(target.resolve("weights.bin")));
        List<String> manifest = Files.readAllLines(target.resolve(ModelStore.MANIFEST));
        assertEquals(2, manifest.size());
        assertTrue(manifest.get(0).endsWith("  model.json") && manifest.get(1).endsWith("  weights.bin"), manifest.toString());
        ModelCard read = store.readCard(target);
        assertEquals(card(5), read);
        assertEquals(digest, FileModelStore.verify(target));
    }

    @Test
    void aChangedMissingOrAddedFileIsNamed() throws IOException {
        Path target = dir.resolve("model");
        store.save(new LogisticModel(Fixtures.BINARY, 0.1), card(5), target);
        Files.writeString(target.resolve("extra.txt"), "x");
        assertEquals(target.resolve("extra.txt") + ": not listed in the manifest (added after saving)",
                assertThrows(IOException.class, () -> store.readCard(target)).getMessage());
        Files.delete(target.resolve("extra.txt"));
        Files.write(target.resolve("weights.bin"), new byte[] {1, 2, 3});
        assertEquals(target.resolve("weights.bin") + ": SHA-256 differs from the manifest (the file changed after saving)",
                assertThrows(IOException.class, () -> store.readCard(target)).getMessage());
        Files.delete(target.resolve("weights.bin"));
        assertTrue(assertThrows(IOException.class, () -> store.readCard(target)).getMessage().endsWith("listed in the manifest but missing"));
        assertEquals(dir + ": not a saved genomod model (no MANIFEST.sha256)",
                assertThrows(IOException.class, () -> store.readCard(dir)).getMessage());
    }

    @Test
    void aFailedSaveLeavesThePreviousModelIntactAndNoStagingBehind() throws IOException {
        Path target = dir.resolve("model");
        store.save(new LogisticModel(Fixtures.BINARY, 0.1), card(1), target);
        Model failing = new LogisticModel(Fixtures.BINARY, 0.1) {
            @Override
            public void save(Path directory) throws IOException {
                Files.writeString(directory.resolve("weights.bin"), "partial");
                throw new IOException("disk full");
            }
        };
        assertThrows(IOException.class, () -> store.save(failing, card(2), target));
        assertEquals(1, store.readCard(target).seed());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(target), s.toList());
        }
    }

    @Test
    void savingAgainReplacesTheModel() throws IOException {
        Path target = dir.resolve("model");
        store.save(new LogisticModel(Fixtures.BINARY, 0.1), card(1), target);
        store.save(new LogisticModel(Fixtures.BINARY, 0.1), card(2), target);
        assertEquals(2, store.readCard(target).seed());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(1, s.count());
        }
    }

    @Test
    void theSavedDirectoryAndItsFilesGetThePermissionsTheUmaskGives() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "the file system has no POSIX permissions");
        Set<PosixFilePermission> directory = Files.getPosixFilePermissions(Files.createDirectory(dir.resolve("reference")));
        Set<PosixFilePermission> file = Files.getPosixFilePermissions(Files.createFile(dir.resolve("reference/file")));
        Path target = dir.resolve("model");

        store.save(new LogisticModel(Fixtures.BINARY, 0.1), card(5), target);

        assertEquals(directory, Files.getPosixFilePermissions(target));
        assertEquals(file, Files.getPosixFilePermissions(target.resolve(ModelStore.CARD)));
        assertEquals(file, Files.getPosixFilePermissions(target.resolve(ModelStore.MANIFEST)));
        try (Stream<Path> list = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("model"), dir.resolve("reference")), list.sorted().toList(), "no staging directory left");
        }
    }
}
