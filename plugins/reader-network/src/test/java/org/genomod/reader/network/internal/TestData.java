package org.genomod.reader.network.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared real data beside the checkout ({@code ../shared/data} from the repository root). */
final class TestData {
    private TestData() {
    }

    /** The file under {@code shared/data}; fails, naming the missing path, when the data is not there. */
    static Path file(String relative) {
        Path file = dir("").resolve(relative).normalize();
        assertTrue(Files.isRegularFile(file), "missing shared test data: " + file
                + " (the real data sets are expected in ../shared/data beside the repository)");
        return file;
    }

    /** A folder under {@code shared/data}; fails, naming the missing path, when it is not there. */
    static Path dir(String relative) {
        Path dir = root().resolve("../shared/data").resolve(relative).normalize();
        assertTrue(Files.isDirectory(dir), "missing shared test data: " + dir
                + " (the real data sets are expected in ../shared/data beside the repository)");
        return dir;
    }

    private static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("platform")) && Files.isDirectory(dir.resolve("plugins"))) {
                return dir;
            }
        }
        throw new AssertionError("no repository root (a folder with platform/ and plugins/) above "
                + Path.of("").toAbsolutePath());
    }
}
