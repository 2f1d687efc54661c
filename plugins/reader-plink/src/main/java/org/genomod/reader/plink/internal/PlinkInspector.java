package org.genomod.reader.plink.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.genomod.api.data.FileInspector;
import org.genomod.api.data.InputFormatException;
import org.genomod.api.data.InspectionReport;
import org.genomod.api.train.Cancellation;
import org.osgi.service.component.annotations.Component;

/**
 * Checks PLINK 1 binary trios for {@code genomod inspect}. A {@code .bed} (or {@code .bed.gz}) is
 * claimed by its magic bytes, never by its name alone, since BED interval files share the extension;
 * checking it reads the whole trio and decodes every genotype. A {@code .bim} or {@code .fam} is
 * claimed when a {@code .bed} lies beside it, and is checked on its own.
 */
@Component(service = FileInspector.class, property = FileInspector.SERVICE_PROPERTY + "=plink")
public final class PlinkInspector implements FileInspector {

    @Override
    public boolean accepts(Path file, byte[] head) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".bed") || name.endsWith(".bed.gz")) {
            return head.length >= 2 && (head[0] & 0xff) == BedFile.MAGIC_1 && (head[1] & 0xff) == BedFile.MAGIC_2;
        }
        if (name.endsWith(".bim") || name.endsWith(".fam")) {
            return hasBed(file) && firstLineHasSixFields(head);
        }
        return false;
    }

    private static boolean hasBed(Path file) {
        return Files.isRegularFile(ReaderOptions.sibling(file, ".bed")) || Files.isRegularFile(ReaderOptions.sibling(file, ".bed.gz"));
    }

    private static boolean firstLineHasSixFields(byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8);
        int end = text.indexOf('\n');
        return Words.split(end < 0 ? text : text.substring(0, end)).size() == 6;
    }

    @Override
    public InspectionReport inspect(Path file, Path reference, Cancellation cancellation) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".bim")) {
            BimFile bim = BimFile.read(file, BimFile.Selection.first(0));
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("snps", bim.count());
            facts.put("chromosomes", List.copyOf(bim.chromosomes()));
            return new InspectionReport("plink-bim", bim.count(), facts, bimWarnings(bim));
        }
        if (name.endsWith(".fam")) {
            FamFile fam = FamFile.read(file);
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("samples", fam.size());
            facts.put("phenotype", describe(phenotypes(fam)));
            return new InspectionReport("plink-fam", fam.size(), facts, List.of());
        }
        return inspectTrio(file, cancellation);
    }

    private static InspectionReport inspectTrio(Path bedPath, Cancellation cancellation) throws IOException {
        Path bimPath = ReaderOptions.sibling(bedPath, ".bim");
        Path famPath = ReaderOptions.sibling(bedPath, ".fam");
        for (Path member : List.of(bimPath, famPath)) {
            if (!Files.isRegularFile(member)) {
                throw new InputFormatException(bedPath, 0, "has no " + member.getFileName() + " beside it");
            }
        }
        FamFile fam = FamFile.read(famPath);
        BimFile bim = BimFile.read(bimPath, BimFile.Selection.first(0));
        GenotypeDecoder decoder = new GenotypeDecoder(true);
        long[] counts = new long[4];
        int uncalled = 0;
        try (BedFile bed = BedFile.open(bedPath, fam.size(), bim.count())) {
            byte[] block = new byte[bed.bytesPerSnp()];
            for (int f = 0; f < bim.count(); f++) {
                if (f % 1024 == 0 && cancellation.isCancelled()) {
                    throw new CancellationException("inspecting " + bedPath + " was cancelled: " + cancellation.reason());
                }
                bed.read(block, f);
                long missingBefore = counts[3];
                decoder.count(block, fam.size(), counts);
                uncalled += counts[3] - missingBefore == fam.size() ? 1 : 0;
            }
            bed.finish();
        }
        long genotypes = (long) fam.size() * bim.count();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("samples", fam.size());
        facts.put("snps", bim.count());
        facts.put("chromosomes", List.copyOf(bim.chromosomes()));
        facts.put("A1 counts 0/1/2", counts[0] + "/" + counts[1] + "/" + counts[2]);
        facts.put("missing calls", String.format(Locale.ROOT, "%,d (%.2f%%)", counts[3], 100.0 * counts[3] / genotypes));
        facts.put("phenotype", describe(phenotypes(fam)));
        List<String> warnings = new ArrayList<>(bimWarnings(bim));
        if (uncalled > 0) {
            warnings.add(uncalled + " SNPs have no call in any sample");
        }
        return new InspectionReport("plink", bim.count(), facts, warnings);
    }

    private static List<String> bimWarnings(BimFile bim) {
        return bim.duplicateIds() > 0
                ? List.of(bim.duplicateIds() + " SNP ids repeat an earlier line's (select such SNPs by position, not id)")
                : List.of();
    }

    private static Phenotypes phenotypes(FamFile fam) throws InputFormatException {
        String[] tokens = new String[fam.size()];
        long[] lines = new long[fam.size()];
        for (int s = 0; s < fam.size(); s++) {
            tokens[s] = fam.sample(s).phenotype();
            lines[s] = fam.sample(s).line();
        }
        return Phenotypes.interpret(tokens, lines, fam.path(), false, Phenotypes.TaskChoice.AUTO, "phenotype");
    }

    private static String describe(Phenotypes p) {
        return switch (p.kind()) {
            case CASE_CONTROL -> p.cases() + " cases, " + (p.count() - p.cases()) + " controls"
                    + (p.count() < p.size() ? ", " + (p.size() - p.count()) + " missing" : "");
            case QUANTITATIVE -> "quantitative" + (p.count() < p.size() ? ", " + (p.size() - p.count()) + " missing" : "");
            case NONE -> "none";
        };
    }
}
