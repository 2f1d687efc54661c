package org.genomod.reader.intervals.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared real data beside the checkout ({@code ../shared/data} from the repository root). */
final class TestData {
    private TestData() {
    }

    /** The file under {@code shared/data}; fails, naming the missing path, when the data is not there. */
    static Path file(String relative) {
        Path file = root().resolve("../shared/data").resolve(relative).normalize();
        assertTrue(Files.isRegularFile(file), "missing shared test data: " + file
                + " (the real data sets are expected in ../shared/data beside the repository)");
        return file;
    }

    static Path hg19Chr20() {
        return file("deepvariant-na12878-chr20/ucsc.hg19.chr20.unittest.fasta.gz");
    }

    static Path hs37d5Chr20() {
        return file("deeptrio-hg001-trio-chr20/hs37d5.chr20.fa.gz");
    }

    /** GIAB confident regions, UCSC naming ({@code chr20}). */
    static Path nistBed() {
        return file("deepvariant-na12878-chr20/test_nist.b37_chr20_100kbp_at_10mb.bed");
    }

    /** The same regions with b37 naming ({@code 20}). */
    static Path giabBed() {
        return file("deeptrio-hg001-trio-chr20/test_giab.b37_chr20_100kbp_at_10mb.bed");
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
