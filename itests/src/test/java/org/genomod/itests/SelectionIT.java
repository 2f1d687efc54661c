package org.genomod.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.inject.Inject;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.genomod.api.job.JobResult;
import org.genomod.api.job.JobService;
import org.genomod.api.job.JobStatus;
import org.genomod.api.job.SpecException;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Model selection with the real bundles: distribution/examples/golub-dense-selection.yaml (a 2 x 2 grid over
 * the dense family's hidden layer and the learning rate, each trial cross-validated on 3 folds of Golub's 38
 * training arrays; 40 epochs here instead of 100) chooses the trial with the best mean validation loss,
 * retrains it and tests it once; trials.tsv, metrics.json {@code selection}, the model card and report.html
 * agree with each other, and the choice is recomputed here from trials.tsv.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SelectionIT extends GenomodTestSupport {
    private static final String EXAMPLE = "golub-dense-selection.yaml";
    private static final List<String> SEARCHED = List.of("model.hidden", "training.learning_rate");
    private static final int FOLDS = 3;

    @Inject
    BundleContext context;

    @Inject
    JobService jobs;

    @Configuration
    public Option[] config() {
        return platform().toArray(new Option[0]);
    }

    /** The example with the shared data folder in place of its default and fewer epochs. */
    private static String example(int epochs) throws Exception {
        sharedData("golub-all-aml/data_set_ALL_AML_independent.csv");
        String yaml = Files.readString(HOME.resolve("../../examples/" + EXAMPLE).normalize());
        String shortened = yaml.replace("${GENOMOD_DATA:-../../../shared/data}", sharedData("").toString())
                .replace("  epochs: 100\n", "  epochs: " + epochs + "\n");
        assertFalse("the example's epochs were not replaced", shortened.contains("epochs: 100"));
        return shortened;
    }

    @Test
    public void gridSearchWithFoldsChoosesTheBestMeanValidationLossAndTestsOnce() throws Exception {
        Path out = Files.createTempDirectory("golub-selection-");
        Path specFile = out.resolve("spec.yaml");
        Files.writeString(specFile, example(40));
        Path results = out.resolve("run");
        long start = System.nanoTime();
        JobResult result = jobs.submit(jobs.parse(specFile).withOutputDirectory(results)).await();
        System.out.printf("golub grid search, 4 trials x 3 folds + final training: %.1f s%n", (System.nanoTime() - start) / 1e9);
        assertEquals(result.message(), JobStatus.SUCCEEDED, result.status());

        // trials.tsv: every trial of the grid (last key fastest) once per fold
        List<String> lines = Files.readAllLines(results.resolve("trials.tsv"));
        List<String> header = Arrays.asList(lines.get(0).split("\t"));
        assertEquals(List.of("trial", "model.hidden", "training.learning_rate", "fold", "loss", "best_epoch", "epochs", "seconds"), header);
        assertEquals(4 * FOLDS, lines.size() - 1);
        Map<Integer, List<String>> configuration = new LinkedHashMap<>();
        Map<Integer, List<Double>> losses = new LinkedHashMap<>();
        Set<String> trialFolds = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            int trial = Integer.parseInt(f[0]);
            List<String> values = List.of(f[1], f[2]);
            List<String> previous = configuration.putIfAbsent(trial, values);
            assertTrue("trial " + trial + " changed configuration between folds", previous == null || previous.equals(values));
            assertTrue("trial " + trial + " fold " + f[3] + " twice", trialFolds.add(trial + "/" + f[3]));
            losses.computeIfAbsent(trial, k -> new ArrayList<>()).add(Double.parseDouble(f[4]));
            int bestEpoch = Integer.parseInt(f[5]);
            assertTrue(line, bestEpoch >= 1 && bestEpoch <= Integer.parseInt(f[6]) && Integer.parseInt(f[6]) <= 40);
        }
        assertEquals(Set.of(1, 2, 3, 4), configuration.keySet());
        for (int trial = 1; trial <= 4; trial++) {
            for (int fold = 1; fold <= FOLDS; fold++) {
                assertTrue("no row for trial " + trial + " fold " + fold, trialFolds.contains(trial + "/" + fold));
            }
        }
        assertEquals(List.of("[8]", "[16]"), configuration.values().stream().map(v -> v.get(0)).distinct().toList());
        assertEquals(2, configuration.values().stream().map(v -> Double.parseDouble(v.get(1))).distinct().count());
        assertEquals("grid order: the learning rate varies fastest", configuration.get(1).get(0), configuration.get(2).get(0));

        // the best trial, recomputed: lowest mean validation loss over the folds, the earlier trial among equals
        int best = 0;
        double bestMean = Double.POSITIVE_INFINITY;
        Map<Integer, Double> means = new HashMap<>();
        for (Map.Entry<Integer, List<Double>> e : losses.entrySet()) {
            double mean = e.getValue().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            means.put(e.getKey(), mean);
            if (mean < bestMean) {
                bestMean = mean;
                best = e.getKey();
            }
        }

        JsonNode metrics = Platforms.json(results.resolve("metrics.json"));
        JsonNode selection = metrics.path("selection");
        assertEquals("grid", selection.path("method").asText());
        assertEquals("loss", selection.path("metric").asText());
        assertEquals("min", selection.path("goal").asText());
        assertEquals(FOLDS, selection.path("folds").asInt());
        assertEquals("trials.tsv", selection.path("table").asText());
        assertEquals(4, selection.path("trials").size());
        for (JsonNode trial : selection.path("trials")) {
            int t = trial.path("trial").asInt();
            // the table keeps 6 decimals
            assertEquals("mean loss of trial " + t, means.get(t), trial.path("loss").asDouble(), 1e-6);
            assertEquals(configuration.get(t).get(0), trial.path("model.hidden").asText());
            assertEquals(Double.parseDouble(configuration.get(t).get(1)), trial.path("training.learning_rate").asDouble(), 0);
            // trials carry validation figures only: nothing a test evaluator reports
            Set<String> keys = new HashSet<>();
            trial.fieldNames().forEachRemaining(keys::add);
            assertEquals(Set.of("trial", "model.hidden", "training.learning_rate", "loss", "loss_sd", "epochs", "seconds"), keys);
        }
        JsonNode chosen = selection.path("best");
        assertEquals("best trial (mean losses " + means + ")", best, chosen.path("trial").asInt());

        // the saved model is the chosen configuration
        JsonNode card = Platforms.json(results.resolve("model/model.json"));
        assertEquals(chosen.path("model.hidden").asText(), card.path("hyperParameters").path("hidden").toString().replace(",", ", "));
        assertEquals(chosen.path("training.learning_rate").asDouble(), card.path("training").path("learning_rate").asDouble(), 0);
        assertEquals(40, card.path("training").path("epochs").asInt());
        assertEquals("the final model trains on all 38 arrays", 40, metrics.path("training").path("epochs_run").asInt());

        // the test split was predicted once, by the final model: one set of test metrics, one row per independent array
        assertEquals(Set.of("classification"), result.testMetrics().keySet());
        Set<String> testSections = new HashSet<>();
        metrics.path("test").fieldNames().forEachRemaining(testSections::add);
        assertEquals(Set.of("classification"), testSections);
        assertEquals(34, metrics.path("data").path("split").path("test").asInt());
        assertEquals(34 + 1, Files.readAllLines(results.resolve("predictions.tsv")).size());
        JsonNode cardTest = card.path("metrics").path("classification");
        result.testMetrics().get("classification").scalars().forEach((name, value) ->
                assertEquals("model card " + name, value, cardTest.path(name).asDouble(), 1e-12));
        double accuracy = result.testMetrics().get("classification").scalars().get("accuracy");
        assertTrue("independent-set accuracy " + accuracy, accuracy >= 0.7);

        assertSelfContainedReport(results.resolve("report.html"), best);
    }

    /** report.html parses as XML, draws every expected plot as inline SVG, shows the trials, and loads nothing. */
    private static void assertSelfContainedReport(Path report, int best) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setEntityResolver((publicId, systemId) -> {
            throw new AssertionError("report.html refers to an external entity " + systemId);
        });
        byte[] html = Files.readAllBytes(report);
        Document page = builder.parse(new ByteArrayInputStream(html)); // throws on markup that is not well-formed

        NodeList svgs = page.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg");
        Map<String, Integer> plots = new HashMap<>();
        for (int i = 0; i < svgs.getLength(); i++) {
            Element svg = (Element) svgs.item(i);
            plots.merge(svg.getAttribute("data-plot"), 1, Integer::sum);
            assertTrue("an empty plot " + svg.getAttribute("data-plot"), svg.getElementsByTagNameNS("*", "*").getLength() > 3);
        }
        for (String plot : List.of("loss", "roc", "pr", "reliability", "confusion")) {
            assertEquals("<svg data-plot=\"" + plot + "\"> in report.html (plots: " + plots + ")", Integer.valueOf(1), plots.get(plot));
        }

        // nothing outside the file: no attribute pointing elsewhere, no element that loads something
        NodeList all = page.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            String name = element.getLocalName();
            assertFalse("report.html has a <" + name + ">", Set.of("script", "link", "img", "iframe", "object", "embed").contains(name));
            NamedNodeMap attributes = element.getAttributes();
            for (int a = 0; a < attributes.getLength(); a++) {
                Node attribute = attributes.item(a);
                String local = attribute.getLocalName() == null ? attribute.getNodeName() : attribute.getLocalName();
                if (local.equals("src") || local.equals("href")) {
                    assertTrue("<" + name + " " + attribute.getNodeName() + "=\"" + attribute.getNodeValue() + "\"> in report.html",
                            attribute.getNodeValue().startsWith("#"));
                }
            }
        }
        String text = new String(html, java.nio.charset.StandardCharsets.UTF_8);
        assertFalse("a url() in report.html's style", text.matches("(?s).*url\\(\\s*['\"]?(https?:|//).*"));
        assertFalse("an @import in report.html", text.contains("@import"));

        // the model selection section lists the four trials and the chosen one
        Element trials = null;
        NodeList captions = page.getElementsByTagNameNS("*", "caption");
        for (int i = 0; i < captions.getLength(); i++) {
            if (captions.item(i).getTextContent().equals("trials")) {
                trials = (Element) captions.item(i).getParentNode();
            }
        }
        assertNotNull("no trials table in report.html", trials);
        assertEquals(4, ((Element) trials.getElementsByTagNameNS("*", "tbody").item(0)).getElementsByTagNameNS("*", "tr").getLength());
        assertTrue("the chosen trial in report.html", text.contains("<h4>best</h4><table class=\"pairs\"><tbody><tr><th>trial</th><td>" + best + "</td>"));
    }

    @Test
    public void aSearchKeyTheFamilyOrTrainerLacksIsRejectedBeforeAnythingTrains() throws Exception {
        String good = example(40);
        Path dir = Files.createTempDirectory("golub-selection-bad-");

        assertRejected(good.replace("model.hidden: [[8], [16]]", "model.hiden: [[8], [16]]"), dir,
                "search.parameters.model.hiden", "unknown parameter 'hiden'", "hidden");
        assertRejected(good.replace("training.learning_rate: [0.0001, 0.0003]", "training.momentum: [0.9, 0.99]"), dir,
                "search.parameters.training.momentum", "cannot be searched", "training.learning_rate");
        assertRejected(good.replace("model.hidden: [[8], [16]]", "model.dropout: [0.2, 1.5]"), dir,
                "search.parameters.model.dropout", "1.5");
        assertRejected(good.replace("method: grid ", "method: random "), dir, "trials");

        // the CLI's check says the same in one line
        Files.writeString(dir.resolve("bad.yaml"), good.replace("model.hidden: [[8], [16]]", "model.hiden: [[8], [16]]"));
        Platforms.Run check = Platforms.cli(context, "run", "--check", dir.resolve("bad.yaml").toString());
        assertEquals(check.out() + check.err(), 2, check.exitCode());
        assertTrue(check.err(), check.err().startsWith("genomod: error: ") && check.err().contains("model.hiden"));
    }

    /** Rejected by validation and by submission, naming every fragment, with nothing written to the output. */
    private void assertRejected(String yaml, Path dir, String... fragments) throws Exception {
        assertFalse("the bad spec is the good one", yaml.equals(example(40)));
        Path out = dir.resolve("out-" + Integer.toHexString(yaml.hashCode()));
        Path file = dir.resolve("spec.yaml");
        Files.writeString(file, yaml);
        try {
            jobs.validate(jobs.parse(file));
            fail("validation accepted a bad search:\n" + yaml);
        } catch (SpecException e) {
            for (String fragment : fragments) {
                assertTrue("'" + fragment + "' missing from: " + e.getMessage(), e.getMessage().contains(fragment));
            }
        }
        try {
            JobResult result = jobs.submit(jobs.parse(file).withOutputDirectory(out)).await();
            fail("submitted a bad search: " + result.status() + " " + result.message());
        } catch (SpecException expected) {
            assertFalse("a rejected job wrote " + out, Files.exists(out.resolve("trials.tsv")) || Files.exists(out.resolve("metrics.json")));
        }
    }

    @Test
    public void theNewExampleSpecsPassTheCheck() throws Exception {
        for (String example : List.of(EXAMPLE, "deepbind-usf2-interpret.yaml")) {
            Path spec = HOME.resolve("../../examples/" + example).normalize();
            assertTrue(spec + " missing", Files.isRegularFile(spec));
            Platforms.Run check = Platforms.cli(context, "run", "--check", spec.toString());
            assertEquals(example + ": " + check.err(), 0, check.exitCode());
            assertTrue(check.out(), check.out().contains(example + ": OK"));
        }
    }
}
