package org.genomod.reader.vcf.internal;

import htsjdk.variant.vcf.VCFContigHeaderLine;
import htsjdk.variant.vcf.VCFHeader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.genomod.api.data.InspectionReport;

/**
 * What a complete read of one variant file found: counts for the summary, and the legal but notable
 * things (unsorted records, undeclared contigs and fields, values that disagree with their header
 * types, REF alleles that differ from a reference) as warnings. Problems that make the file unreadable
 * are thrown by the stream instead.
 */
final class Inspection {
    private final VCFHeader header;
    private final IndexedReference reference;
    private final Map<String, Long> declaredLengths = new HashMap<>();

    private long records;
    private final Map<AlleleKind, Long> kinds = new EnumMap<>(AlleleKind.class);
    private long withoutAlt;
    private long multiallelic;
    private long filtered;
    private final Map<String, Long> contigs = new LinkedHashMap<>();

    private String lastContig;
    private long lastStart;
    private final Set<String> finishedContigs = new HashSet<>();
    private String unsorted;

    private String typeProblem;
    private final Set<String> undeclaredInfo = new TreeSet<>();

    private long refChecked;
    private long refMismatches;
    private String firstMismatch;
    private final Map<String, Long> notInReference = new LinkedHashMap<>();
    private final List<String> lengthConflicts = new ArrayList<>();
    private final Set<String> referenceChecked = new HashSet<>();

    /** @param reference {@code null} when REF alleles are not to be checked */
    Inspection(VCFHeader header, IndexedReference reference) {
        this.header = header;
        this.reference = reference;
        for (VCFContigHeaderLine line : header.getContigLines()) {
            declaredLengths.put(line.getID(), (long) line.getSAMSequenceRecord().getSequenceLength());
        }
    }

    /** Whether the next record's values are to be checked against their header types: until the first disagreement. */
    boolean checksTypes() {
        return typeProblem == null;
    }

    void add(VariantRecord r, VariantStream stream) throws IOException {
        records++;
        r.decodeGenotypes(stream);
        contigs.merge(r.contig(), 1L, Long::sum);
        checkOrder(r.contig(), r.start(), stream);
        int alts = r.alleles() - 1;
        if (alts == 0) {
            withoutAlt++;
        }
        if (alts > 1) {
            multiallelic++;
        }
        for (int i = 1; i <= alts; i++) {
            kinds.merge(r.kind(i), 1L, Long::sum);
        }
        if (r.filtered()) {
            filtered++;
        }
        checkFields(r, stream);
        if (reference != null) {
            checkReference(r, stream);
        }
    }

    private void checkOrder(String contig, long start, VariantStream stream) {
        if (unsorted != null) {
            return;
        }
        if (!contig.equals(lastContig)) {
            if (lastContig != null) {
                finishedContigs.add(lastContig);
            }
            if (finishedContigs.contains(contig)) {
                unsorted = "records are not sorted: contig " + contig + " appears again at " + where(stream) + " after other contigs";
            }
        } else if (start < lastStart) {
            unsorted = "records are not sorted by position: " + contig + ":" + start + " (" + where(stream) + ") comes after "
                    + contig + ":" + lastStart;
        }
        lastContig = contig;
        lastStart = start;
    }

    /** INFO keys the header does not declare, and (until the first one) values that do not fit their declared type and number. */
    private void checkFields(VariantRecord r, VariantStream stream) {
        boolean allDeclared = r.undeclaredInfo(header, undeclaredInfo);
        // htsjdk types values by their header lines, so a record with undeclared fields (reported above) is not type-checked
        if (typeProblem == null && allDeclared) {
            try {
                r.checkTypes(header);
            } catch (RuntimeException e) {
                typeProblem = "values disagree with their header declarations (first at " + where(stream) + ": "
                        + HtsjdkMessages.clean(e) + "); later records were not type-checked";
            }
        }
    }

