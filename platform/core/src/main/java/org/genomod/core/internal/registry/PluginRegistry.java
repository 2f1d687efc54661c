package org.genomod.core.internal.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/**
 * Finds plugin services by their name property and an optional version range of the providing
 * bundle. Among several matches the highest bundle version wins, then the highest service ranking,
 * so installing a newer plugin beside an older one makes the newer serve new jobs.
 */
public final class PluginRegistry {
    private final BundleContext context;

    public PluginRegistry(BundleContext context) {
        this.context = context;
    }

    /** A plugin kind: the service interface, its name property and a word for messages. */
    public record Kind<S>(Class<S> type, String property, String word) {
    }

    public <S> Optional<ServiceReference<S>> find(Kind<S> kind, String name, String versionRange) {
        VersionRange range = versionRange == null || versionRange.isBlank() ? null : new VersionRange(versionRange);
        return references(kind, name).stream()
                .filter(ref -> range == null || range.includes(version(ref)))
                .max(Comparator.<ServiceReference<S>, Version>comparing(PluginRegistry::version)
                        .thenComparing(Comparator.naturalOrder()));
    }

    public <S> Lease<S> lease(Kind<S> kind, ServiceReference<S> reference, String name) {
        return new Lease<>(context, kind.word(), name, reference);
    }

    /** What is installed, for error messages: "cnn 0.1.0, rnn 0.1.0", or "none". */
    public <S> String available(Kind<S> kind) {
        Collection<String> names = new TreeSet<>();
        for (ServiceReference<S> ref : references(kind, null)) {
            names.add(ref.getProperty(kind.property()) + " " + version(ref));
        }
        return names.isEmpty() ? "none installed" : String.join(", ", names);
    }

    public <S> List<ServiceReference<S>> references(Kind<S> kind, String name) {
        String filter = "(" + kind.property() + "=" + (name == null ? "*" : escape(name)) + ")";
        try {
            return new ArrayList<>(context.getServiceReferences(kind.type(), filter));
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("invalid plugin name '" + name + "'", e);
        }
    }

    public static Version version(ServiceReference<?> ref) {
        Bundle bundle = ref.getBundle();
        return bundle == null ? Version.emptyVersion : bundle.getVersion();
    }

    private static String escape(String value) {
        StringBuilder s = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '\\' || c == '(' || c == ')' || c == '*') {
                s.append('\\');
            }
            s.append(c);
        }
        return s.toString();
    }
}
