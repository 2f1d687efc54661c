package org.genomod.core.internal.registry;

import java.util.concurrent.atomic.AtomicBoolean;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;

/**
 * A plugin service held for the life of a job. If the service goes away or changes while leased
 * (its bundle is updated, stopped or uninstalled) the lease is marked lost, so the job can stop with
 * an explicit status instead of mixing revisions.
 */
public final class Lease<S> implements AutoCloseable {
    private final String kind;
    private final String name;
    private final ServiceReference<S> reference;
    private final ServiceObjects<S> objects;
    private final S service;
    private final BundleContext context;
    private final ServiceListener listener;
    private final AtomicBoolean lost = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    // captured at lease time: once the service is unregistered its reference no longer knows its bundle
    private final String bundleSymbolicName;
    private final Version bundleVersion;

    Lease(BundleContext context, String kind, String name, ServiceReference<S> reference) {
        this.context = context;
        this.kind = kind;
        this.name = name;
        this.reference = reference;
        this.bundleSymbolicName = reference.getBundle() == null ? "?" : reference.getBundle().getSymbolicName();
        this.bundleVersion = PluginRegistry.version(reference);
        this.objects = context.getServiceObjects(reference);
        S s = objects == null ? null : objects.getService();
        if (s == null) {
            throw new IllegalStateException(kind + " '" + name + "' went away while it was being leased");
        }
        this.service = s;
        this.listener = event -> {
            if (event.getType() == ServiceEvent.UNREGISTERING || event.getType() == ServiceEvent.MODIFIED_ENDMATCH) {
                lost.set(true);
            }
        };
        try {
            context.addServiceListener(listener, "(service.id=" + reference.getProperty("service.id") + ")");
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (reference.getBundle() == null) {
            lost.set(true);
        }
    }

    public S service() {
        return service;
    }

    public String kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public String bundleSymbolicName() {
        return bundleSymbolicName;
    }

    public Version bundleVersion() {
        return bundleVersion;
    }

    /** Whether the service was unregistered or changed since the lease began. */
    public boolean lost() {
        return lost.get();
    }

    /** "cnn (org.genomod.model.cnn 1.2.0)". */
    public String describe() {
        return name + " (" + bundleSymbolicName() + " " + bundleVersion() + ")";
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            context.removeServiceListener(listener);
            try {
                objects.ungetService(service);
            } catch (IllegalStateException | IllegalArgumentException e) {
                // the providing bundle is already gone; nothing left to release
            }
        }
    }
}
