package io.vecta.runtime.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.runtime.CliRuntime;
import io.vecta.runtime.VectaRuntime;
import io.vecta.runtime.dispatch.ThreadRuntime;
import io.vecta.runtime.dispatch.TraceBuffer;
import io.vecta.runtime.dispatch.TraceRecord;
import io.vecta.runtime.graph.PluginJars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packet tracer end to end: a runtime with a plugin whose input node makes four packets a
 * turn, the main thread's loop turned by hand, the commands run through a shell.
 *
 * <pre>
 *   acme-gen (input, flows 0, 1, 2, ...) ──&gt; acme-step ──0──&gt; error-drop  even flows
 *                                                      ──1──&gt; acme-sink   odd flows (frees)
 * </pre>
 * acme-gen traces itself by hand ({@code generated flow N}), acme-step through its generated
 * dispatcher ({@code flow N} and {@code next N} on two lines), acme-sink by hand with a string,
 * and error-drop with its rx interface and the reason the buffer carries (none here).
 */
class TraceCommandsTest {

    private static final String GEN = """
            package com.acme.tracer;

            import io.vecta.sdk.annotation.*;
            import io.vecta.sdk.buffer.BufferFlags;
            import io.vecta.sdk.node.*;

            @GraphNode(name = "acme-gen", type = NodeType.INPUT)
            public final class Gen {
                @Next("acme-step") static final int NEXT_STEP = 0;

                private final int[] bis = new int[4];
                private final int[] flows = new int[1];

                public record GenTrace(int flow) {
                    public String format() { return "generated flow " + flow; }
                }

                @PerFrame
                void process(NodeContext ctx, Frame frame) {
                    ctx.allocator().allocExactly(bis, 0, bis.length);
                    int traceable = Math.min(ctx.traceBudget(), bis.length);
                    for (int i = 0; i < bis.length; i++) {
                        ctx.buffers().setFlowId(bis[i], flows[0]++);
                        if (i < traceable) {
                            ctx.traceBuffer(bis[i]);
                        }
                    }
                    if (ctx.tracing()) {
                        for (int bi : bis) {
                            if ((ctx.buffers().flags(bi) & BufferFlags.IS_TRACED) != 0) {
                                ctx.addTrace(bi, new GenTrace(ctx.buffers().flowId(bi)));
                            }
                        }
                    }
                    ctx.enqueueToSingleNext(bis, NEXT_STEP, bis.length);
                }
            }
            """;

    private static final String STEP = """
            package com.acme.tracer;

            import io.vecta.sdk.annotation.*;
            import io.vecta.sdk.node.*;

            @GraphNode(name = "acme-step")
            public final class Step {
                @Next("error-drop") static final int NEXT_DROP = 0;
                @Next("acme-sink") static final int NEXT_SINK = 1;

                public record StepTrace(int flow, int next) {
                    public String format() { return "flow " + flow + "\\n  next " + next; }
                }

                @PerPacket
                int process(NodeContext ctx, int bi) {
                    return ctx.buffers().flowId(bi) % 2 == 0 ? NEXT_DROP : NEXT_SINK;
                }

                @Trace
                StepTrace trace(NodeContext ctx, int bi, int next) {
                    return new StepTrace(ctx.buffers().flowId(bi), next);
                }
            }
            """;

    private static final String SINK = """
            package com.acme.tracer;

            import io.vecta.sdk.annotation.*;
            import io.vecta.sdk.buffer.BufferFlags;
            import io.vecta.sdk.node.*;

            @GraphNode(name = "acme-sink")
            public final class Sink {
                @PerFrame
                void process(NodeContext ctx, Frame frame) {
                    if (ctx.tracing()) {
                        for (int i = 0; i < frame.count(); i++) {
                            int bi = frame.buffers()[i];
                            if ((ctx.buffers().flags(bi) & BufferFlags.IS_TRACED) != 0) {
                                ctx.addTrace(bi, "sunk");
                            }
                        }
                    }
                    ctx.allocator().free(frame.buffers(), 0, frame.count());
                }
            }
            """;

    private static final String PLUGIN = """
            @io.vecta.sdk.annotation.Plugin(name = "acme-tracer", version = "1.0.0", description = "traced packets")
            package com.acme.tracer;
            """;

    private static final Pattern TIME = Pattern.compile("(\\d\\d):(\\d\\d):(\\d\\d):(\\d{6}): ");

    @TempDir
    static Path shared;

    private static Path plugins;

    @TempDir
    Path temp;

    private CliRuntime vecta;
    private VectaRuntime runtime;

