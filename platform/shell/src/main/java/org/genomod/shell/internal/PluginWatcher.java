package org.genomod.shell.internal;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * In an interactive shell, announces plugin bundles as they are installed, updated or removed
 * (e.g. by dropping jars into plugins/), so a user sees hot swaps happen.
 */
@Component(immediate = true, service = {})
public final class PluginWatcher {
    static final String INTERACTIVE = "genomod.interactive";
    private final BundleContext context;
    private final SynchronousBundleListener listener = this::announce;

    @Activate
    public PluginWatcher(BundleContext context) {
        this.context = context;
        if (Boolean.parseBoolean(context.getProperty(INTERACTIVE))) {
            context.addBundleListener(listener);
        }
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(listener);
    }

    private void announce(BundleEvent event) {
        String what = switch (event.getType()) {
            case BundleEvent.INSTALLED -> "installed";
            case BundleEvent.UPDATED -> "updated";
            case BundleEvent.STARTED -> "started";
            case BundleEvent.STOPPED -> "stopped";
            case BundleEvent.UNINSTALLED -> "uninstalled";
            default -> null;
        };
        Bundle b = event.getBundle();
        // the static platform is installed by reference; plugins come and go through FileInstall
        if (what != null && b.getSymbolicName() != null && !b.getLocation().startsWith("reference:")) {
            System.out.println("[plugins] " + b.getSymbolicName() + " " + b.getVersion() + " " + what);
        }
    }
}
