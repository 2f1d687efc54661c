package org.genomod.eval.variants.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.genomod.reader.support.genome.ContigAliases;
import org.genomod.testing.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Normalisation against the real hg19 chr20 reference, on alleles written in deliberately non-normal
 * forms at repeats of chr20:10,004,215-10,008,975. Every expectation is what {@code bcftools norm -m- -f
 * ucsc.hg19.chr20.unittest.fasta.gz} (bcftools 1.16) wrote for the same record.
 */
class NormalizerTest {
    private static Reference reference;

    @BeforeAll
    static void open() throws IOException {
        reference = Reference.open(SharedData.file("deepvariant-na12878-chr20/ucsc.hg19.chr20.unittest.fasta.gz"));
    }

    @AfterAll
    static void close() throws IOException {
        reference.close();
    }

    @ParameterizedTest(name = "{0} {1}>{2} -> {3} {4}>{5}")
    @CsvSource({
        // deletion and insertion of an A in a poly-A run, written at its right end
        "10004225, AAAA, AAA, 10004222, CA, C",
        "10004228, A, AA, 10004222, C, CA",
        "10006818, AAAAAC, AAAAC, 10006816, TA, T",
        // substitutions with a shared first base: trimmed to the changed base
        "10008940, TAT, TCT, 10008941, A, C",
        "10008940, TA, TG, 10008941, A, G",
        // the three ALTs of one multi-allelic record CACA>C,CA,CACACA
        "10008952, CACA, C, 10008952, CACA, C",
        "10008952, CACA, CA, 10008950, AAC, A",
        "10008952, CACA, CACACA, 10008950, A, AAC",
        // one A out of a CA repeat cannot move (no other position gives the same sequence)
        "10008960, CA, C, 10008960, CA, C",
        // a whole CA unit deleted or inserted at the repeat's right end moves to its left end
        "10008969, ACA, A, 10008950, AAC, A",
        "10008974, C, CAC, 10008950, A, AAC",
        "10008975, A, ACA, 10008950, A, AAC",
        // complex: prefix trimmed, nothing to shift
        "10008944, TATTT, TGTTA, 10008945, ATTT, GTTA",
        "10008944, TATTTAA, TAA, 10008943, ATATT, A",
    })
    void matchesBcftoolsNorm(long pos, String ref, String alt, long normPos, String normRef, String normAlt) throws IOException {
        assertEquals(new Variant("chr20", normPos, normRef, normAlt), Normalizer.normalize(reference, "chr20", pos, ref, alt));
    }

    @ParameterizedTest
    @CsvSource({"10000117, C, T, SNV", "10004222, C, CA, INDEL", "10008945, ATTT, GTTA, MNP", "10008945, ATTT, GA, INDEL"})
    void types(long pos, String ref, String alt, Variant.Type type) {
        assertEquals(type, new Variant("chr20", pos, ref, alt).type());
    }

    @org.junit.jupiter.api.Test
    void aliasesSwitchNamingSchemes() {
        assertEquals(List.of("20", "chr20", "MT", "chrM", "chrX_random"),
                List.of(ContigAliases.alias("chr20"), ContigAliases.alias("20"), ContigAliases.alias("chrM"), ContigAliases.alias("MT"),
                        ContigAliases.alias("X_random")));
        ContigAliases aliases = new ContigAliases(List.of("chr20", "chrM"));
        assertEquals("chr20", aliases.resolve("20"));
        assertEquals("chrM", aliases.resolve("MT"));
        assertEquals(null, aliases.resolve("21"));
    }
}
