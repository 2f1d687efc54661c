package org.genomod.reader.fasta.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OneHotEncoderTest {
    private static final float THIRD = 1f / 3;
    private final OneHotEncoder dna = new OneHotEncoder(Alphabet.DNA);
    private final OneHotEncoder rna = new OneHotEncoder(Alphabet.RNA);

    private static float[] encode(OneHotEncoder encoder, String sequence) {
        float[] out = new float[sequence.length() * 4];
        encoder.encode(sequence, out, 0);
        return out;
    }

    private static float[] reverseComplement(OneHotEncoder encoder, String sequence) {
        float[] out = new float[sequence.length() * 4];
        encoder.encodeReverseComplement(sequence, out, 0);
        return out;
    }

    @Test
    void basesAreOneHotInAcgtOrder() {
        assertArrayEquals(new float[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1}, encode(dna, "ACGT"));
        assertEquals(4, dna.channels());
    }

    @Test
    void lowerCaseEqualsUpperCase() {
        assertArrayEquals(encode(dna, "ACGTNRYSWKMBDHV"), encode(dna, "acgtnryswkmbdhv"));
    }

    @Test
    void ambiguityCodesSpreadTheMassEvenly() {
        assertArrayEquals(new float[] {.25f, .25f, .25f, .25f}, encode(dna, "N"));
        assertArrayEquals(new float[] {.5f, 0, .5f, 0}, encode(dna, "R"));
        assertArrayEquals(new float[] {0, .5f, 0, .5f}, encode(dna, "Y"));
        assertArrayEquals(new float[] {0, .5f, .5f, 0}, encode(dna, "S"));
        assertArrayEquals(new float[] {.5f, 0, 0, .5f}, encode(dna, "W"));
        assertArrayEquals(new float[] {0, 0, .5f, .5f}, encode(dna, "K"));
        assertArrayEquals(new float[] {.5f, .5f, 0, 0}, encode(dna, "M"));
        assertArrayEquals(new float[] {THIRD, 0, THIRD, THIRD}, encode(dna, "D"));
        assertArrayEquals(new float[] {0, THIRD, THIRD, THIRD}, encode(dna, "B"));
        assertArrayEquals(new float[] {THIRD, THIRD, 0, THIRD}, encode(dna, "H"));
        assertArrayEquals(new float[] {THIRD, THIRD, THIRD, 0}, encode(dna, "V"));
    }

    @Test
    void everyCodeSumsToOne() {
        float[] all = encode(dna, "ACGTRYSWKMBDHVN");
        for (int position = 0; position < 15; position++) {
            float sum = 0;
            for (int c = 0; c < 4; c++) {
                sum += all[position * 4 + c];
            }
            assertEquals(1f, sum, 1e-6, "position " + position);
        }
    }

    @Test
    void rnaUsesUInPlaceOfT() {
        assertArrayEquals(encode(dna, "ACGT"), encode(rna, "ACGU"));
        assertArrayEquals(encode(dna, "acgtn"), encode(rna, "acgun"));
        IllegalArgumentException t = assertThrows(IllegalArgumentException.class, () -> encode(rna, "ACGT"));
        assertTrue(t.getMessage().contains("'T' at position 4"), t.getMessage());
        assertTrue(t.getMessage().contains("set alphabet: dna"), t.getMessage());
    }

    @Test
    void invalidCharacterIsNamedWithItsPosition() {
        IllegalArgumentException u = assertThrows(IllegalArgumentException.class, () -> encode(dna, "ACGU"));
        assertTrue(u.getMessage().contains("'U' at position 4"), u.getMessage());
        assertTrue(u.getMessage().contains("set alphabet: rna"), u.getMessage());
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> encode(dna, "AC-GT"));
        assertTrue(x.getMessage().contains("'-' at position 3"), x.getMessage());
        IllegalArgumentException tab = assertThrows(IllegalArgumentException.class, () -> encode(dna, "A\tC"));
        assertTrue(tab.getMessage().contains("U+0009 at position 2"), tab.getMessage());
        assertThrows(IllegalArgumentException.class, () -> encode(dna, "Aé"));
    }

    @Test
    void firstInvalidFindsTheFirstBadCharacter() {
        assertEquals(-1, dna.firstInvalid("ACGTNacgtn"));
        assertEquals(2, dna.firstInvalid("ACXGZ"));
        assertEquals(3, rna.firstInvalid("ACGT"));
    }

    @Test
    void reverseComplementReversesAndComplements() {
        assertArrayEquals(encode(dna, "ACCGT"), reverseComplement(dna, "ACGGT"));
        assertArrayEquals(encode(dna, "aaCG"), reverseComplement(dna, "CGtt"));
    }

    @Test
    void reverseComplementMapsAmbiguityCodesToTheirComplements() {
        // R(A/G)<->Y(C/T), K(G/T)<->M(A/C), B<->V, D<->H; S, W and N are their own complements.
        assertArrayEquals(encode(dna, "YRKMVBHDSWN"), reverseComplement(dna, "NWSHDVBKMYR"));
        assertArrayEquals(encode(rna, "AACGU"), reverseComplement(rna, "ACGUU"));
    }

    @Test
    void encodesAtTheGivenOffset() {
        float[] out = new float[12];
        dna.encode("G", out, 4);
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0}, out);
    }
}
