package org.genomod.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import org.genomod.api.compute.Accelerator;
import org.genomod.api.data.DataReader;
import org.genomod.api.eval.Evaluator;
import org.genomod.api.job.JobService;
import org.genomod.api.job.PredictionService;
import org.genomod.api.model.ModelFamily;
import org.genomod.api.store.ModelStore;
import org.genomod.api.train.Trainer;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** The built bundles resolve, start and register their services in Equinox. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PlatformIT extends GenomodTestSupport {

    @Inject
    BundleContext context;

    @Inject
    JobService jobs; // injection waits until the core's components are up

    @Configuration
    public Option[] config() {
        return platform().toArray(new Option[0]);
    }

    @Test
    public void everyBundleResolvesAndIsActive() {
        List<String> problems = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            boolean fragment = b.getHeaders().get("Fragment-Host") != null;
            int expected = fragment ? Bundle.RESOLVED : Bundle.ACTIVE;
            if (b.getState() != expected) {
                problems.add(b.getSymbolicName() + " " + b.getVersion() + " in state " + b.getState());
            }
        }
        assertTrue("bundles not active: " + problems, problems.isEmpty());
        assertTrue(find("org.genomod.lib.dl4j") && find("org.genomod.lib.htsjdk") && find("org.genomod.core")
                && find("org.genomod.model.cnn") && find("org.genomod.reader.fasta") && find("org.genomod.eval.classification"));
    }

    @Test
    public void platformAndPluginServicesAreRegistered() throws Exception {
        for (Class<?> type : List.of(JobService.class, PredictionService.class, ModelStore.class, Trainer.class)) {
            assertNotNull(type.getSimpleName(), context.getServiceReference(type));
        }
        assertService(DataReader.class, DataReader.SERVICE_PROPERTY, "fasta");
        assertService(ModelFamily.class, ModelFamily.SERVICE_PROPERTY, "cnn");
        assertService(Evaluator.class, Evaluator.SERVICE_PROPERTY, "classification");
        assertService(Accelerator.class, Accelerator.SERVICE_PROPERTY, "cpu");
    }

    @Test
    public void pluginsCommandListsBundlesAndServicesWithVersionsAndStates() throws Exception {
        Platforms.Run run = Platforms.cli(context, "plugins");
        assertEquals(run.err(), 0, run.exitCode());
        Bundle cnn = bundle("org.genomod.model.cnn");
        assertTrue(run.out(), run.out().contains("ACTIVE") && run.out().contains("org.genomod.model.cnn"));
        assertTrue(run.out(), run.out().matches("(?s).*model family\\s+cnn\\s+" + java.util.regex.Pattern.quote(cnn.getVersion().toString()) + ".*"));
        assertTrue(run.out(), run.out().matches("(?s).*reader\\s+fasta.*") && run.out().matches("(?s).*evaluator\\s+classification.*"));
    }

    private void assertService(Class<?> type, String property, String name) throws Exception {
        var refs = context.getServiceReferences(type.getName(), "(" + property + "=" + name + ")");
        if (refs == null || refs.length == 0) {
            fail("no " + type.getSimpleName() + " registered with " + property + "=" + name);
        }
    }

    private boolean find(String symbolicName) {
        return bundle(symbolicName) != null;
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }
}
