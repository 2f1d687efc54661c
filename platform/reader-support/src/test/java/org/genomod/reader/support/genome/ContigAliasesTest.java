package org.genomod.reader.support.genome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContigAliasesTest {
    @Test
    void aliasSwitchesTheNamingScheme() {
        assertEquals(List.of("20", "chr20", "MT", "chrM", "chrX_random"), List.of(ContigAliases.alias("chr20"),
                ContigAliases.alias("20"), ContigAliases.alias("chrM"), ContigAliases.alias("MT"), ContigAliases.alias("X_random")));
    }

    @Test
    void theNameAsWrittenWinsThenItsAlias() {
        ContigAliases ucsc = new ContigAliases(List.of("chr20", "chrM", "20"));
        assertEquals("20", ucsc.resolve("20"), "the name itself first, though its alias is there too");
        assertEquals("chrM", ucsc.resolve("MT"));
        assertNull(ucsc.resolve("21"));
        ContigAliases ensembl = new ContigAliases(List.of("1", "MT", "M"));
        assertEquals("1", ensembl.resolve("chr1"));
        assertEquals("MT", ensembl.resolve("chrM"), "MT before the plain M");
        assertEquals("M", new ContigAliases(List.of("M")).resolve("chrM"));
        assertEquals("chrMT", new ContigAliases(List.of("chrMT")).resolve("MT"));
    }

    @Test
    void aliasesUsedListsOnlyRenamedContigs() {
        ContigAliases aliases = new ContigAliases(List.of("chr1", "chr2", "chrM"));
        aliases.resolve("chr1");
        aliases.resolve("2");
        aliases.resolve("MT");
        aliases.resolve("7");
        assertEquals(Map.of("2", "chr2", "MT", "chrM"), aliases.aliasesUsed());
    }

    @Test
    void explainMissingNamesBothSpellingsAndSomeContigs() {
        assertEquals("neither 'chr2' nor '2' is a contig of the reference FASTA (it has chr1)",
                new ContigAliases(List.of("chr1")).explainMissing("chr2"));
        assertEquals("neither 'X' nor 'chrX' is a contig of the reference FASTA (it has 1, 2, 3, 4, 5, ... (6 contigs))",
                new ContigAliases(List.of("6", "5", "4", "3", "2", "1")).explainMissing("X"));
    }
}
