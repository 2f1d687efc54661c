/**
 * What every Deeplearning4j model family shares: a {@link org.genomod.dl4j.Dl4jModel} that feeds
 * {@link org.genomod.api.model.Batch}es to a network in the input layout it needs, and the mapping of
 * {@link org.genomod.api.train.TrainingOptions} and {@link org.genomod.api.data.TaskType} onto
 * Deeplearning4j's updaters, gradient clipping, output activations and losses.
 */
@Export
@Version("1.6.0")
package org.genomod.dl4j;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
