package org.genomod.lib.dl4j.internal;

import org.deeplearning4j.config.DL4JClassLoading;
import org.nd4j.common.config.ND4JClassLoading;
import org.nd4j.linalg.factory.Nd4j;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes ND4J/DL4J usable from any thread in OSGi.
 *
 * <p>Both libraries capture the thread context class loader when {@code ND4JClassLoading} /
 * {@code DL4JClassLoading} initialise and use it for every {@code ServiceLoader} lookup, backend
 * discovery included. In a framework that loader is whatever the first caller's thread happened to
 * carry (often the application loader or null), which yields {@code NoAvailableBackendException}.
 * This bundle's own loader sees every embedded jar and its {@code META-INF/services}, so it is
 * installed before anything touches {@code Nd4j}.
 */
public final class Dl4jActivator implements BundleActivator {

  private static final Logger LOG = LoggerFactory.getLogger(Dl4jActivator.class);

  @Override
  public void start(BundleContext context) throws Exception {
    ClassLoader bundleLoader = Dl4jActivator.class.getClassLoader();
    ND4JClassLoading.setNd4jClassloader(bundleLoader);
    DL4JClassLoading.setDl4jClassloader(bundleLoader);

    // Load the backend (and its natives) now, with our loader as context loader: ND4J's static
    // initialisers and the threads it starts (deallocators, workspace GC) inherit it, and the
    // first real caller, on whatever thread, finds a ready backend instead of paying seconds of
    // native extraction. A failure here (e.g. the AVX2 natives on a CPU without AVX2) fails the
    // bundle start, loudly, instead of the first training job later.
    // JavaCPP's cache folder is left to the launcher (-Dorg.bytedeco.javacpp.cachedir).
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(bundleLoader);
    long t0 = System.nanoTime();
    try {
      String backend = Nd4j.getBackend().getClass().getName();
      LOG.info("ND4J backend {} ready in {} ms", backend, (System.nanoTime() - t0) / 1_000_000);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  @Override
  public void stop(BundleContext context) {
    // Nothing to undo: natives cannot be unloaded and ND4J's threads outlive us. Treat this
    // bundle as fixed for the JVM's life; updating it leaks the old generation.
  }
}