    private void checkReference(VariantRecord r, VariantStream stream) throws IOException {
        String contig = r.contig();
        if (!reference.has(contig)) {
            notInReference.merge(contig, 1L, Long::sum);
            return;
        }
        if (referenceChecked.add(contig)) {
            Long declared = declaredLengths.get(contig);
            if (declared != null && declared > 0 && declared != reference.length(contig)) {
                lengthConflicts.add(String.format("contig %s is %,d bp in the header but %,d bp in the reference (another genome build?)",
                        contig, declared, reference.length(contig)));
            }
        }
        int refLength = r.refLength();
        long start = r.start();
        long end = start + refLength - 1;
        refChecked++;
        long length = reference.length(contig);
        reference.load(contig, start, end); // clipped to the contig
        boolean agrees = start >= 1 && end <= length;
        for (int k = 0; k < refLength && agrees; k++) {
            agrees = Bases.agrees(Bases.mask(r.refBase(k)), reference.mask(start + k));
        }
        if (!agrees) {
            refMismatches++;
            if (firstMismatch == null) {
                StringBuilder found = new StringBuilder();
                for (long p = start; p <= end && p - start < 20; p++) {
                    found.append(p >= 1 && p <= length ? Bases.code(reference.mask(p)) : '-');
                }
                firstMismatch = where(stream) + ": " + contig + ":" + start + " REF " + r.display(0) + ", reference " + found;
            }
        }
    }

    private static String plural(long n, String noun) {
        return String.format("%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    private static String where(VariantStream stream) {
        return stream.line() > 0 ? "line " + stream.line() : "record " + stream.records();
    }

    InspectionReport report(String format, List<String> headerNotes) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("samples", header.getNGenotypeSamples());
        facts.put("contigs", List.copyOf(contigs.keySet()));
        kinds.forEach((kind, n) -> facts.put(kind.id(), n));
        if (withoutAlt > 0) {
            facts.put("no_alt", withoutAlt);
        }
        facts.put("multiallelic", multiallelic);
        if (filtered > 0) {
            facts.put("filtered", filtered);
        }
        if (reference != null) {
            facts.put("ref_checked", refChecked);
        }

        List<String> warnings = new ArrayList<>(headerNotes);
        if (records == 0) {
            warnings.add("the file has a header but no records");
        }
        if (unsorted != null) {
            warnings.add(unsorted);
        }
        Set<String> declared = declaredLengths.keySet();
        if (!declared.isEmpty()) {
            List<String> undeclared = contigs.keySet().stream().filter(c -> !declared.contains(c)).toList();
            if (!undeclared.isEmpty()) {
                warnings.add("contig" + (undeclared.size() == 1 ? " " : "s ") + String.join(", ", undeclared.stream().limit(3).toList())
                        + (undeclared.size() > 3 ? ", ..." : "") + " used by records but not declared in the header, which declares "
                        + String.join(", ", declared.stream().limit(3).toList()) + (declared.size() > 3 ? ", ..." : ""));
            }
        }
        if (!undeclaredInfo.isEmpty()) {
            warnings.add("INFO field" + (undeclaredInfo.size() == 1 ? " " : "s ") + String.join(", ", undeclaredInfo.stream().limit(5).toList())
                    + (undeclaredInfo.size() > 5 ? ", ... (" + undeclaredInfo.size() + ")" : "") + " not declared in the header");
        }
        if (typeProblem != null) {
            warnings.add(typeProblem);
        }
        warnings.addAll(lengthConflicts);
        if (!notInReference.isEmpty()) {
            long unchecked = notInReference.values().stream().mapToLong(Long::longValue).sum();
            List<String> missing = List.copyOf(notInReference.keySet());
            boolean one = missing.size() == 1;
            warnings.add(String.format("%s (%s) %s not in the reference, so %s REF alleles were not checked; %s",
                    one ? "contig " + missing.get(0) : "contigs " + String.join(", ", missing.stream().limit(3).toList())
                            + (missing.size() > 3 ? ", ... (" + missing.size() + ")" : ""),
                    plural(unchecked, "record"), one ? "is" : "are", one ? "its" : "their",
                    ContigNames.otherNaming(missing.get(0), reference.contigs())));
        }
        if (refMismatches > 0) {
            warnings.add(String.format("%,d of %,d REF alleles differ from the reference (first: %s)", refMismatches, refChecked, firstMismatch));
        }
        return new InspectionReport(format, records, facts, warnings);
    }
}
