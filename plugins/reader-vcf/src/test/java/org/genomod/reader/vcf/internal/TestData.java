package org.genomod.reader.vcf.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared real data beside the checkout ({@code ../shared/data} from the repository root). */
final class TestData {
    static final String DEEPVARIANT = "deepvariant-na12878-chr20/";
    static final String DEEPTRIO = "deeptrio-hg001-trio-chr20/";
    static final String BIOC = "bioc-variantannotation-vcfs/";
    static final String HTSJDK = "htsjdk-testdata/";

    private TestData() {
    }

    /** The file under {@code shared/data}; fails, naming the missing path, when the data is not there. */
    static Path file(String relative) {
        Path file = root().resolve("../shared/data").resolve(relative).normalize();
        assertTrue(Files.isRegularFile(file), "missing shared test data: " + file
                + " (the real data sets are expected in ../shared/data beside the repository)");
        return file;
    }

    /** The hg19 chr20 test reference (bgzip, .fai, .gzi): real bases at chr20:9,995,001-11,095,000 only. */
    static Path hg19Chr20() {
        return file(DEEPVARIANT + "ucsc.hg19.chr20.unittest.fasta.gz");
    }

    /** The hs37d5 chr20 reference of the trio data, contig {@code 20}. */
    static Path hs37d5Chr20() {
        return file(DEEPTRIO + "hs37d5.chr20.fa.gz");
    }

    private static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("platform")) && Files.isDirectory(dir.resolve("plugins"))) {
                return dir;
            }
        }
        throw new AssertionError("no repository root (a folder with platform/ and plugins/) above " + Path.of("").toAbsolutePath());
    }
}
