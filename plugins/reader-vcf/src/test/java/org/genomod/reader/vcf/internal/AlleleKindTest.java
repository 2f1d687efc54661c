package org.genomod.reader.vcf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import htsjdk.variant.variantcontext.Allele;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Allele kinds agree with bcftools' classification (bcf_set_variant_type in htslib's vcf.c). */
class AlleleKindTest {
    @ParameterizedTest(name = "{0}>{1} is {2}")
    @CsvSource({
        "A, G, SNV",
        "CA, TA, SNV",        // shared trailing base set aside
        "GCA, GTA, SNV",      // shared leading and trailing bases
        "CG, TT, MNV",
        "A, AAGG, INDEL",
        "ATT, A, INDEL",
        "CAA, CA, INDEL",
        "GT, GA, SNV",
        "AT, GCC, COMPLEX",
        "CAA, TA, COMPLEX",   // C>T with a deletion
        "A, <DEL>, SYMBOLIC",
        "A, <*>, SYMBOLIC",
        "A, *, SYMBOLIC",
        "G, G]17:198982], SYMBOLIC",
        "G, G., SYMBOLIC",
        "a, g, SNV",
    })
    void classifiesLikeBcftools(String ref, String alt, AlleleKind kind) {
        assertEquals(kind, AlleleKind.of(Allele.create(ref, true), Allele.create(alt, false)));
    }
}
