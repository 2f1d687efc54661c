/**
 * Typed, validated plugin parameters: a plugin declares a {@link org.genomod.api.param.ParameterSchema}, the platform validates a spec's raw values against it and hands the plugin {@link org.genomod.api.param.Parameters}.
 */
@Export
@Version("1.0.0")
package org.genomod.api.param;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
