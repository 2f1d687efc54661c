package org.genomod.reader.vcf.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import org.genomod.api.data.FileInspector;
import org.genomod.api.data.InspectionReport;
import org.genomod.api.train.Cancellation;
import org.osgi.service.component.annotations.Component;

/**
 * Checks a VCF or BCF file completely: every record and every genotype is decoded, and with a
 * reference every REF allele is compared with it. A file the reader would refuse gets the reader's
 * error; anything legal but notable is a warning. VCF lines are checked by hand ({@link VcfLine}) where
 * that is certain to agree with htsjdk's decoding, and decoded by htsjdk otherwise.
 */
@Component(service = FileInspector.class, property = FileInspector.SERVICE_PROPERTY + "=vcf")
public final class VcfFileInspector implements FileInspector {
    private static final int CANCELLATION_INTERVAL = 4096;

    /** By name ({@code .vcf}, {@code .vcf.gz}, {@code .vcf.bgz}, {@code .bcf}) or by a VCF or BCF header. */
    @Override
    public boolean accepts(Path file, byte[] head) {
        return VariantFiles.hasVariantName(file) || VariantFiles.looksLikeVariants(head);
    }

    @Override
    public InspectionReport inspect(Path file, Path reference, Cancellation cancellation) throws IOException {
        try (VariantStream stream = VariantFiles.open(file, null, Columns.ALL);
             IndexedReference fasta = reference == null ? null : IndexedReference.open(reference)) {
            Inspection inspection = new Inspection(stream.header(), fasta);
            for (VariantRecord r = stream.nextRecord(inspection.checksTypes()); r != null;
                    r = stream.nextRecord(inspection.checksTypes())) {
                if (stream.records() % CANCELLATION_INTERVAL == 1 && cancellation.isCancelled()) {
                    throw new CancellationException("inspecting " + file + " was cancelled: " + cancellation.reason());
                }
                inspection.add(r, stream);
            }
            return inspection.report(stream.format(), stream.headerNotes());
        }
    }
}
