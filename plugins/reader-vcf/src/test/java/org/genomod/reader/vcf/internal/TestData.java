package org.genomod.reader.vcf.internal;

import java.nio.file.Path;
import org.genomod.testing.SharedData;

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
        return SharedData.file(relative);
    }

    /** The hg19 chr20 test reference (bgzip, .fai, .gzi): real bases at chr20:9,995,001-11,095,000 only. */
    static Path hg19Chr20() {
        return file(DEEPVARIANT + "ucsc.hg19.chr20.unittest.fasta.gz");
    }

    /** The hs37d5 chr20 reference of the trio data, contig {@code 20}. */
    static Path hs37d5Chr20() {
        return file(DEEPTRIO + "hs37d5.chr20.fa.gz");
    }
}
