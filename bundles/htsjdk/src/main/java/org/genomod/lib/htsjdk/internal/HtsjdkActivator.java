package org.genomod.lib.htsjdk.internal;

import htsjdk.beta.plugin.registry.HtsDefaultRegistry;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Makes htsjdk's beta codec API ({@code htsjdk.beta.plugin.registry}) work in OSGi.
 *
 * <p>{@code HtsDefaultRegistry} fills its codec registry once, in its static initialiser, with
 * {@code ServiceLoader.load(HtsCodec.class)}, i.e. through the thread context class loader of
 * whichever thread touches it first. In a framework that loader cannot see the embedded
 * {@code META-INF/services} file, and the registry stays empty for the JVM's life ("No registered
 * codec accepts the provided resource"). Initialising it here, with this bundle's loader as
 * context loader, fixes that. The classic APIs (SamReaderFactory, VCFFileReader,
 * ReferenceSequenceFileFactory) do not depend on it.
 */
public final class HtsjdkActivator implements BundleActivator {

  @Override
  public void start(BundleContext context) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(HtsjdkActivator.class.getClassLoader());
    try {
      HtsDefaultRegistry.getReadsResolver();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  @Override
  public void stop(BundleContext context) {
    // Nothing to undo.
  }
}
