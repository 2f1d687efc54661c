package org.genomod.interpret.variant.effects.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A temporary file in the output's folder (so the final rename stays on one file system) and the
 * writer filling it: committed, the file replaces the output; abandoned, it is deleted.
 */
final class AtomicOutput {
    private final Path output;
    private final Path temporary;
    private boolean committed;

    private AtomicOutput(Path output, Path temporary) {
        this.output = output;
        this.temporary = temporary;
    }

    static AtomicOutput beside(Path output) throws IOException {
        Path absolute = output.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        return new AtomicOutput(absolute, Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp"));
    }

    Path temporary() {
        return temporary;
    }

    Path output() {
        return output;
    }

    /** Closes the writer and renames the file into place; on failure the file is deleted. */
    void commit(Closeable writer) throws IOException {
        committed = true; // the writer is closed once, here, whatever happens
        try {
            writer.close();
            try {
                Files.move(temporary, output, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, output, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            discard();
            throw e;
        }
    }

    /** Closes the writer and deletes the file, unless it was committed. */
    void abandon(Closeable writer) throws IOException {
        if (!committed) {
            try {
                writer.close();
            } finally {
                discard();
            }
        }
    }

    void discard() throws IOException {
        Files.deleteIfExists(temporary);
    }
}
