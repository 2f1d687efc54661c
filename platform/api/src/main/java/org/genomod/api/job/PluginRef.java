package org.genomod.api.job;

import java.util.Map;
import java.util.Objects;

/**
 * A spec's reference to a registry service: its name (the value of the service's name property),
 * an optional OSGi version range of the providing bundle, and raw parameters.
 */
public record PluginRef(String name, String versionRange, Map<String, Object> parameters) {
    public PluginRef {
        Objects.requireNonNull(name, "name");
        parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    }
}
