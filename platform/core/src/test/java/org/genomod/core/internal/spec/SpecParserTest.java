package org.genomod.core.internal.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.genomod.api.job.PipelineSpec;
import org.genomod.api.job.SpecException;
import org.junit.jupiter.api.Test;

class SpecParserTest {
    private static final Path BASE = Path.of("/specs");
    private final SpecParser parser = new SpecParser(Map.of("DATA", "/data")::get);

    private PipelineSpec parse(String yaml) throws SpecException {
        return parser.parse(yaml, BASE, "test.yaml", BASE.resolve("test.yaml"));
    }

    @Test
    void readsAFullSpec() throws Exception {
        PipelineSpec spec = parse("""
                name: splice
                seed: 7
                data:
                  reader: fasta
                  version: "[0.1,1)"
                  path: ${DATA}/splice.data
                  format: uci
                  split: {method: random, fractions: [0.7, 0.15, 0.15]}
                model: {family: cnn, filters: [32, 32]}
                training: {epochs: 3, batch_size: 16, optimizer: sgd, early_stopping: {metric: auroc, patience: 2}}
                evaluate: [classification, {evaluator: regression, version: "[1,2)", x: 1}]
                output: out/splice
                """);
        assertEquals("splice", spec.name());
        assertEquals(7, spec.seed());
        assertEquals("fasta", spec.reader().name());
        assertEquals("[0.1,1)", spec.reader().versionRange());
        assertEquals(Map.of("path", "/data/splice.data", "format", "uci"), spec.reader().parameters());
        assertEquals(List.of(0.7, 0.15, 0.15), spec.split().fractions());
        assertEquals(List.of(32, 32), spec.model().parameters().get("filters"));
        assertEquals(3, spec.training().epochs());
        assertEquals("sgd", spec.training().optimizer());
        assertEquals("auroc", spec.training().earlyStopping().metric());
        assertEquals(2, spec.training().earlyStopping().patience());
        assertEquals(2, spec.evaluators().size());
        assertEquals(Map.of("x", 1), spec.evaluators().get(1).parameters());
        assertEquals(BASE.resolve("out/splice"), spec.outputDirectory());
    }

    @Test
    void defaultsAreFilledIn() throws Exception {
        PipelineSpec spec = parse("data: {reader: fasta, path: a.fa}\nmodel: {family: cnn}\n");
        assertEquals("test", spec.name());
        assertEquals(42, spec.seed());
        assertEquals("random", spec.split().method());
        assertEquals(20, spec.training().epochs());
        assertEquals("loss", spec.training().earlyStopping().metric());
        assertNull(spec.reader().versionRange());
        assertEquals(BASE.resolve("runs/test"), spec.outputDirectory());
    }

