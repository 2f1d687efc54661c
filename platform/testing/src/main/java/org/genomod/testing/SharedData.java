package org.genomod.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real data sets tests read in place: {@code ../shared/data} beside the repository, never copied into
 * it. A missing file fails the test with its path, so a test that needs the data never passes without it.
 */
public final class SharedData {
    private SharedData() {
    }

    /** {@code ../shared/data} from the repository root; fails, naming the path, when it is not there. */
    public static Path root() {
        Path data = repository().resolve("../shared/data").normalize();
        if (!Files.isDirectory(data)) {
            throw new AssertionError("missing shared test data: " + data
                    + " (the real data sets are expected in ../shared/data beside the repository)");
        }
        return data;
    }

    /** The file at {@code relative} under the shared data; fails, naming the path, when it is missing. */
    public static Path file(String relative) {
        Path file = root().resolve(relative).normalize();
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("missing shared test data: " + file
                    + " (the real data sets are expected in ../shared/data beside the repository)");
        }
        return file;
    }

    /** The folder at {@code relative} under the shared data; fails, naming the path, when it is missing. */
    public static Path folder(String relative) {
        Path folder = root().resolve(relative).normalize();
        if (!Files.isDirectory(folder)) {
            throw new AssertionError("missing shared test data: " + folder
                    + " (the real data sets are expected in ../shared/data beside the repository)");
        }
        return folder;
    }

    /** The checkout's root: the nearest folder above the working directory with platform/ and plugins/. */
    public static Path repository() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("platform")) && Files.isDirectory(dir.resolve("plugins"))) {
                return dir;
            }
        }
        throw new AssertionError("no repository root (a folder with platform/ and plugins/) above "
                + Path.of("").toAbsolutePath());
    }
}
