package org.genomod.reader.plink.internal;

import org.genomod.reader.support.LineSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.genomod.api.data.InputFormatException;

/**
 * A side table of phenotypes ({@code phenotype_file}) with a header line. A header beginning
 * {@code FID IID} (PLINK's {@code --pheno} layout) matches samples by family and individual id;
 * otherwise the first column holds individual ids. Fields are separated by tabs when the header has
 * one, else by runs of spaces. A first line that names a sample of the {@code .fam} is refused: the
 * header is missing, and reading it as one would silently drop that sample.
 */
final class PhenotypeTable {
    /** A sample's entry: the phenotype tokens (one per phenotype column) and group as written, and the line. */
    record Row(List<String> values, String group, long line) {
    }

    private final Path path;
    private final boolean byFamily;
    private final List<String> columns;
    private final Map<String, Row> rows;

    private PhenotypeTable(Path path, boolean byFamily, List<String> columns, Map<String, Row> rows) {
        this.path = path;
        this.byFamily = byFamily;
        this.columns = columns;
        this.rows = rows;
    }

    /**
     * @param phenotypeColumns the columns' names; empty for the first column after the ids
     * @param groupColumn      a column of groups; {@code null} for none
     */
    static PhenotypeTable read(Path path, List<String> phenotypeColumns, String groupColumn, FamFile fam) throws IOException {
        try (LineSource lines = LineSource.open(path)) {
            String header = lines.nextLine();
            if (header == null) {
                throw lines.error(0, "is empty");
            }
            long headerLine = lines.lineNumber();
            boolean tabs = header.indexOf('\t') >= 0;
            List<String> names = fields(header, tabs);
            boolean byFamily = names.size() >= 2 && names.get(0).equalsIgnoreCase("FID") && names.get(1).equalsIgnoreCase("IID");
            int keys = byFamily ? 2 : 1;
            if (names.size() <= keys) {
                throw lines.error(headerLine, "needs a header line naming the sample id column(s) and a phenotype column");
            }
            String first = names.get(keys - 1);
            if (fam.hasIid(first)) {
                throw lines.error(headerLine, "has no header line: its first line names the sample '" + first
                        + "'; add one, e.g. 'FID IID phenotype' or 'sample phenotype'");
            }
            if (!byFamily && !fam.iidsUnique()) {
                throw lines.error(headerLine, "matches samples by individual id alone, but the .fam repeats individual "
                        + "ids across families; begin the header with FID IID");
            }
            int[] value = phenotypeColumns.isEmpty() ? new int[] {keys} : new int[phenotypeColumns.size()];
            for (int c = 0; c < phenotypeColumns.size(); c++) {
                value[c] = column(lines, names, phenotypeColumns.get(c), "phenotype_column", headerLine, keys);
            }
            int group = groupColumn == null ? -1 : column(lines, names, groupColumn, "group_column", headerLine, keys);

            Map<String, Row> rows = new HashMap<>();
            for (String line = lines.nextLine(); line != null; line = lines.nextLine()) {
                long number = lines.lineNumber();
                List<String> f = fields(line, tabs);
                if (f.size() != names.size()) {
                    throw lines.error(number, "has " + f.size() + " fields, expected " + names.size()
                            + " as in the header (line " + headerLine + ")");
                }
                String key = byFamily ? f.get(0) + '\t' + f.get(1) : f.get(0);
                List<String> values = java.util.Arrays.stream(value).mapToObj(f::get).toList();
                Row earlier = rows.putIfAbsent(key, new Row(values, group < 0 ? null : f.get(group), number));
                if (earlier != null) {
                    throw lines.error(number, "duplicate sample '" + key.replace('\t', ' ') + "' (first on line "
                            + earlier.line() + ")");
                }
            }
            return new PhenotypeTable(path, byFamily, java.util.Arrays.stream(value).mapToObj(names::get).toList(), rows);
        }
    }

    private static List<String> fields(String line, boolean tabs) {
        if (!tabs) {
            return Words.split(line);
        }
        return java.util.Arrays.stream(line.split("\t", -1)).map(String::strip).toList();
    }

    private static int column(LineSource lines, List<String> names, String name, String parameter, long headerLine, int keys)
            throws InputFormatException {
        int index = names.indexOf(name);
        if (index < keys) {
            throw lines.error(headerLine, parameter + " '" + name + "' is not one of its columns after the sample id: "
                    + String.join(", ", names));
        }
        return index;
    }

    Path path() {
        return path;
    }

    /** The phenotype columns, in the order asked for. */
    List<String> columns() {
        return columns;
    }

    /** The sample's row, or {@code null} when the table does not list it. */
    Row row(FamFile.Sample sample) {
        return rows.get(byFamily ? sample.fid() + '\t' + sample.iid() : sample.iid());
    }
}
