package org.genomod.api.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicOutputTest {
    @TempDir
    Path dir;

    @Test
    void writesTheWholeFileAndLeavesNothingElse() throws IOException {
        Path target = dir.resolve("a/b/metrics.json");

        AtomicOutput.write(target, out -> out.write("{}".getBytes(StandardCharsets.UTF_8)));

        assertEquals("{}", Files.readString(target));
        assertEquals(List.of(target), files(target.getParent()));
    }

    @Test
    void aFailureMidWriteLeavesNoTargetAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("predictions.tsv");

        IOException e = assertThrows(IOException.class, () -> AtomicOutput.write(target, out -> {
            out.write(new byte[100_000]); // more than the buffer: part of it reached the temporary file
            throw new IOException("disk full");
        }));

        assertEquals("disk full", e.getMessage());
        assertEquals(List.of(), files(dir));
    }

    @Test
    void theOldTargetSurvivesAFailedRewrite() throws IOException {
        Path target = dir.resolve("report.html");
        Files.writeString(target, "old");

        assertThrows(IllegalStateException.class, () -> AtomicOutput.write(target, out -> {
            out.write("new, but only half".getBytes(StandardCharsets.UTF_8));
            throw new IllegalStateException("renderer failed");
        }));

        assertEquals("old", Files.readString(target));
        assertEquals(List.of(target), files(dir));
    }

    @Test
    void commitReplacesTheTargetWithWhatTheWriterWrote() throws IOException {
        Path target = dir.resolve("table.tsv");
        Files.writeString(target, "old");

        try (AtomicOutput output = AtomicOutput.open(target)) {
            output.writer(StandardCharsets.UTF_8).write("id\tscore\nα\t1\n");
            assertEquals("old", Files.readString(target), "nothing is visible before the commit");
            output.commit();
        }

        assertEquals("id\tscore\nα\t1\n", Files.readString(target));
        assertEquals(List.of(target), files(dir));
    }

    @Test
    void closingWithoutCommitDeletesTheTemporaryFile() throws IOException {
        Path target = dir.resolve("ism.tsv");
        Path temporary;
        try (AtomicOutput output = AtomicOutput.open(target)) {
            temporary = output.temporary();
            output.stream().write(1);
            assertTrue(Files.exists(temporary));
            assertEquals(dir, temporary.getParent(), "beside the target, so the rename stays on one file system");
        }

        assertFalse(Files.exists(temporary));
        assertEquals(List.of(), files(dir));
    }

    @Test
    void anEncodingFailureAtCommitLeavesNoFile() throws IOException {
        Path target = dir.resolve("motifs.meme");
        AtomicOutput output = AtomicOutput.open(target);
        output.writer(StandardCharsets.US_ASCII).write("MOTIF é");

        assertThrows(CharacterCodingException.class, output::commit);

        output.close();
        assertEquals(List.of(), files(dir));
    }

    @Test
    void aWriterALibraryOpenedOnTheTemporaryPathIsClosedBeforeTheRename() throws IOException {
        Path target = dir.resolve("effects.vcf");
        try (AtomicOutput output = AtomicOutput.open(target)) {
            Writer library = output.attach(Files.newBufferedWriter(output.temporary()));
            library.write("##fileformat=VCFv4.2\n"); // still in the writer's buffer
            output.commit();
        }

        assertEquals("##fileformat=VCFv4.2\n", Files.readString(target));
    }

    @Test
    void anAttachedWriterIsClosedWhenTheOutputIsAbandoned() throws IOException {
        boolean[] closed = {false};
        try (AtomicOutput output = AtomicOutput.open(dir.resolve("effects.vcf.gz"))) {
            output.attach(() -> closed[0] = true);
        }

        assertTrue(closed[0]);
        assertEquals(List.of(), files(dir));
    }

    @Test
    void oneStreamPerOutputAndOneCommit() throws IOException {
        try (AtomicOutput output = AtomicOutput.open(dir.resolve("x"))) {
            OutputStream out = output.stream();
            assertThrows(IllegalStateException.class, () -> output.writer(StandardCharsets.UTF_8));
            out.write('x');
            output.commit();
            assertThrows(IllegalStateException.class, output::commit);
        }
        assertEquals("x", Files.readString(dir.resolve("x")));
    }

    @Test
    void filesGetThePermissionsTheUmaskGives() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "the file system has no POSIX permissions");
        Set<PosixFilePermission> umasked = Files.getPosixFilePermissions(Files.createFile(dir.resolve("reference")));

        AtomicOutput.write(dir.resolve("metrics.json"), out -> out.write('1'));

        assertEquals(umasked, Files.getPosixFilePermissions(dir.resolve("metrics.json")));
    }

    @Test
    void stagingDirectoriesGetThePermissionsTheUmaskGives() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "the file system has no POSIX permissions");
        Set<PosixFilePermission> umasked = Files.getPosixFilePermissions(Files.createDirectory(dir.resolve("reference")));
        Path target = dir.resolve("model");

        Path staged = AtomicOutput.stagingDirectory(target);
        AtomicOutput.move(staged, target);

        assertEquals(umasked, Files.getPosixFilePermissions(target));
        assertTrue(staged.getFileName().toString().startsWith(".model."), staged.toString());
    }

    @Test
    void stagingDirectoriesHaveUniqueNames() throws IOException {
        Path first = AtomicOutput.stagingDirectory(dir.resolve("model"));
        Path second = AtomicOutput.stagingDirectory(dir.resolve("model"));

        assertFalse(first.equals(second));
        assertTrue(Files.isDirectory(first) && Files.isDirectory(second));
    }

    private static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> list = Files.list(directory)) {
            return list.sorted().toList();
        }
    }
}