    @BeforeAll
    static void buildPlugin() throws IOException {
        Path dir = Files.createDirectories(shared.resolve("plugins"));
        PluginJars.build(shared, dir.resolve("acme-tracer.jar"), true, Map.of(
                "com/acme/tracer/Gen.java", GEN,
                "com/acme/tracer/Step.java", STEP,
                "com/acme/tracer/Sink.java", SINK,
                "com/acme/tracer/package-info.java", PLUGIN), Map.of());
        plugins = dir;
    }

    @BeforeEach
    void start() {
        String text = "buffers { page-size 4k buffers-per-numa 2048 }\nplugins { path " + plugins + " }\n";
        vecta = new CliRuntime(temp, text);
        runtime = vecta.runtime();
    }

    @AfterEach
    void stop() {
        vecta.close();
    }

    private void turns(int count) {
        ThreadRuntime main = runtime.mainThread();
        for (int i = 0; i < count; i++) {
            main.runOnce();
        }
    }

    private String ok(String line) {
        return vecta.run(line);
    }

    private String error(String line) {
        return vecta.fail(line);
    }

    /**
     * The report with each time replaced by {@code TIME}, after checking the times count from the
     * runtime's start (a test runs for less than ten minutes) and never go back within a packet.
     */
    private String showTrace(String line) {
        String text = ok(line);
        for (String packet : text.split("Packet ")) {
            Matcher times = TIME.matcher(packet);
            long previous = 0;
            while (times.find()) {
                long micros = ((Long.parseLong(times.group(1)) * 60 + Long.parseLong(times.group(2))) * 60
                        + Long.parseLong(times.group(3))) * 1_000_000 + Long.parseLong(times.group(4));
                assertThat(micros).as("time %s in\n%s", times.group(), text)
                        .isLessThan(600_000_000L).isGreaterThanOrEqualTo(previous);
                previous = micros;
            }
        }
        return TIME.matcher(text).replaceAll("TIME: ");
    }

    private static String packet(int number, int flow) {
        String text = "Packet " + number + "\n\n"
                + "TIME: acme-gen\n  generated flow " + flow + "\n"
                + "TIME: acme-step\n  flow " + flow + "\n    next " + flow % 2 + "\n";
        return (flow % 2 == 1 ? text + "TIME: acme-sink\n  sunk\n"
                : text + "TIME: error-drop\n  rx:local0\n  no error set in the buffer\n") + "\n";
    }

    private static final String HEADER = "------------------- Start of thread 0 vecta_main -------------------\n";

    @Test
    void shouldPrintEachTracedPacketWithItsNodesInVppLayout() {
        ok("trace add acme-gen 3");
        turns(1);

        assertThat(showTrace("show trace")).isEqualTo(HEADER + packet(1, 0) + packet(2, 1) + packet(3, 2));
    }

    @Test
    void shouldSayWhenThereIsNothingToShowAndForgetTracesOnClear() {
        assertThat(ok("show trace")).isEqualTo(HEADER + "No packets in trace buffer\n");

        ok("trace add acme-gen 2");
        turns(1);
        assertThat(showTrace("show trace")).contains("Packet 2");
        ok("clear trace");

        assertThat(ok("show trace")).isEqualTo(HEADER + "No packets in trace buffer\n");
    }

    @Test
    void shouldTraceNothingWhenNoTraceWasAsked() {
        turns(3);

        assertThat(runtime.mainThread().traces()).isEmpty();
        assertThat(runtime.mainThread().traceBuffer().recordCount()).isZero();
        assertThat(runtime.mainThread().node("acme-gen").vectors()).isEqualTo(12);
        assertThat(ok("show trace")).isEqualTo(HEADER + "No packets in trace buffer\n");
    }

    @Test
    void shouldTraceNoMorePacketsThanAskedOverSeveralTurnsAndAddToWhatIsLeft() {
        ok("trace add acme-gen 6");
        turns(3);

        assertThat(runtime.mainThread().traceBuffer().packets()).hasSize(6);
        assertThat(runtime.mainThread().node("acme-gen").traceBudget()).isZero();

        ok("trace add acme-gen 1");
        ok("trace add acme-gen 2");
        turns(2);

        List<List<TraceRecord>> packets = runtime.mainThread().traceBuffer().packets();
        assertThat(packets).hasSize(9);
        assertThat(packets).extracting(p -> p.getFirst().record().toString())
                .containsExactly("GenTrace[flow=0]", "GenTrace[flow=1]", "GenTrace[flow=2]", "GenTrace[flow=3]",
                        "GenTrace[flow=4]", "GenTrace[flow=5]", "GenTrace[flow=12]", "GenTrace[flow=13]",
                        "GenTrace[flow=14]");
    }

