package org.genomod.reader.vcf.internal;

import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFHeader;
import htsjdk.variant.vcf.VCFHeaderLineCount;
import htsjdk.variant.vcf.VCFHeaderLineType;
import htsjdk.variant.vcf.VCFInfoHeaderLine;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.genomod.api.data.InputFormatException;

/**
 * Reads each variant allele's label from an INFO field, as its header line declares it: a Flag gives
 * 1 or 0, a per-allele field ({@code Number=A} or {@code R}) gives the value of the allele's own
 * position, so the examples of a split multi-allelic record get their own labels; any other field
 * must hold one value.
 */
final class InfoLabel {
    private final String field;
    private final VCFInfoHeaderLine line;

    private InfoLabel(String field, VCFInfoHeaderLine line) {
        this.field = field;
        this.line = line;
    }

    static InfoLabel of(VCFHeader header, String field, Path file) throws InputFormatException {
        VCFInfoHeaderLine line = header.getInfoHeaderLine(field);
        if (line == null) {
            List<String> known = header.getInfoHeaderLines().stream().map(VCFInfoHeaderLine::getID).sorted().collect(Collectors.toList());
            throw new InputFormatException(file, 0, "label_info '" + field + "' is not an INFO field of the header (INFO fields: "
                    + (known.isEmpty() ? "none" : String.join(", ", known)) + ")");
        }
        return new InfoLabel(field, line);
    }

    String field() {
        return field;
    }

    boolean flag() {
        return line.getType() == VCFHeaderLineType.Flag;
    }

    /** Whether the values are measurements (Float), which makes task auto a regression. */
    boolean numeric() {
        return line.getType() == VCFHeaderLineType.Float;
    }

    /** The label of ALT allele {@code alt} (0-based) of {@code vc}, or {@code null} when the record has none. */
    String of(VariantContext vc, int alt, VariantStream stream) throws InputFormatException {
        Object value = vc.getAttribute(field);
        if (flag()) {
            return value == null || Boolean.FALSE.equals(value) ? "0" : "1";
        }
        if (value == null) {
            return null;
        }
        int n = value instanceof List<?> list ? list.size() : value.getClass().isArray() ? Array.getLength(value) : 1;
        int alts = vc.getAlternateAlleles().size();
        int index;
        if (line.getCountType() == VCFHeaderLineCount.A || line.getCountType() == VCFHeaderLineCount.R) {
            int expected = line.getCountType() == VCFHeaderLineCount.A ? alts : alts + 1;
            if (n != expected) {
                throw stream.error("INFO " + field + " has " + n + " value" + (n == 1 ? "" : "s") + ", but its header declares one per "
                        + (line.getCountType() == VCFHeaderLineCount.A ? "ALT allele" : "allele") + " (" + expected + " here)");
            }
            index = line.getCountType() == VCFHeaderLineCount.A ? alt : alt + 1;
        } else if (n != 1) {
            throw stream.error("INFO " + field + " has " + n + " values, but a label is one value per record (Number=1) or per "
                    + "allele (Number=A or R)");
        } else {
            index = 0;
        }
        Object item = value instanceof List<?> list ? list.get(index) : value.getClass().isArray() ? Array.get(value, index) : value;
        String label = item == null ? "." : item.toString().strip();
        return label.isEmpty() || label.equals(".") ? null : label;
    }
}
