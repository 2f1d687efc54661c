package org.genomod.reader.alignments.internal;

import htsjdk.samtools.FileTruncatedException;
import htsjdk.samtools.SAMFormatException;
import htsjdk.samtools.util.RuntimeEOFException;
import htsjdk.samtools.util.RuntimeIOException;
import java.nio.file.Path;
import java.util.Locale;
import org.genomod.api.data.InputFormatException;

/**
 * Turns htsjdk's exceptions into one sentence naming the file and the line (text SAM) or record
 * (BAM, CRAM) where reading stopped, without htsjdk's repetitions of the path and the offending line.
 */
final class HtsErrors {
    private static final String TEXT_SAM_PREFIX = "Error parsing text SAM file. ";
    private static final String MISSING_REFERENCE = "A reference must be supplied that includes the reference sequence for ";

    private HtsErrors() {
    }

    /**
     * @param recordsRead records read completely before the failure
     */
    static InputFormatException translate(Path file, RuntimeException e, long recordsRead) {
        if (e instanceof InputProblem problem) {
            return problem.problem();
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof SAMFormatException && message.startsWith(TEXT_SAM_PREFIX)) {
            return textSam(file, message.substring(TEXT_SAM_PREFIX.length()));
        }
        String after = recordsRead == 0 ? "before the first record" : "after record " + String.format(Locale.ROOT, "%,d", recordsRead);
        if (e instanceof FileTruncatedException || e instanceof RuntimeEOFException) {
            return new InputFormatException(file, 0, "the file is truncated: it ends in the middle of a record or block " + after);
        }
        if (e instanceof RuntimeIOException && e.getCause() != null) {
            return new InputFormatException(file, 0, "the file is damaged " + after + ": " + withoutPath(e.getCause().getMessage(), file));
        }
        if (message.startsWith(MISSING_REFERENCE)) {
            String contig = message.substring(MISSING_REFERENCE.length()).replaceAll("\\.$", "");
            return new InputFormatException(file, 0, "decoding this CRAM needs the reference sequence of contig '" + contig
                    + "', but no reference that has it was given");
        }
        String what = message.isBlank() ? e.getClass().getSimpleName() : withoutPath(message, file);
        return new InputFormatException(file, 0, "cannot be read " + after + ": " + what);
    }

    /** htsjdk: {@code <problem>; File <path>; Line <n>\nLine: <text>}. */
    private static InputFormatException textSam(Path file, String rest) {
        int fileAt = rest.indexOf("; File ");
        int lineAt = rest.indexOf("; Line ");
        String problem = (fileAt >= 0 ? rest.substring(0, fileAt) : rest).strip();
        long line = 0;
        if (lineAt >= 0) {
            int endOfNumber = lineAt + 7;
            while (endOfNumber < rest.length() && Character.isDigit(rest.charAt(endOfNumber))) {
                endOfNumber++;
            }
            try {
                line = Long.parseLong(rest.substring(lineAt + 7, endOfNumber));
            } catch (NumberFormatException ignored) {
                line = 0;
            }
        }
        int shownLine = problem.indexOf("\nLine:");
        if (shownLine >= 0) {
            problem = problem.substring(0, shownLine);
        }
        return new InputFormatException(file, line, "invalid record: " + sentence(problem));
    }

    private static String withoutPath(String message, Path file) {
        if (message == null) {
            return "unknown error";
        }
        String m = message.replace(" for file: " + file.toAbsolutePath(), "").replace(" for file: " + file, "")
                .replace("; file: " + file.toAbsolutePath(), "").replace(": " + file.toAbsolutePath(), "")
                .replace(": " + file, "");
        return sentence(m.strip());
    }

    /** Lower-case start, no trailing full stop: the text follows "file: " in a sentence. */
    private static String sentence(String s) {
        String t = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        if (t.length() > 1 && Character.isUpperCase(t.charAt(0)) && Character.isLowerCase(t.charAt(1))) {
            t = Character.toLowerCase(t.charAt(0)) + t.substring(1);
        }
        return t;
    }
}