    @Test
    void collectsEveryStructuralProblem() {
        SpecException e = assertThrows(SpecException.class, () -> parse("""
                data: {path: a.fa, split: {method: random, fractions: [0.5, 0.1]}}
                model: {family: cnn, version: "not a range"}
                training: {epochs: zero, optimizer: adagrad}
                outptu: x
                seed: abc
                """));
        List<String> p = e.problems();
        assertTrue(p.contains("unknown section 'outptu' (known: data, evaluate, interpret, model, name, output, search, seed, training)"), p.toString());
        assertTrue(p.contains("seed must be an integer, got 'abc'"), p.toString());
        assertTrue(p.contains("data.reader is required: the name of the reader plugin to use"), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.startsWith("data.split.fractions must be three numbers")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.startsWith("model.version must be an OSGi version range")), p.toString());
        assertTrue(p.contains("training: parameter 'epochs' must be an integer in [1, 100000], got 'zero'"), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.startsWith("training: parameter 'optimizer' must be one of adam, sgd")), p.toString());
        assertEquals("test.yaml", e.origin());
    }

    @Test
    void yamlSyntaxErrorsNameLineAndColumn() {
        SpecException e = assertThrows(SpecException.class, () -> parse("data:\n  reader: [fasta\nmodel: {}\n"));
        assertTrue(e.getMessage().startsWith("test.yaml: invalid YAML at line 3"), e.getMessage());
    }

    @Test
    void unsetVariableWithoutDefaultIsAnError() throws Exception {
        SpecException e = assertThrows(SpecException.class, () -> parse("data:\n  reader: fasta\n  path: ${NOPE}/a.fa\nmodel: {family: cnn}\n"));
        assertEquals(List.of("data.path: environment variable NOPE is not set and has no default"), e.problems());
        assertEquals("rel/a.fa", parse("data:\n  reader: fasta\n  path: ${NOPE:-rel}/a.fa\nmodel: {family: cnn}\n")
                .reader().parameters().get("path"));
    }

    @Test
    void notAMappingIsExplained() {
        SpecException e = assertThrows(SpecException.class, () -> parse("- just\n- a list\n"));
        assertTrue(e.getMessage().contains("a spec is a YAML mapping"), e.getMessage());
    }

    @Test
    void anIndependentTestSetReusesTheReaderWithOverrides() throws Exception {
        PipelineSpec spec = parse("""
                data:
                  reader: expression
                  path: train.csv
                  labels_file: actual.csv
                  test: {path: independent.csv}
                  split: {fractions: [0.8, 0.2]}
                model: {family: dense}
                """);
        assertEquals(Map.of("path", "train.csv", "labels_file", "actual.csv"), spec.reader().parameters());
        assertEquals(Map.of("path", "independent.csv", "labels_file", "actual.csv"), spec.independentTest().orElseThrow().parameters());
        assertEquals("expression", spec.independentTest().orElseThrow().name());
        assertEquals(List.of(0.8, 0.2, 0.0), spec.split().fractions());
        assertEquals(List.of(0.9, 0.1, 0.0), parse("data: {reader: e, path: a, test: {path: b}}\nmodel: {family: dense}\n")
                .split().fractions());
        assertTrue(parse("data: {reader: e, path: a}\nmodel: {family: dense}\n").independentTest().isEmpty());
    }

    @Test
    void anIndependentTestSetLeavesNoTestFractionOrGroups() {
        List<String> p = assertThrows(SpecException.class, () -> parse("""
                data: {reader: e, path: a, test: {path: b}, split: {fractions: [0.8, 0.1, 0.1]}}
                model: {family: dense}
                """)).problems();
        assertEquals(List.of("data.test is the test set, so data.split.fractions must be two numbers (train, validation) "
                + "summing to 1, got [0.8, 0.1, 0.1]"), p);
        p = assertThrows(SpecException.class, () -> parse("""
                data: {reader: e, path: a, test: b.csv}
                model: {family: dense}
                """)).problems();
        assertEquals(List.of("data.test must be a mapping of the reader parameters that differ for the test set, "
                + "e.g. {path: independent.csv}"), p);
        p = assertThrows(SpecException.class, () -> parse("""
                data: {reader: e, path: a, test: {path: b}, split: {method: groups, validation: [x], test: [y]}}
                model: {family: dense}
                """)).problems();
        assertEquals(List.of("data.test is the test set, so data.split cannot also hold out test groups [y]"), p);
    }

    @Test
    void modelFromFineTunesASavedModel() throws Exception {
        PipelineSpec spec = parse("data: {reader: fasta, path: a.fa}\nmodel: {family: cnn, from: ../runs/srf/model, freeze: all_but_head}\n");
        assertEquals(Path.of("/runs/srf/model"), spec.transferFrom().orElseThrow().parent());
        assertEquals(org.genomod.api.model.Transfer.ALL_BUT_HEAD, spec.transferFrom().orElseThrow().transfer().frozenLayers());
        assertTrue(spec.transferFrom().orElseThrow().transfer().newHead());
        assertEquals(Map.of(), spec.model().parameters());
        assertEquals(2, parse("data: {reader: fasta, path: a.fa}\nmodel: {family: cnn, from: m, freeze: 2, new_head: false}\n")
                .transferFrom().orElseThrow().transfer().frozenLayers());
        List<String> p = assertThrows(SpecException.class, () -> parse(
                "data: {reader: fasta, path: a.fa}\nmodel: {family: cnn, from: m, freeze: some, filters: [8]}\n")).problems();
        assertEquals(List.of("model.from takes the architecture of the saved model, so model hyper-parameters cannot be given: filters",
                "model.freeze must be none, all_but_head, a number of leading layers or a list of layer names (e.g. [layer0, layer2]),"
                        + " got 'some'"), p);
        p = assertThrows(SpecException.class, () -> parse("data: {reader: fasta, path: a.fa}\nmodel: {family: cnn, freeze: 1}\n")).problems();
        assertEquals(List.of("model.freeze applies to transfer learning only: add model.from (a saved model directory)"), p);
    }

    @Test
    void modelFreezeNamesLayers() throws Exception {
        org.genomod.api.model.Transfer transfer = parse("data: {reader: fasta, path: a.fa}\nmodel: {family: cnn, from: m, freeze: [layer2, layer0]}\n")
                .transferFrom().orElseThrow().transfer();
        assertEquals(List.of("layer2", "layer0"), transfer.frozenNames());
        assertEquals(0, transfer.frozenLayers());
        assertTrue(transfer.byName());
        assertTrue(transfer.newHead());
        List<String> p = assertThrows(SpecException.class, () -> parse(
                "data: {reader: fasta, path: a.fa}\nmodel: {family: cnn, from: m, freeze: []}\n")).problems();
        assertEquals(List.of("model.freeze lists no layers: name at least one, or write none to fine-tune every layer"), p);
        p = assertThrows(SpecException.class, () -> parse(
                "data: {reader: fasta, path: a.fa}\nmodel: {family: cnn, from: m, freeze: [layer0, {a: 1}, layer0]}\n")).problems();
        assertEquals(List.of("model.freeze lists layer names, got '{a=1}'", "model.freeze names layer 'layer0' more than once"), p);
        p = assertThrows(SpecException.class, () -> parse(
                "data: {reader: fasta, path: a.fa}\nmodel: {family: cnn, from: m, freeze: {layer0: true}}\n")).problems();
        assertEquals(List.of("model.freeze must be none, all_but_head, a number of leading layers or a list of layer names, got a mapping"), p);
    }

    @Test
    void furtherInputsAreReadByTheirOwnReadersAndNamed() throws Exception {
        PipelineSpec spec = parse("""
                data:
                  reader: plink
                  name: genotypes
                  path: ${DATA}/g.bed
                  phenotype_file: subjects.tsv
                  inputs:
                    - {name: covariates, reader: expression, version: "[0.1,1)", path: "${DATA}/c.tsv", orientation: samples_by_genes}
                    - {reader: fasta, path: s.fa}
                  transform: standardize
                model: {family: multimodal}
                """);
        assertTrue(DataInputs.joined(spec.reader()));
        List<String> problems = new java.util.ArrayList<>();
        List<DataInputs.Input> inputs = DataInputs.parse(spec.reader(), problems);
        assertEquals(List.of(), problems);
        assertEquals(List.of("genotypes", "covariates", "fasta"), inputs.stream().map(DataInputs.Input::name).toList());
        assertEquals(new org.genomod.api.job.PluginRef("plink", null, Map.of("path", "/data/g.bed", "phenotype_file", "subjects.tsv")),
                inputs.get(0).reader());
        assertEquals(new org.genomod.api.job.PluginRef("expression", "[0.1,1)", Map.of("path", "/data/c.tsv",
                "orientation", "samples_by_genes")), inputs.get(1).reader());
        assertEquals("fasta", inputs.get(2).reader().name());
        assertEquals("standardize", spec.transform());

        List<DataInputs.Input> single = DataInputs.parse(parse("data: {reader: fasta, path: a.fa}\nmodel: {family: cnn}\n").reader(), problems);
        assertEquals(1, single.size());
        assertEquals("fasta", single.get(0).name());
        assertEquals(Map.of("path", "a.fa"), single.get(0).reader().parameters());
        assertFalse(DataInputs.joined(parse("data: {reader: fasta, path: a.fa}\nmodel: {family: cnn}\n").reader()));
    }

    @Test
    void badFurtherInputsAreEachExplained() {
        List<String> p = assertThrows(SpecException.class, () -> parse("""
                data:
                  reader: plink
                  path: g.bed
                  inputs:
                    - {reader: plink, path: h.bed}
                    - {name: covariates, path: c.tsv}
                    - {name: "two words", reader: expression, path: c.tsv, split: {method: random}}
                    - just a file
                    - {name: extra, reader: expression, version: "one", path: d.tsv}
                model: {family: multimodal}
                """)).problems();
        assertEquals(List.of(
                "data.inputs[2].reader is required: the name of the reader plugin to use",
                "data.inputs[3]: split belongs to the data section as a whole, not to one input",
                "data.inputs[3].name must be a plain name (letters, digits, _ . + -), got 'two words'",
                "data.inputs[4] must be a mapping with a reader and a name, got 'just a file'",
                "data.inputs[5].version must be an OSGi version range such as \"[1.0,2.0)\", got 'one'",
                "data.inputs: two inputs are named 'plink'; give each a distinct name (data.name names the primary input, "
                        + "whose default name is its reader's)"), p);
        p = assertThrows(SpecException.class, () -> parse("data: {reader: plink, path: g.bed, inputs: c.tsv}\nmodel: {family: m}\n"))
                .problems();
        assertEquals(List.of("data.inputs must be a list of further inputs, each a mapping with a reader and a name, "
                + "e.g. [{name: covariates, reader: expression, path: covariates.tsv}]"), p);
        p = assertThrows(SpecException.class, () -> parse("data: {reader: plink, name: [a], path: g.bed}\nmodel: {family: m}\n"))
                .problems();
        assertEquals(List.of("data.name must be a plain name (letters, digits, _ . + -), got '[a]'"), p);
    }

    @Test
    void anIndependentTestSetOverridesFurtherInputsByName() throws Exception {
        PipelineSpec spec = parse("""
                data:
                  reader: plink
                  name: genotypes
                  path: g.bed
                  inputs: [{name: covariates, reader: expression, path: c.tsv, log_transform: log2}, {name: other, reader: expression, path: o.tsv}]
                  test: {path: independent.bed, inputs: {covariates: {path: independent.tsv}}}
                model: {family: multimodal}
                """);
        List<String> problems = new java.util.ArrayList<>();
        List<DataInputs.Input> test = DataInputs.parse(spec.independentTest().orElseThrow(), problems);
        assertEquals(List.of(), problems);
        assertEquals("independent.bed", test.get(0).reader().parameters().get("path"));
        assertEquals(Map.of("path", "independent.tsv", "log_transform", "log2"), test.get(1).reader().parameters());
        assertEquals(Map.of("path", "o.tsv"), test.get(2).reader().parameters(), "an input without overrides is read as for training");

        List<String> p = assertThrows(SpecException.class, () -> parse("""
                data:
                  reader: plink
                  path: g.bed
                  inputs: [{name: covariates, reader: expression, path: c.tsv}]
                  test: {path: i.bed, inputs: {covariate: {path: i.tsv}}}
                model: {family: multimodal}
                """)).problems();
        assertEquals(List.of("data.test.inputs names 'covariate', which is not one of data.inputs (covariates)"), p);
        p = assertThrows(SpecException.class, () -> parse("""
                data: {reader: plink, path: g.bed, test: {path: i.bed, inputs: {covariates: {path: i.tsv}}}}
                model: {family: multimodal}
                """)).problems();
        assertEquals(List.of("data.test.inputs overrides further inputs, but data.inputs lists none"), p);
    }

    @Test
    void aModelCardKeepsEveryInputTheWayTheSpecDoes() {
        List<DataInputs.Input> further = List.of(new DataInputs.Input("covariates",
                new org.genomod.api.job.PluginRef("expression", null, Map.of("path", "/data/c.tsv", "missing", "error"))));
        Map<String, Object> card = DataInputs.forCard("genotypes", Map.of("max_snps", 10), further);
        org.genomod.api.job.PluginRef reader = new org.genomod.api.job.PluginRef("plink", null, card);
        assertTrue(DataInputs.joined(reader));
        List<String> problems = new java.util.ArrayList<>();
        List<DataInputs.Input> inputs = DataInputs.parse(reader, problems);
        assertEquals(List.of(), problems);
        assertEquals(new DataInputs.Input("genotypes", new org.genomod.api.job.PluginRef("plink", null, Map.of("max_snps", 10))), inputs.get(0));
        assertEquals(further.get(0), inputs.get(1));
    }

    @Test
    void readsASearchAndCrossValidation() throws Exception {
        PipelineSpec spec = parse("""
                data: {reader: fasta, path: a.fa, split: {method: random, fractions: [0.8, 0.1, 0.1], folds: 5}}
                model: {family: dense, hidden: [32]}
                training: {early_stopping: {metric: auroc, patience: 3}}
                search:
                  method: random
                  trials: 6
                  seed: 9
                  parameters:
                    model.hidden: [[64], [128, 64]]
                    training.learning_rate: {log_uniform: [0.0001, 0.01]}
                """);
        assertEquals(5, spec.split().folds());
        assertTrue(spec.selectsModel());
        org.genomod.api.job.SearchSpec search = spec.hyperParameterSearch().orElseThrow();
        assertEquals("random", search.method());
        assertEquals(6, search.trials());
        assertEquals(9, search.seed());
        assertEquals("auroc", search.metric(), "the early-stopping metric by default");
        assertEquals(List.of("model.hidden", "training.learning_rate"), search.dimensions().stream().map(d -> d.key()).toList());
        assertEquals(List.of(List.of(64), List.of(128, 64)), search.dimensions().get(0).values());
        assertEquals("log_uniform", search.dimensions().get(1).distribution());
        assertEquals(1e-2, search.dimensions().get(1).high());

        PipelineSpec grid = parse("""
                data: {reader: fasta, path: a.fa}
                model: {family: dense}
                search: {metric: loss, parameters: {training.batch_size: [16, 32, 64], model.dropout: [0, 0.5]}}
                """);
        assertEquals("grid", grid.hyperParameterSearch().orElseThrow().method());
        assertEquals(6, grid.hyperParameterSearch().orElseThrow().trials());
        assertEquals(42, grid.hyperParameterSearch().orElseThrow().seed());
        assertFalse(parse("data: {reader: fasta, path: a.fa}\nmodel: {family: cnn}\n").selectsModel());
        assertTrue(parse("data: {reader: fasta, path: a.fa, split: {folds: 3}}\nmodel: {family: cnn}\n").selectsModel());
    }

    @Test
    void badSearchKeysAreRejectedNamingTheKey() {
        List<String> p = assertThrows(SpecException.class, () -> parse("""
                data: {reader: fasta, path: a.fa, split: {folds: 1}}
                model: {family: dense}
                search:
                  method: grid
                  parameters:
                    hidden: [64]
                    data.path: [a, b]
                    training.early_stopping: [{patience: 2}]
                    training.learning_rate: [0.01, 20]
                    training.optimizer: [adam, adagrad]
                    training.batch_size: {log_uniform: [8, 64]}
                    model.dropout: 0.5
                """)).problems();
        assertEquals(List.of(
                "data.split.folds must be 0 (no cross-validation) or at least 2, got 1",
                "search.parameters.hidden: searched keys are model.<hyper-parameter> or training.<option>, e.g. model.dropout",
                "search.parameters.data.path: searched keys are model.<hyper-parameter> or training.<option>, e.g. model.dropout",
                "search.parameters.training.early_stopping: training.early_stopping cannot be searched (searchable: training.epochs, "
                        + "training.batch_size, training.optimizer, training.learning_rate, training.gradient_clip, training.class_weights)",
                "search.parameters.training.learning_rate: value 20: parameter 'learning_rate' must be a number in [1.0E-12, 10], got 20",
                "search.parameters.training.optimizer: value adagrad: parameter 'optimizer' must be one of adam, sgd, nesterovs, rmsprop, got 'adagrad'",
                "search.parameters.training.batch_size: method grid needs a list of values; ranges are drawn from by method random",
                "search.parameters.model.dropout must be a list of values to try, e.g. [0.001, 0.01], or a range such as "
                        + "{log_uniform: [0.0001, 0.01]}, got '0.5'"), p);
    }

    @Test
    void aSearchNeedsValidationDataAndRandomNeedsTrials() {
        List<String> p = assertThrows(SpecException.class, () -> parse("""
                data: {reader: fasta, path: a.fa, split: {fractions: [0.9, 0, 0.1]}}
                model: {family: dense}
                search: {method: random, parameters: {training.learning_rate: {log_uniform: [0, 0.1]}}}
                """)).problems();
        assertEquals(List.of(
                "search.parameters.training.learning_rate: log_uniform needs low <= high, both positive, got [0, 0.1]",
                "search.trials is required for method random: the number of configurations to draw"), p);
        p = assertThrows(SpecException.class, () -> parse("""
                data: {reader: fasta, path: a.fa, split: {fractions: [0.9, 0, 0.1]}}
                model: {family: dense}
                search: {parameters: {training.learning_rate: [0.1, 0.01]}}
                """)).problems();
        assertEquals(List.of("search scores each trial on validation data, but data.split leaves none: give it a validation "
                + "fraction or folds"), p);
        p = assertThrows(SpecException.class, () -> parse("""
                data: {reader: fasta, path: a.fa}
                model: {family: dense, from: ../parent}
                search: {parameters: {model.dropout: [0.1, 0.2]}}
                """)).problems();
        assertEquals(List.of("search.parameters.model.dropout: model.from takes the architecture of the saved model, so only "
                + "training options can be searched"), p);
    }
}
