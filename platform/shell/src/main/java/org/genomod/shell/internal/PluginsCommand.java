package org.genomod.shell.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.genomod.api.compute.Accelerator;
import org.genomod.api.data.DataReader;
import org.genomod.api.data.SequenceEncoder;
import org.genomod.api.eval.Evaluator;
import org.genomod.api.interpret.Interpreter;
import org.genomod.api.model.ModelFamily;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import picocli.CommandLine.Command;

@Command(name = "plugins", description = "List bundles and plugin services with versions and states.")
final class PluginsCommand implements Callable<Integer> {
    /** The registry properties that name genomod services, with a word for each. */
    static final List<String[]> KINDS = List.of(
            new String[] {DataReader.SERVICE_PROPERTY, "reader"},
            new String[] {SequenceEncoder.SERVICE_PROPERTY, "encoder"},
            new String[] {ModelFamily.SERVICE_PROPERTY, "model family"},
            new String[] {Evaluator.SERVICE_PROPERTY, "evaluator"},
            new String[] {Interpreter.SERVICE_PROPERTY, "interpreter"},
            new String[] {Accelerator.SERVICE_PROPERTY, "accelerator"});

    private final BundleContext context;
    private final Console console;

    PluginsCommand(BundleContext context, Console console) {
        this.context = context;
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        var out = console.out();
        out.println("BUNDLES");
        out.println(String.format("  %4s  %-11s %-28s %s", "id", "state", "version", "symbolic name"));
        for (Bundle b : context.getBundles()) {
            out.println(String.format("  %4d  %-11s %-28s %s", b.getBundleId(), state(b), b.getVersion(), b.getSymbolicName()));
        }
        out.println("SERVICES");
        out.println(String.format("  %-13s %-16s %-28s %s", "kind", "name", "version", "bundle"));
        for (String[] kind : KINDS) {
            List<ServiceReference<?>> refs = new ArrayList<>();
            ServiceReference<?>[] found = context.getAllServiceReferences(null, "(" + kind[0] + "=*)");
            if (found != null) {
                refs.addAll(List.of(found));
            }
            refs.sort(Comparator.comparing(r -> String.valueOf(r.getProperty(kind[0]))));
            for (ServiceReference<?> ref : refs) {
                Bundle b = ref.getBundle();
                out.println(String.format("  %-13s %-16s %-28s %s", kind[1], ref.getProperty(kind[0]),
                        b == null ? "-" : b.getVersion(), b == null ? "-" : b.getSymbolicName()));
            }
        }
        return 0;
    }

    static String state(Bundle b) {
        return switch (b.getState()) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.RESOLVED -> b.getHeaders().get("Fragment-Host") != null ? "FRAGMENT" : "RESOLVED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            default -> "UNINSTALLED";
        };
    }
}
