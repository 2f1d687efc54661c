package org.genomod.api.io;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A file that appears complete or not at all. Content goes to a temporary sibling of the target (in the
 * same directory, so the final rename stays on one file system); {@link #commit()} renames it over the
 * target, and {@link #close()} without a commit deletes it, leaving any earlier target untouched. A
 * reader therefore sees the old file or the new one, never a half-written one.
 *
 * <p>The temporary file is created with {@link Files#createFile}, so it gets the permissions the
 * process's umask gives any new file (0644 under umask 022), and the rename keeps them. (A file from
 * {@link Files#createTempFile} would be owner-only, 0600, which other users of a shared server could
 * not read.)
 *
 * <pre>{@code
 * try (AtomicOutput output = AtomicOutput.open(target)) {
 *     Writer out = output.writer(StandardCharsets.UTF_8);
 *     ...
 *     output.commit();
 * } // an exception before commit() leaves no file behind
 * }</pre>
 *
 * Not thread-safe: one thread writes an output.
 */
public final class AtomicOutput implements Closeable {
    private static final int BUFFER = 1 << 16;
    private static final int ATTEMPTS = 100;

    /** What a one-shot {@link #write} puts into the file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private final Path target;
    private final Path temporary;
    private Closeable opened;
    private boolean finished;

    private AtomicOutput(Path target, Path temporary) {
        this.target = target;
        this.temporary = temporary;
    }

    /** Creates the target's directories and an empty temporary file beside it. */
    public static AtomicOutput open(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        return new AtomicOutput(absolute, createSibling(absolute, ".tmp", false));
    }

    /** Writes a whole file atomically: {@code content} fills it, then it replaces {@code target}. */
    public static void write(Path target, Content content) throws IOException {
        try (AtomicOutput output = open(target)) {
            content.writeTo(output.stream());
            output.commit();
        }
    }

    /**
     * Creates an empty directory beside {@code target}, with a unique hidden name and the permissions the
     * umask gives, in which a directory can be built before {@link #move moving} it into place.
     */
    public static Path stagingDirectory(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        return createSibling(absolute, ".staging", true);
    }

    /** Renames {@code source} to {@code target}, replacing it: atomically where the file system can. */
    public static void move(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The absolute path the file will have once committed. */
    public Path target() {
        return target;
    }

    /**
     * The temporary file, for a library that writes to a path itself: {@link #attach} what it opens there.
     * Otherwise use {@link #stream()} or {@link #writer}.
     */
    public Path temporary() {
        return temporary;
    }

    /** A buffered stream into the temporary file, closed by {@link #commit()} or {@link #close()}; one per output. */
    public OutputStream stream() throws IOException {
        return attach(new BufferedOutputStream(Files.newOutputStream(temporary, StandardOpenOption.WRITE), BUFFER));
    }

    /**
     * A buffered writer into the temporary file that reports unmappable characters rather than replacing
     * them, closed by {@link #commit()} or {@link #close()}; one per output.
     */
    public BufferedWriter writer(Charset charset) throws IOException {
        Writer encoder = new OutputStreamWriter(Files.newOutputStream(temporary, StandardOpenOption.WRITE), charset.newEncoder());
        return attach(new BufferedWriter(encoder, BUFFER));
    }

    /**
     * Hands over {@code writer}, opened on {@link #temporary()} by a library, to be closed first thing in
     * {@link #commit()} (so its last bytes are in the file before the rename) or by {@link #close()}; one per
     * output, as for {@link #stream()}. If the output is already in use or finished, {@code writer} is closed
     * and an {@link IllegalStateException} thrown.
     */
    public <T extends Closeable> T attach(T writer) throws IOException {
        if (opened != null || finished) {
            writer.close();
            throw new IllegalStateException(target + ": the output already has a writer, or is finished");
        }
        opened = writer;
        return writer;
    }

    /**
     * Flushes and closes the stream or writer opened or attached here, then renames the file over the target. If that
     * fails, the temporary file is deleted and the target left as it was.
     */
    public void commit() throws IOException {
        if (finished) {
            throw new IllegalStateException(target + ": the output is already committed or closed");
        }
        finished = true;
        try {
            closeOpened();
            move(temporary, target);
        } catch (IOException | RuntimeException | Error e) {
            deleteTemporary(e);
            throw e;
        }
    }

    /** Without a {@link #commit()}, closes what was opened and deletes the temporary file; otherwise does nothing. */
    @Override
    public void close() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        try {
            closeOpened();
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private void closeOpened() throws IOException {
        Closeable out = opened;
        opened = null;
        if (out != null) {
            out.close();
        }
    }

    private void deleteTemporary(Throwable failure) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Creates {@code .<name>.<random><suffix>} beside {@code target}, trying another name if one is taken.
     * {@code Files.createFile} and {@code createDirectory} apply the umask, unlike their createTemp* cousins.
     */
    private static Path createSibling(Path target, String suffix, boolean directory) throws IOException {
        for (int attempt = 1; ; attempt++) {
            String random = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
            Path sibling = target.resolveSibling("." + target.getFileName() + "." + random + suffix);
            try {
                return directory ? Files.createDirectory(sibling) : Files.createFile(sibling);
            } catch (FileAlreadyExistsException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
