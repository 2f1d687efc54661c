package org.genomod.reader.fasta.internal;

import org.genomod.reader.support.LineSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.genomod.api.data.FileInspector;
import org.genomod.api.data.InspectionReport;
import org.genomod.api.train.Cancellation;
import org.osgi.service.component.annotations.Component;

/**
 * Inspects the files this bundle's reader reads (FASTA, FASTQ, UCI, sequence TSV), completely and in
 * bounded memory: records, alphabet, length range, classes, repeated ids; for an indexed FASTA
 * reference, its contigs and total length with the index checked against the file. Malformed files
 * get the reader's own error. A {@code --reference} is not needed for these formats and is ignored.
 */
@Component(service = FileInspector.class, property = FileInspector.SERVICE_PROPERTY + "=fasta")
public final class SequenceFileInspector implements FileInspector {
    @Override
    public boolean accepts(Path file, byte[] head) {
        return SequenceFileRecognizer.accepts(file, head);
    }

    @Override
    public InspectionReport inspect(Path file, Path reference, Cancellation cancellation) throws IOException {
        InputFormat format = detect(file);
        List<String> warnings = new ArrayList<>();
        Map<String, Object> facts = new LinkedHashMap<>();
        try (FaiCheck index = format == InputFormat.FASTA ? FaiCheck.open(file, warnings) : null) {
            SequenceSurvey survey = new SequenceSurvey(file, index, cancellation);
            try (LineSource lines = LineSource.open(file)) {
                // the reader's default key: inspect reports the labels a plain labels: header read gets
                format.parser(ReaderOptions.DEFAULT_LABEL_KEY).parse(lines, survey);
            }
            if (index != null) {
                index.finish();
            }
            facts.put("alphabet", survey.alphabet().id());
            facts.put("length", survey.lengthRange());
            facts.put("total length", survey.bases());
            putIfPresent(facts, "classes", survey.classes());
            putIfPresent(facts, "quality", survey.qualityRange() == null ? null : "Phred " + survey.qualityRange());
            if (index != null) {
                facts.put("contigs", index.contigs());
                facts.put("index", index.describe());
            }
            warnings.addAll(0, survey.warnings());
            return new InspectionReport(format.id(), survey.records(), facts, warnings);
        }
    }

    private static InputFormat detect(Path file) throws IOException {
        try (LineSource lines = LineSource.open(file)) {
            String first = lines.nextLine();
            if (first == null) {
                throw lines.error(0, "is empty");
            }
            return InputFormat.recognise(first).orElseThrow(() -> lines.error(lines.lineNumber(), "is not FASTA ('>name'), "
                    + "FASTQ ('@name'), UCI ('class, id, sequence') or a sequence TSV (a header with a seq column)"));
        }
    }

    private static void putIfPresent(Map<String, Object> facts, String name, Object value) {
        if (value != null) {
            facts.put(name, value);
        }
    }
}
