package org.genomod.shell.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.genomod.api.data.FileInspector;
import org.genomod.api.data.InspectionReport;
import org.genomod.api.train.Cancellation;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "inspect", description = {
        "Read each file completely with the matching reader and print one line per file:",
        "OK with a summary, or ERROR naming the record or line and what is wrong. Exit 0 only if every file is OK."})
final class InspectCommand implements Callable<Integer> {
    private static final int HEAD = 64 * 1024;
    private final BundleContext context;
    private final Console console;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "files to check")
    List<Path> files;

    @Option(names = "--reference", paramLabel = "FASTA", description = "reference to check alleles against and to decode CRAM")
    Path reference;

    InspectCommand(BundleContext context, Console console) {
        this.context = context;
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        if (reference != null && !Files.isRegularFile(reference)) {
            throw new IllegalArgumentException(reference + ": no such reference file");
        }
        List<ServiceReference<FileInspector>> inspectors = new ArrayList<>(context.getServiceReferences(FileInspector.class, null));
        inspectors.sort(java.util.Collections.reverseOrder()); // highest ranking first
        int failures = 0;
        for (Path file : files) {
            String line = inspect(file, inspectors);
            failures += line.startsWith("OK") ? 0 : 1;
            console.out().println(line);
        }
        return failures == 0 ? 0 : 1;
    }

    private String inspect(Path file, List<ServiceReference<FileInspector>> inspectors) {
        if (!Files.isRegularFile(file)) {
            return "ERROR  " + file + ": no such file";
        }
        byte[] head;
        try {
            head = head(file);
        } catch (IOException e) {
            return "ERROR  " + file + ": cannot read: " + UserErrors.describe(e);
        }
        for (ServiceReference<FileInspector> ref : inspectors) {
            FileInspector inspector = context.getService(ref);
            if (inspector == null) {
                continue;
            }
            try {
                if (!inspector.accepts(file, head)) {
                    continue;
                }
                InspectionReport report = inspector.inspect(file, reference, Cancellation.NEVER);
                return "OK     " + file + "  " + summary(report);
            } catch (IOException | RuntimeException e) {
                String message = UserErrors.describe(e);
                return "ERROR  " + (message.startsWith(file.toString()) ? message : file + ": " + message);
            } finally {
                context.ungetService(ref);
            }
        }
        TreeSet<String> known = new TreeSet<>();
        inspectors.forEach(r -> known.add(String.valueOf(r.getProperty(FileInspector.SERVICE_PROPERTY))));
        return "ERROR  " + file + ": no installed reader understands this file (readers: "
                + (known.isEmpty() ? "none" : String.join(", ", known)) + ")";
    }

    static String summary(InspectionReport report) {
        StringBuilder s = new StringBuilder(report.format()).append(", ").append(String.format("%,d", report.records())).append(" records");
        for (Map.Entry<String, Object> fact : report.facts().entrySet()) {
            s.append(", ").append(fact.getKey()).append(' ').append(format(fact.getValue()));
        }
        if (!report.warnings().isEmpty()) {
            s.append("; ").append(report.warnings().size()).append(report.warnings().size() == 1 ? " warning: " : " warnings: ")
                    .append(String.join("; ", report.warnings()));
        }
        return s.toString();
    }

    private static String format(Object value) {
        if (value instanceof java.util.Collection<?> c) {
            List<String> items = c.stream().map(String::valueOf).limit(5).collect(Collectors.toList());
            return String.join(",", items) + (c.size() > 5 ? ",... (" + c.size() + ")" : "");
        }
        if (value instanceof Long || value instanceof Integer) {
            return String.format("%,d", ((Number) value).longValue());
        }
        return String.valueOf(value);
    }

    /** The first bytes, decompressed when the file is gzip (or BGZF, which is multi-member gzip). */
    static byte[] head(Path file) throws IOException {
        try (PushbackInputStream raw = new PushbackInputStream(Files.newInputStream(file), 2)) {
            byte[] magic = raw.readNBytes(2);
            raw.unread(magic);
            boolean gzip = magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
            try (InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
                return in.readNBytes(HEAD);
            } catch (IOException e) {
                return magic; // a damaged gzip stream: let the inspector report it
            }
        }
    }
}
