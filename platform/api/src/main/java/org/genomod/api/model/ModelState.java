package org.genomod.api.model;

import org.osgi.annotation.versioning.ConsumerType;

/** An opaque copy of a model's learnable state, for restoring the best epoch; only its model reads it. */
@ConsumerType
public interface ModelState {
}
