package org.genomod.reader.vcf.internal;

import htsjdk.variant.variantcontext.VariantContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.genomod.api.data.InspectionReport;
import org.genomod.api.train.Cancellation;

/**
 * Reads a file twice: as the inspector and the genotype matrix read it now (lines checked by hand,
 * htsjdk for the rest), and with htsjdk decoding every record, as they read it before. Each read is
 * rendered as text, so a test compares them with one assertEquals and a failure shows the difference.
 */
final class BothPaths {
    private BothPaths() {
    }

    /** What the inspector reports: {@code OK ...} with every fact and warning, or {@code ERROR message}. */
    static String inspect(Path file, Path reference) {
        try {
            return describe(new VcfFileInspector().inspect(file, reference, Cancellation.NEVER));
        } catch (IOException | RuntimeException e) {
            return "ERROR " + e.getMessage();
        }
    }

    /** The same with htsjdk decoding every record and type-checking it with {@code fullyDecode}. */
    static String inspectWithHtsjdk(Path file, Path reference) {
        try (VariantStream stream = VariantFiles.open(file, null, Columns.ALL);
             IndexedReference fasta = reference == null ? null : IndexedReference.open(reference)) {
            Inspection inspection = new Inspection(stream.header(), fasta);
            for (VariantContext vc = stream.next(); vc != null; vc = stream.next()) {
                inspection.add(new DecodedRecord(vc), stream);
            }
            return describe(inspection.report(stream.format(), stream.headerNotes()));
        } catch (IOException | RuntimeException e) {
            return "ERROR " + e.getMessage();
        }
    }

    private static String describe(InspectionReport r) {
        return "OK " + r.format() + " " + r.records() + " records " + r.facts() + " " + r.warnings();
    }

    /** Records as read now, one line each (an error ends the list), and how many were checked by hand. */
    static Records records(Path file, Columns mode) {
        Records out = new Records();
        try (VariantStream stream = VariantFiles.open(file, null, mode)) {
            for (VariantRecord r = stream.nextRecord(mode == Columns.ALL); r != null; r = stream.nextRecord(mode == Columns.ALL)) {
                out.checkedByHand += r instanceof VcfLine ? 1 : 0;
                out.lines.add(describe(r, stream, mode));
            }
        } catch (IOException | RuntimeException e) {
            out.lines.add("ERROR " + e.getMessage());
        }
        return out;
    }

    /** Records as htsjdk decodes every one of them. */
    static List<String> recordsWithHtsjdk(Path file, Columns mode) {
        List<String> out = new ArrayList<>();
        try (VariantStream stream = VariantFiles.open(file, null, mode)) {
            for (VariantContext vc = stream.next(); vc != null; vc = stream.next()) {
                out.add(describe(new DecodedRecord(vc), stream, mode));
            }
        } catch (IOException | RuntimeException e) {
            out.add("ERROR " + e.getMessage());
        }
        return out;
    }

    static final class Records {
        final List<String> lines = new ArrayList<>();
        int checkedByHand;
    }

    /** Everything a reader takes from a record, genotypes decoded (which may throw, as the readers would). */
    private static String describe(VariantRecord r, VariantStream stream, Columns mode) throws IOException {
        StringBuilder s = new StringBuilder();
        s.append(r.contig()).append(':').append(r.start()).append('-').append(r.end()).append(r.filtered() ? " filtered" : "");
        StringBuilder ref = new StringBuilder();
        for (int i = 0; i < r.refLength(); i++) {
            ref.append((char) r.refBase(i));
        }
        s.append(" ref=").append(ref);
        for (int a = 0; a < r.alleles(); a++) {
            s.append(a == 0 ? " alleles=" : ",").append(r.display(a));
            if (a > 0) {
                s.append('(').append(r.kind(a)).append(r.spanningDeletion(a) ? " *" : "").append(')');
            }
        }
        r.decodeGenotypes(stream);
        int samples = stream.header().getNGenotypeSamples();
        for (int sample = 0; sample < samples; sample++) {
            s.append(sample == 0 ? " gt=" : " ").append(r.genotypeString(sample)).append('[');
            for (int k = 0; k < r.ploidy(sample); k++) {
                s.append(k == 0 ? "" : ",").append(r.genotypeAllele(sample, k));
            }
            s.append(']');
        }
        if (mode == Columns.ALL) {
            Set<String> undeclared = new TreeSet<>();
            boolean allDeclared = r.undeclaredInfo(stream.header(), undeclared);
            s.append(" undeclared=").append(undeclared);
            if (allDeclared) {
                try {
                    r.checkTypes(stream.header());
                    s.append(" types agree");
                } catch (RuntimeException e) {
                    s.append(" types: ").append(HtsjdkMessages.clean(e));
                }
            }
        }
        return s.toString();
    }
}
