package org.genomod.reader.fasta.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.InputFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The protein alphabet: 20 channels in the order ACDEFGHIKLMNPQRSTVWY, ambiguity spread, U/O/* by policy. */
class ProteinAlphabetTest {
    private static final String ORDER = "ACDEFGHIKLMNPQRSTVWY";
    private final OneHotEncoder protein = new OneHotEncoder(Alphabet.PROTEIN);

    private float[] encode(String sequence) {
        float[] out = new float[sequence.length() * 20];
        protein.encode(sequence, out, 0);
        return out;
    }

    /** One position with {@code share} on each of the named residues. */
    private static float[] spread(String residues) {
        float[] out = new float[20];
        for (char c : residues.toCharArray()) {
            out[ORDER.indexOf(c)] = 1f / residues.length();
        }
        return out;
    }

    @Test
    void twentyChannelsInAlphabeticalOrder() {
        assertEquals(20, protein.channels());
        assertEquals(ORDER, Alphabet.PROTEIN.bases());
        float[] all = encode(ORDER);
        for (int position = 0; position < 20; position++) {
            for (int channel = 0; channel < 20; channel++) {
                assertEquals(position == channel ? 1f : 0f, all[position * 20 + channel], "position " + position);
            }
        }
        assertArrayEquals(encode("MKV"), encode("mkv"));
    }

    @Test
    void ambiguityCodesSpreadTheirMass() {
        assertArrayEquals(spread("DN"), encode("B"));
        assertArrayEquals(spread("EQ"), encode("Z"));
        assertArrayEquals(spread("IL"), encode("J"));
        assertArrayEquals(spread(ORDER), encode("X"));
        float sum = 0;
        for (float v : encode("X")) {
            sum += v;
        }
        assertEquals(1f, sum, 1e-6);
    }

    @Test
    void rareResiduesAndStopFollowTheDocumentedPolicy() {
        assertArrayEquals(encode("C"), encode("U")); // selenocysteine read as cysteine
        assertArrayEquals(encode("K"), encode("O")); // pyrrolysine read as lysine
        assertArrayEquals(new float[20], encode("*")); // a stop is a position without a residue
    }

    @Test
    void gapsAndDigitsAreRejected() {
        IllegalArgumentException gap = assertThrows(IllegalArgumentException.class, () -> encode("MK-V"));
        assertTrue(gap.getMessage().contains("invalid character '-' at position 3 (the protein alphabet is the 20 amino acids"),
                gap.getMessage());
        assertThrows(IllegalArgumentException.class, () -> encode("MK1"));
        assertThrows(UnsupportedOperationException.class, () -> protein.encodeReverseComplement("MK", new float[40], 0));
    }

    @Test
    void dnaRejectsAminoAcidsWithAHint() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new OneHotEncoder(Alphabet.DNA).encode("ACEF", new float[16], 0));
        assertTrue(e.getMessage().contains("'E' at position 3"), e.getMessage());
        assertTrue(e.getMessage().contains("for amino acids set alphabet: protein"), e.getMessage());
    }

    @Test
    void proteinFastaIsReadWithTwentyChannels(@TempDir Path dir) throws IOException {
        Path fasta = Files.writeString(dir.resolve("p.faa"), ">sp|P1 kinase\nMKVL\n>sp|P2 other\nMKX*\n");
        Dataset data = Reads.train(fasta, "alphabet", "protein");
        assertEquals(List.of(4, 20), data.schema().featureShape());
        assertEquals("protein-one-hot", data.schema().encoding());
        assertEquals("protein", data.schema().attributes().get("alphabet"));
        float[] features = Reads.features(data, 1);
        assertEquals(1f / 20, features[2 * 20], 1e-7); // X
        for (int c = 0; c < 20; c++) {
            assertEquals(0f, features[3 * 20 + c]); // *
        }

        InputFormatException rc = assertThrows(InputFormatException.class,
                () -> Reads.train(fasta, "alphabet", "protein", "reverse_complement", true));
        assertTrue(rc.getMessage().contains("reverse_complement needs a nucleotide alphabet, not protein"), rc.getMessage());
        InputFormatException dna = assertThrows(InputFormatException.class, () -> Reads.train(fasta));
        assertEquals(2, dna.line());
        assertTrue(dna.getMessage().contains("record 'sp|P1': invalid character 'L' at position 4"), dna.getMessage());
    }
}
