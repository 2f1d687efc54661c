package org.genomod.core.internal.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.genomod.api.io.AtomicOutput;

/**
 * Writes that never leave a half-written result, for the platform's own files: single files go through
 * {@link AtomicOutput} (a temporary sibling renamed into place, with the umask's permissions); whole
 * directories are built in a {@link AtomicOutput#stagingDirectory staging sibling} and swapped in.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    public static void write(Path target, AtomicOutput.Content content) throws IOException {
        AtomicOutput.write(target, content);
    }

    public static void writeString(Path target, String content) throws IOException {
        write(target, out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Replaces directory {@code target} by the fully written directory {@code staged} (a sibling):
     * the old one is renamed aside, the new one renamed in, then the old one deleted.
     */
    public static void replaceDirectory(Path staged, Path target) throws IOException {
        Path aside = null;
        if (Files.exists(target)) {
            aside = target.resolveSibling("." + target.getFileName() + ".old-" + System.nanoTime());
            AtomicOutput.move(target, aside);
        }
        try {
            AtomicOutput.move(staged, target);
        } catch (IOException e) {
            if (aside != null) {
                AtomicOutput.move(aside, target); // put the old model back rather than leave nothing
            }
            throw e;
        }
        if (aside != null) {
            deleteRecursively(aside);
        }
    }

    public static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + root, e);
        }
    }
}
