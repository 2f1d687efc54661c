package org.genomod.reader.vcf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link ByteLines} splits and decodes lines exactly as {@link BufferedReader#readLine()} over UTF-8 does. */
class ByteLinesTest {

    private static List<String> withReader(byte[] data) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(data), StandardCharsets.UTF_8))) {
            for (String s = r.readLine(); s != null; s = r.readLine()) {
                lines.add(s);
            }
        }
        return lines;
    }

    /** Read in chunks of at most {@code chunk} bytes, so that line endings and long lines straddle buffer refills. */
    private static List<String> withByteLines(byte[] data, int chunk) throws IOException {
        InputStream in = new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
        List<String> lines = new ArrayList<>();
        ByteLines bytes = new ByteLines(in);
        while (bytes.next()) {
            assertEquals(bytes.isEmpty(), bytes.start() == bytes.end());
            lines.add(bytes.text());
        }
        return lines;
    }

    private static void assertSameLines(byte[] data) throws IOException {
        List<String> expected = withReader(data);
        for (int chunk : new int[] {1, 3, 8, 1000, 1 << 20}) {
            assertEquals(expected, withByteLines(data, chunk), "read " + chunk + " bytes at a time");
        }
    }

    @Test
    void lineEndingsAsAReaderSeesThem() throws IOException {
        for (String text : List.of("", "a", "a\n", "a\nb", "a\r\nb\r\n", "a\rb\r", "a\n\rb", "\n\n\r\r\n", "a\r\r\nb", "\r", "\r\n",
                "tab\tseparated\tcolumns\n\nlast")) {
            assertSameLines(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void malformedUtf8IsReplacedAsAReaderReplacesIt() throws IOException {
        assertSameLines(new byte[] {'a', (byte) 0xe2, '\n', (byte) 0xc3, (byte) 0xa9, (byte) 0xff, 'b', (byte) 0xf0, (byte) 0x9f, '\r',
            (byte) 0xe2, (byte) 0x82, (byte) 0xac, '\n'});
    }

    @Test
    void longAndRandomLines() throws IOException {
        Random random = new Random(42);
        byte[] alphabet = "ACGT\t;=:,.\n\r\u00e9".getBytes(StandardCharsets.UTF_8);
        byte[] data = new byte[300_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = i > 100_000 && i < 250_000 ? (byte) 'N' : alphabet[random.nextInt(alphabet.length)]; // one line of 150 kB
        }
        assertSameLines(data);
    }
}
