package org.genomod.reader.alignments.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.genomod.api.data.Dataset;
import org.genomod.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * Prints pileup throughput on the NA12878 region, for comparison with samtools; not a timed test. The
 * region chr20:9,999,000-10,050,000 has 49,434 covered positions (samtools mpileup ... | wc -l) and
 * 174 candidates with the default thresholds.
 */
class PileupThroughputTest {
    private static final int SITES = 49_434;

    @Test
    void printsSitesPerSecond() throws IOException {
        Path bam = SharedData.file("deepvariant-na12878-chr20/NA12878_S1.chr20.10_10p1mb.first_half.bam");
        Path reference = SharedData.file("deepvariant-na12878-chr20/ucsc.hg19.chr20.unittest.fasta.gz");
        long best = Long.MAX_VALUE;
        Dataset dataset = null;
        for (int run = 0; run < 4; run++) { // the first runs warm the JIT up
            long start = System.nanoTime();
            dataset = Reads.read(bam, Reads.PREDICTION, "reference", reference.toString(), "region", "chr20:9999000-10050000");
            best = Math.min(best, System.nanoTime() - start);
        }
        assertEquals(174, dataset.size());
        System.out.printf(Locale.ROOT, "{\"bench\":\"bam-pileup\",\"sites\":%d,\"tensors\":%d,\"seconds\":%.3f,\"sites_per_s\":%.0f}%n",
                SITES, dataset.size(), best / 1e9, SITES / (best / 1e9));
    }
}
