package org.genomod.reader.expression.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The in-place number parser agrees with the JDK's and the field splitter with RFC 4180 quoting. */
class DecimalsTest {

    private static double parse(String s) {
        return Decimals.parse(s.toCharArray(), 0, s.length());
    }

    @Test
    void agreesWithTheJdkBitForBit() {
        Random random = new Random(42);
        for (int i = 0; i < 40_000; i++) {
            String s = switch (i % 4) {
                case 0 -> Double.toString(random.nextGaussian() * Math.pow(10, random.nextInt(20) - 10));
                case 1 -> String.format("%.6f", random.nextDouble() * 20000 - 10000);
                case 2 -> Long.toString(random.nextLong() >> random.nextInt(63));
                default -> String.format("%.3e", random.nextDouble() * Math.pow(10, random.nextInt(60) - 30));
            };
            assertEquals(Double.doubleToLongBits(Double.parseDouble(s)), Double.doubleToLongBits(parse(s)), s);
        }
    }

    @Test
    void rejectsWhatIsNotADecimalNumber() {
        for (String s : new String[] {"", "-", ".", "e5", "1e", "1e+", "1f", "1d", "0x1p3", "NaN", "Infinity", "1 2", "1,5", "1e400"}) {
            assertThrows(NumberFormatException.class, () -> parse(s), s);
        }
    }

    @Test
    void missingTokens() {
        for (String s : new String[] {"", "NA", "na", "NaN", "nan", "NULL", "null"}) {
            assertTrue(Decimals.isMissing(s.toCharArray(), 0, s.length()), s);
        }
        for (String s : new String[] {"N", "0", "none", "-"}) {
            assertFalse(Decimals.isMissing(s.toCharArray(), 0, s.length()), s);
        }
    }

    @Test
    void fieldsHonourQuotes() {
        Fields csv = new Fields(',', true);
        assertTrue(csv.split(" a ,\"b,\"\"c\"\"\", ,\"\""));
        assertArrayEquals(new String[] {"a", "b,\"c\"", "", ""}, csv.texts());
        assertFalse(csv.split("\"open,1"));
        assertFalse(csv.split("\"closed\"x,1"));
        Fields tsv = new Fields('\t', false);
        assertTrue(tsv.split("\"a\t1\t\t"));
        assertArrayEquals(new String[] {"\"a", "1", "", ""}, tsv.texts());
    }
}
