package org.genomod.shell.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/** Installed services a benchmark runs, looked up by their selection property; closing releases them all. */
final class Services implements AutoCloseable {
    private final BundleContext context;
    private final String neededBy;
    private final List<ServiceReference<?>> used = new ArrayList<>();

    /** @param neededBy what a missing service leaves undone, e.g. "the io benchmark needs the reader plugins" */
    Services(BundleContext context, String neededBy) {
        this.context = context;
        this.neededBy = neededBy;
    }

    /** The highest-ranked service of {@code type} whose {@code property} is {@code name}. */
    <S> S get(Class<S> type, String property, String name) throws InvalidSyntaxException {
        List<ServiceReference<S>> refs = new ArrayList<>(context.getServiceReferences(type, "(" + property + "=" + name + ")"));
        if (refs.isEmpty()) {
            throw new IllegalStateException("no " + type.getSimpleName() + " '" + name + "' is installed: " + neededBy);
        }
        Collections.sort(refs, Collections.reverseOrder()); // highest ranking first
        used.add(refs.get(0));
        return context.getService(refs.get(0));
    }

    @Override
    public void close() {
        used.forEach(context::ungetService);
        used.clear();
    }
}
