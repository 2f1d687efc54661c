package org.genomod.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobRunnerTest {
    @TempDir
    Path dir;

    @Test
    void listsTheResultFilesTheDirectoryHolds() throws IOException {
        for (String file : List.of("predictions.tsv", "metrics.json", "report.html", "notes.txt")) {
            Files.writeString(dir.resolve(file), "x");
        }
        Files.createDirectories(dir.resolve("model"));
        Files.writeString(dir.resolve("interpret"), "a file, not the interpretation folder");

        assertEquals(List.of("metrics.json", "report.html", "predictions.tsv", "model/"), JobRunner.resultFiles(dir));
    }

    @Test
    void aSelectionJobAlsoListsItsTrialsAndInterpretations() throws IOException {
        Files.writeString(dir.resolve("trials.tsv"), "x");
        Files.createDirectories(dir.resolve("interpret/ism"));

        assertEquals(List.of("trials.tsv", "interpret/"), JobRunner.resultFiles(dir));
    }
}
