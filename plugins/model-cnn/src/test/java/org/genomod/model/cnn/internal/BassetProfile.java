package org.genomod.model.cnn.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;
import org.genomod.api.train.TrainingOptions;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Not a test: ms per Basset training batch (64) and inference batch (256), for profiling (JFR); with the main
 * thread's CPU time, which a busy machine disturbs less (with OMP_NUM_THREADS=1 the native ops run on it). Args: [steps].
 */
public final class BassetProfile {
    public static void main(String[] args) throws Exception {
        // -Dpreset=deepsea: DeepSEA's network (1000 positions, 919 outputs) instead
        boolean deepSea = "deepsea".equals(System.getProperty("preset"));
        int length = deepSea ? 1000 : 600;
        int outputs = deepSea ? 919 : 164;
        DatasetSchema schema = new DatasetSchema(List.of(length, 4), "dna-one-hot", TaskType.MULTILABEL,
                IntStream.range(0, outputs).mapToObj(i -> "cell" + i).toList(), null);
        var conf = CnnNetworks.configuration(CnnHyperParameters.architecture(new CnnModelFamily().hyperParameters()
                        .validate(Map.of("preset", deepSea ? "deepsea" : "basset"), java.nio.file.Path.of("."))),
                schema, TrainingOptions.defaults(), 1, "auto");
        // -Dstock=true: Deeplearning4j's own layers throughout, for comparison
        MultiLayerNetwork net = Boolean.getBoolean("stock") ? new MultiLayerNetwork(conf) : new UnfoldingNetwork(conf);
        net.init();
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        INDArray x = Nd4j.rand(DataType.FLOAT, 64, 4, length);
        INDArray y = Nd4j.rand(DataType.FLOAT, 64, outputs).gt(0.5).castTo(DataType.FLOAT);
        DataSet ds = new DataSet(x, y);
        for (int i = 0; i < 3; i++) net.fit(ds);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        var process = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long t = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        long processCpu = process.getProcessCpuTime();
        for (int i = 0; i < steps; i++) net.fit(ds);
        long fitCpu = threads.getCurrentThreadCpuTime() - cpu;
        long wall = System.nanoTime() - t;
        System.out.printf("fit: %.1f ms/batch of 64, %.2f cores busy%n", wall / 1e6 / steps,
                (process.getProcessCpuTime() - processCpu) / (double) wall);
        INDArray xi = Nd4j.rand(DataType.FLOAT, 256, 4, length);
        net.output(xi);
        t = System.nanoTime();
        cpu = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < steps; i++) net.output(xi);
        long outputCpu = threads.getCurrentThreadCpuTime() - cpu;
        System.out.printf("output: %.1f ms/batch of 256%n", (System.nanoTime() - t) / 1e6 / steps);
        System.out.printf("fit cpu: %.1f ms/batch of 64, output cpu: %.1f ms/batch of 256%n", fitCpu / 1e6 / steps, outputCpu / 1e6 / steps);
    }
}
