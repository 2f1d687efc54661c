package org.genomod.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.genomod.api.data.ArrayDataset;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterpretBenchCommandTest {
    private static final String HEADER = "##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n";
    private static final String RECORDS = "chr1\t5\t.\tA\tG\t.\tPASS\t.\nchr1\t9\t.\tC\tT\t.\tPASS\t.\n";

    @Test
    void repeatsTheRecordsOfAGzippedVcfUnderOneHeader(@TempDir Path dir) throws Exception {
        Path vcf = dir.resolve("in.vcf.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(vcf))) {
            out.write((HEADER + RECORDS).getBytes(StandardCharsets.UTF_8));
        }
        Path repeated = InterpretBenchCommand.repeatRecords(vcf, 3, dir.resolve("out.vcf"));
        assertEquals(HEADER + RECORDS.repeat(3), Files.readString(repeated));
    }

    @Test
    void randomSequencesAreOneHot(@TempDir Path dir) {
        DatasetSchema schema = new DatasetSchema(List.of(7, 4), "dna-one-hot", TaskType.BINARY, List.of("bound"), Map.of());
        ArrayDataset data = InterpretBenchCommand.randomSequences(schema, 5, new SplittableRandom(1));
        float[] row = new float[schema.featureSize()];
        for (int i = 0; i < data.size(); i++) {
            data.features(i, row, 0);
            for (int position = 0; position < 7; position++) {
                float sum = 0;
                for (int c = 0; c < 4; c++) {
                    sum += row[position * 4 + c];
                }
                assertEquals(1f, sum, "sequence " + i + " position " + position);
            }
        }
    }
}
