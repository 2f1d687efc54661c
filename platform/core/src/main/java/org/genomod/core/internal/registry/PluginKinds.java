package org.genomod.core.internal.registry;

import org.genomod.api.data.DataReader;
import org.genomod.api.eval.Evaluator;
import org.genomod.api.interpret.Interpreter;
import org.genomod.api.model.ModelFamily;
import org.genomod.core.internal.registry.PluginRegistry.Kind;

/** The plugin kinds a pipeline names. */
public final class PluginKinds {
    public static final Kind<DataReader> READER = new Kind<>(DataReader.class, DataReader.SERVICE_PROPERTY, "reader");
    public static final Kind<ModelFamily> FAMILY = new Kind<>(ModelFamily.class, ModelFamily.SERVICE_PROPERTY, "model family");
    public static final Kind<Evaluator> EVALUATOR = new Kind<>(Evaluator.class, Evaluator.SERVICE_PROPERTY, "evaluator");
    public static final Kind<Interpreter> INTERPRETER = new Kind<>(Interpreter.class, Interpreter.SERVICE_PROPERTY, "interpreter");

    private PluginKinds() {
    }
}
