package org.genomod.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import org.genomod.api.job.JobService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * {@code genomod inspect} with the real reader bundles: every valid file is OK, every malformed one
 * gets exactly one ERROR line naming it, and one platform serves all files in one call.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class InspectIT extends GenomodTestSupport {

    @Inject
    BundleContext context;

    @Inject
    JobService jobs;

    @Configuration
    public Option[] config() {
        return platform().toArray(new Option[0]);
    }

    private static final List<String> VALID = List.of(
            "uci-splice-junction/splice.data",
            "deepvariant-na12878-chr20/ucsc.hg19.chr20.unittest.fasta.gz",
            "deepvariant-na12878-chr20/NA12878_S1.chr20.10_10p1mb.first_half.bam",
            "deepvariant-na12878-chr20/NA12878_S1.chr20.10_10p1mb.first_half.cram",
            "deepvariant-na12878-chr20/test_nist.b37_chr20_100kbp_at_10mb.bed",
            "golub-all-aml/data_set_ALL_AML_train.csv",
            "snpstats-forexercise-gwas/for_exercise_chr10.bed.gz",
            "htsjdk-testdata/tribble/bed/Unigene.sample.bed",
            "htsjdk-testdata/samtools/example.bam",
            "deepvariant-na12878-chr20/test_nist.b37_chr20_first_half.vcf.gz",
            "htsjdk-testdata/variant/NA12891.vcf.gz");

    private static final List<String> MALFORMED = List.of(
            "htsjdk-testdata/samtools/ValidateSamFileTest/truncated.bam",
            "htsjdk-testdata/samtools/util/defective_bgzf.bam",
            "htsjdk-testdata/samtools/ValidateSamFileTest/missing_fields.sam",
            "htsjdk-testdata/samtools/ValidateSamFileTest/truncated_quals.sam",
            "htsjdk-testdata/samtools/ValidateSamFileTest/truncated_tag.sam",
            "htsjdk-testdata/samtools/readWithBadRname.sam",
            "htsjdk-testdata/samtools/cram/CRAMException/testContigNotInRef.cram",
            "htsjdk-testdata/tribble/bed/unsorted.bed",
            "htsjdk-testdata/samtools/intervallist/broken.zero.start.interval_list",
            "htsjdk-testdata/samtools/intervallist/broken.start.bigger.than.end.interval_list",
            "htsjdk-testdata/samtools/cram/ambiguityCodes.fasta",
            "htsjdk-testdata/tribble/AbstractFeatureReaderTest/mangledBaseVariants.vcf",
            "htsjdk-testdata/tribble/vcfexample.vcf.truncated.gz",
            "htsjdk-testdata/variant/corrupt_file_that_starts_with_#.vcf",
            "htsjdk-testdata/variant/test_withNegInfQual.vcf");

    @Test
    public void validFilesAreOkAndTheCallExitsZero() throws Exception {
        Platforms.Run run = Platforms.cli(context, args(VALID));
        List<String> lines = run.out().strip().lines().toList();
        assertEquals(run.out() + run.err(), VALID.size(), lines.size());
        for (String line : lines) {
            assertTrue(line, line.startsWith("OK "));
        }
        assertEquals(run.out(), 0, run.exitCode());
    }

    @Test
    public void everyMalformedFileGetsOneClearErrorLineAndTheCallExitsNonZero() throws Exception {
        List<String> mixed = new ArrayList<>(MALFORMED);
        mixed.add(VALID.get(0));
        Platforms.Run run = Platforms.cli(context, args(mixed));
        List<String> lines = run.out().strip().lines().toList();
        assertEquals(run.out() + run.err(), mixed.size(), lines.size());
        for (int i = 0; i < MALFORMED.size(); i++) {
            String line = lines.get(i);
            String path = sharedData(MALFORMED.get(i)).toString();
            assertTrue(line, line.startsWith("ERROR  " + path));
            String message = line.substring(("ERROR  " + path).length());
            assertFalse(line, message.contains("Exception") || message.contains("\tat "));
        }
        assertTrue(lines.get(MALFORMED.size()), lines.get(MALFORMED.size()).startsWith("OK "));
        assertEquals(1, run.exitCode());
        assertFalse(run.err(), run.err().contains("Exception"));
    }

    private static String[] args(List<String> files) {
        List<String> args = new ArrayList<>();
        args.add("inspect");
        for (String f : files) {
            args.add(sharedData(f).toString());
        }
        return args.toArray(new String[0]);
    }

    /** 'bench io' runs every reader measurement through the installed services and prints one JSON line each. */
    @Test
    public void ioBenchmarkPrintsAJsonLinePerReader() throws Exception {
        Platforms.Run run = Platforms.cli(context, "bench", "io", "--rounds", "1", "--fasta-mbp", "1", "--no-peers",
                "--data", sharedData("deepvariant-na12878-chr20").getParent().toString());
        assertEquals(run.err(), 0, run.exitCode());
        List<com.fasterxml.jackson.databind.JsonNode> lines = new ArrayList<>();
        for (String line : run.out().strip().split("\n")) {
            if (line.startsWith("{")) { // other bundles may log to the captured stdout
                lines.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(line));
            }
        }
        assertEquals(run.out(), List.of("fasta_to_one_hot", "bam_to_pileup", "vcf_records"),
                lines.stream().map(l -> l.get("benchmark").asText()).toList());
        assertEquals(1000, lines.get(0).get("windows").asLong());
        assertTrue(run.out(), lines.get(0).get("mbp_per_s_per_core").asDouble() > 0);
        assertEquals(174, lines.get(1).get("candidate_tensors").asInt()); // the reader tests' count for this region
        assertTrue(run.out(), lines.get(1).get("sites_per_s").asDouble() > 0);
        assertEquals(10376, lines.get(2).get("records").asLong()); // bcftools view -H chr22.vcf.gz | wc -l
        assertEquals(5, lines.get(2).get("samples").asInt());
    }
}
