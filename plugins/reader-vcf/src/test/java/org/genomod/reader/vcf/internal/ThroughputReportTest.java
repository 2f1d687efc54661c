package org.genomod.reader.vcf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.InspectionReport;
import org.junit.jupiter.api.Test;

/**
 * Prints VCF records per second for the inspector and the genotypes read on the largest shared VCF
 * (chr22.vcf.gz: 10,376 records x 5 samples). A report, not a timed test: only the counts are asserted,
 * and the numbers depend on the machine and its load. `genomod bench io` is the place for comparisons.
 */
class ThroughputReportTest {
    private static final int PASSES = 3;

    @Test
    void printsRecordsPerSecond() throws IOException {
        Path vcf = TestData.file(TestData.BIOC + "chr22.vcf.gz");
        double inspect = 0;
        double genotypes = 0;
        for (int pass = 0; pass < PASSES; pass++) { // the last pass runs warm
            long t0 = System.nanoTime();
            InspectionReport report = Reads.inspect(vcf, null);
            long t1 = System.nanoTime();
            Dataset d = Reads.score(vcf, "mode", "genotypes");
            long t2 = System.nanoTime();
            assertEquals(10376, report.records());
            assertEquals(10376, d.schema().featureSize());
            inspect = report.records() / ((t1 - t0) / 1e9);
            genotypes = report.records() / ((t2 - t1) / 1e9);
        }
        System.out.printf("{\"bench\":\"vcf\",\"file\":\"%s\",\"records\":10376,\"samples\":5,\"inspect_records_per_s\":%.0f,"
                + "\"genotypes_records_per_s\":%.0f}%n", vcf.getFileName(), inspect, genotypes);
    }
}
