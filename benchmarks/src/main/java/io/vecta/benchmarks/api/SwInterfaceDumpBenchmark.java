package io.vecta.benchmarks.api;

import io.vecta.runtime.VectaRuntime;
import io.vecta.runtime.api.client.ApiConnection;
import io.vecta.runtime.api.core.interface_.InterfaceModule;
import io.vecta.runtime.api.core.interface_.SwInterfaceDetails;
import io.vecta.runtime.api.core.interface_.SwInterfaceDump;
import io.vecta.runtime.api.core.interface_types.InterfaceIndex;
import io.vecta.runtime.config.RuntimeDirectory;
import io.vecta.runtime.config.StartupConfigParser;
import io.vecta.runtime.pg.PgInterfaces;
import io.vecta.sdk.api.ApiCodecs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code sw_interface_dump} of every interface of a runtime with 10,000 pg interfaces (and
 * local0), over the API socket with the Java client: the dump and its {@code control_ping} out,
 * 10,001 {@code sw_interface_details} decoded into records, the ping's reply closing the
 * stream. Reported per details record, so the score is details per second and
 * {@code gc.alloc.rate.norm} the bytes one record costs the server and the client together
 * (both run in this JVM).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED",
        "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
@State(Scope.Benchmark)
public class SwInterfaceDumpBenchmark {

    /** pg interfaces created; the dump has one more record, local0's. */
    static final int PG_INTERFACES = 10_000;
    static final int RECORDS = PG_INTERFACES + 1;

    Path directory;
    VectaRuntime runtime;
    Thread mainLoop;
    ApiConnection api;
    SwInterfaceDump everyInterface;

    @Setup(Level.Trial)
    public void start() throws IOException {
        directory = Files.createTempDirectory("vecta-api-dump-bench-");
        runtime = VectaRuntime.start(new StartupConfigParser(new RuntimeDirectory(directory)).parse("bench.conf",
                "buffers { page-size 4k buffers-per-numa 2048 }\nsocksvr { default }\n"));
        // before the main loop runs, this thread is the main thread
        PgInterfaces pg = PgInterfaces.of(runtime.graph());
        for (int id = 0; id < PG_INTERFACES; id++) {
            pg.create(id);
        }
        mainLoop = Thread.ofPlatform().name("vecta-main").start(runtime::run);
        api = ApiConnection.connect(directory.resolve("api.sock"), "bench", ApiCodecs.of(InterfaceModule.MESSAGES));
        api.tableCheck().requireCompatible();
        everyInterface = new SwInterfaceDump(0, 0, new InterfaceIndex(0xffff_ffffL), false, "");
        int got = dump().size();
        if (got != RECORDS) {
            throw new IllegalStateException("the dump has " + got + " records, not " + RECORDS);
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        api.close();
        runtime.stop();
        mainLoop.join();
        runtime.close();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    private List<SwInterfaceDetails> dump() {
        return api.dump(everyInterface, SwInterfaceDetails.CODEC);
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public List<SwInterfaceDetails> dumpAll() {
        return dump();
    }
}
