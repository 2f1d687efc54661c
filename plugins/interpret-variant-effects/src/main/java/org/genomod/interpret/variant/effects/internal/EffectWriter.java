package org.genomod.interpret.variant.effects.internal;

import htsjdk.variant.vcf.VCFHeader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.genomod.api.io.AtomicOutput;

/**
 * Writes the scored records into a temporary sibling of the output; {@link #commit()} renames it into
 * place, {@link #close()} without a commit deletes it, so a reader sees a complete file or none.
 */
interface EffectWriter extends Closeable {

    void write(RecordEffects record) throws IOException;

    /** Finishes the file and moves it to the output path. */
    void commit() throws IOException;

    /** The format a file name asks for. */
    enum Format {
        TSV(".tsv"), VCF_GZ(".vcf.gz"), VCF(".vcf");

        private final String suffix;

        Format(String suffix) {
            this.suffix = suffix;
        }

        /** @throws IllegalArgumentException naming the suffixes understood */
        static Format of(Path output) {
            String name = output.getFileName().toString().toLowerCase(Locale.ROOT);
            for (Format f : values()) {
                if (name.endsWith(f.suffix)) {
                    return f;
                }
            }
            throw new IllegalArgumentException(output + ": the output format follows the file name, which must end in .tsv "
                    + "(a table) or .vcf.gz (an annotated, bgzipped VCF; .vcf for plain text)");
        }
    }

    static EffectWriter open(Path output, ModelInput model, VCFHeader inputHeader, String description) throws IOException {
        AtomicOutput target = AtomicOutput.open(output);
        try {
            return switch (Format.of(output)) {
                case TSV -> new TsvEffectWriter(target, model);
                case VCF_GZ -> new VcfEffectWriter(target, model, inputHeader, description, true);
                case VCF -> new VcfEffectWriter(target, model, inputHeader, description, false);
            };
        } catch (IOException | RuntimeException e) {
            target.close();
            throw e;
        }
    }
}
