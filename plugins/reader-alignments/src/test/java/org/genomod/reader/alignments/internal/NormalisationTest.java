package org.genomod.reader.alignments.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Truth alleles take the candidates' form: trimmed, indels left-aligned, MNPs split (vt normalize's rules). */
class NormalisationTest {

    @Test
    void allelesAreTrimmedShiftedAndSplit(@TempDir Path dir) throws IOException {
        // positions:              12345678901234567
        String contig = "GATTTTCACACAGNNNN";
        Path fasta = Files.writeString(dir.resolve("r.fa"), ">r\n" + contig + "\n");
        Files.writeString(dir.resolve("r.fa.fai"), "r\t17\t3\t17\t18\n");
        try (Reference reference = Reference.open(fasta)) {
            reference.select("r");
            // a T deleted anywhere in TTTT (3-6) is the deletion after the anchor A at 2
            assertEquals(List.of("2:AT>A"), Normalisation.keys(5, "TT", "T", reference));
            assertEquals(List.of("2:AT>A"), Normalisation.keys(2, "ATTTTC", "ATTTC", reference));
            // CA inserted in the CACACA repeat (7-12) moves before it, anchored on T at 6
            assertEquals(List.of("6:T>TCA"), Normalisation.keys(11, "C", "CAC", reference));
            // an insertion of T after the last T rotates to the first
            assertEquals(List.of("2:A>AT"), Normalisation.keys(6, "T", "TT", reference));
            // an SNV with padding, and a two-base substitution split into SNVs
            assertEquals(List.of("7:C>G"), Normalisation.keys(6, "TCA", "TGA", reference));
            assertEquals(List.of("7:C>G", "8:A>T"), Normalisation.keys(7, "CA", "GT", reference));
            // a complex allele stays trimmed as it is
            assertEquals(List.of("7:CA>T"), Normalisation.keys(7, "CA", "T", reference));
            // never shifted through N: the reference is unknown there
            assertEquals("15:NN>N", Normalisation.deletion(15, 1, reference));
        }
    }
}
