package org.genomod.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ThreadCountRelaunchTest {

    @Test
    void onlyBenchModelsAsksForAThreadCount() {
        assertEquals(OptionalInt.of(1), ThreadCountRelaunch.requested(new String[] {"bench", "models", "--threads", "1"}));
        assertEquals(OptionalInt.of(4), ThreadCountRelaunch.requested(new String[] {"bench", "models", "--seconds", "2", "--threads=4"}));
        assertEquals(OptionalInt.empty(), ThreadCountRelaunch.requested(new String[] {"bench", "models"}));
        assertEquals(OptionalInt.empty(), ThreadCountRelaunch.requested(new String[] {"bench", "io", "--threads", "1"}));
        assertEquals(OptionalInt.empty(), ThreadCountRelaunch.requested(new String[] {"run", "spec.yaml", "--threads", "1"}));
    }

    @Test
    void valuesThatAreNotPositiveIntegersAreLeftToTheCommandLineParser() {
        assertEquals(OptionalInt.empty(), ThreadCountRelaunch.requested(new String[] {"bench", "models", "--threads", "two"}));
        assertEquals(OptionalInt.empty(), ThreadCountRelaunch.requested(new String[] {"bench", "models", "--threads", "0"}));
        assertEquals(OptionalInt.empty(), ThreadCountRelaunch.requested(new String[] {"bench", "models", "--threads"}));
    }

    @Test
    void aCountIsInEffectOnlyWhenTheEnvironmentSaysSo() {
        assertTrue(ThreadCountRelaunch.inEffect(2, Map.of("OMP_NUM_THREADS", "2")));
        assertFalse(ThreadCountRelaunch.inEffect(1, Map.of("OMP_NUM_THREADS", "2")));
        assertFalse(ThreadCountRelaunch.inEffect(1, Map.of()));
    }

    @Test
    void theChildRunsThisLauncherWithTheSameArguments() {
        List<String> command = ThreadCountRelaunch.command(new String[] {"bench", "models", "--threads", "1"});
        assertTrue(command.get(0).endsWith("java"), command.toString());
        int main = command.indexOf(Main.class.getName());
        assertTrue(main > 0, command.toString());
        assertEquals(List.of("bench", "models", "--threads", "1"), command.subList(main + 1, command.size()));
        assertEquals(System.getProperty("java.class.path"), command.get(command.indexOf("-cp") + 1));
    }
}