    @Test
    void shouldStopTracingWhenAskedForZeroPackets() {
        ok("trace add acme-gen 100");
        turns(1);
        ok("trace add acme-gen 0");
        turns(2);

        assertThat(runtime.mainThread().traceBuffer().packets()).hasSize(4);
    }

    @Test
    void shouldLimitTheReportToMaxPackets() {
        ok("trace add acme-gen 4");
        turns(1);

        assertThat(showTrace("show trace max 2")).isEqualTo(HEADER + packet(1, 0) + packet(2, 1)
                + "Limiting display to 2 packets. To display more specify max.\n");
    }

    @Test
    void shouldKeepOnlyPacketsThatPassedTheIncludedNode() {
        ok("trace filter include acme-sink 10");
        ok("trace add acme-gen 4");
        turns(1);

        assertThat(showTrace("show trace")).isEqualTo(HEADER + packet(1, 1) + packet(2, 3));
    }

    @Test
    void shouldDropPacketsThatPassedTheExcludedNodeAndKeepAtMostTheFilterCount() {
        ok("trace filter exclude acme-sink 3");
        ok("trace add acme-gen 12");
        turns(3);

        assertThat(showTrace("show trace")).isEqualTo(HEADER + packet(1, 0) + packet(2, 2) + packet(3, 4));
    }

    @Test
    void shouldKeepEveryPacketAgainAfterTheFilterIsRemovedAndEndTracingOnAFilterChange() {
        ok("trace add acme-gen 4");
        ok("trace filter include acme-sink 10");
        turns(1);
        assertThat(runtime.mainThread().traceBuffer().packets()).as("the filter ended tracing").isEmpty();

        ok("trace filter none");
        ok("trace add acme-gen 4");
        turns(1);

        assertThat(showTrace("show trace")).isEqualTo(HEADER + packet(1, 4) + packet(2, 5) + packet(3, 6)
                + packet(4, 7));
    }

    @Test
    void shouldKeepAtMostTheRecordLimitAndCountWhatWasDropped() {
        // a turn traces 12 records; one packet of 3 first makes the limit fall inside a turn
        ok("trace add acme-gen 1");
        turns(1);
        int asked = 24_000;
        ok("trace add acme-gen " + asked);
        turns(asked / 4);

        TraceBuffer buffer = runtime.mainThread().traceBuffer();
        assertThat(buffer.recordCount()).isEqualTo(TraceBuffer.DEFAULT_RECORD_LIMIT);
        assertThat(buffer.droppedRecords()).isPositive();
        assertThat(buffer.droppedPackets()).isPositive();
        long traced = asked - buffer.droppedPackets();
        // every flow passes three tracing nodes (odd ones end in acme-sink, even ones in error-drop)
        long expectedRecords = 3 + traced * 3;
        assertThat(buffer.recordCount() + buffer.droppedRecords()).isEqualTo(expectedRecords);
        assertThat(ok("show trace max 1")).endsWith("Limiting display to 1 packets. To display more specify max.\n"
                + "Trace buffer full (50000 records): " + buffer.droppedRecords() + " records and "
                + buffer.droppedPackets() + " packets not traced\n");

        ok("clear trace");
        assertThat(buffer.droppedRecords()).isZero();
        assertThat(buffer.droppedPackets()).isZero();
    }

    @Test
    void shouldRefuseAnUnknownNodeWithASuggestion() {
        assertThat(error("trace add acme-gne 3"))
                .isEqualTo("trace add: node: no node named 'acme-gne'; did you mean 'acme-gen'?\n");
        assertThat(error("trace filter include acme-snk 3")).contains("no node named 'acme-snk'")
                .contains("did you mean 'acme-sink'?");
    }

    @Test
    void shouldRefuseToTraceFromANodeThatIsNotAnInputNode() {
        assertThat(error("trace add acme-step 3")).isEqualTo("trace add: node 'acme-step' is an internal node;"
                + " packets are traced from the input node that produces them\n");
        assertThat(error("trace add error-drop 3")).contains("node 'error-drop' is an internal node");
    }

    @Test
    void shouldRefuseABadCount() {
        assertThat(error("trace add acme-gen -1")).contains("count");
        assertThat(error("trace add acme-gen lots"))
                .isEqualTo("trace add: count: expected a number in 0..2147483647, got 'lots'\n");
        assertThat(error("trace add acme-gen")).contains("count");
        assertThat(error("show trace max many")).contains("max");
        assertThat(error("trace filter sideways acme-gen 1")).contains("none").contains("include")
                .contains("exclude");
        assertThat(runtime.mainThread().node("acme-gen").traceBudget()).isZero();
    }
}
