package io.vecta.sdk.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.Compilation;
import io.vecta.sdk.annotation.NodeType;
import io.vecta.sdk.annotation.Severity;
import io.vecta.sdk.buffer.BufferAllocator;
import io.vecta.sdk.buffer.BufferFlags;
import io.vecta.sdk.buffer.BufferPoolLayout;
import io.vecta.sdk.buffer.Buffers;
import io.vecta.sdk.node.ErrorDescriptor;
import io.vecta.sdk.node.FeatureArcDescriptor;
import io.vecta.sdk.node.FeatureDescriptor;
import io.vecta.sdk.node.Frame;
import io.vecta.sdk.node.NodeContext;
import io.vecta.sdk.node.NodeDescriptor;
import io.vecta.sdk.node.NodeFunction;
import io.vecta.sdk.node.PluginRegistration;
import io.vecta.sdk.node.SdkVersion;
import java.lang.foreign.Arena;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Runs generated dispatchers and registrations over real off-heap buffers and checks what
 * they hand the runtime against a model computed here.
 */
class GeneratedCodeBehaviourTest {

    private static final long SEED = 0x5eed_7711L;
    private static final int BUFFER_COUNT = 256;

    private final Arena arena = Arena.ofShared();
    private final BufferPoolLayout pool = new BufferPoolLayout("test", 1, BUFFER_COUNT, 256);
    private final Buffers buffers = new Buffers(arena.allocate(pool.endOffset() + 4096, 4096), List.of(pool));

    @AfterEach
    void closeMemory() {
        arena.close();
    }

    @Test
    void shouldEnqueueNextsCountErrorsAndTraceOnlyTracedBuffersForEveryFrameSize() throws Exception {
        Compilation compilation = Sources.compile(Sources.ttlCheck());
        assertThat(compilation).succeeded();
        NodeDescriptor descriptor = descriptor(new CompiledClasses(compilation), "com.acme.TtlCheck_Dispatch");
        NodeFunction function = descriptor.newFunction();
        Random random = new Random(SEED);

        for (int size : new int[] {0, 1, 3, 4, 7, 8, 9, 13, 255, 256}) {
            Frame frame = new Frame();
            int[] expectedNexts = new int[size];
            int[] expectedErrors = new int[2];
            List<String> expectedTraces = new ArrayList<>();
            for (int n = 0; n < size; n++) {
                int bi = pool.bufferIndex(n);
                int ttl = switch (random.nextInt(4)) {
                    case 0 -> 1;
                    case 1 -> 99;
                    default -> 2 + random.nextInt(60);
                };
                boolean traced = random.nextInt(5) == 0;
                buffers.setFlowId(bi, ttl);
                buffers.setFlags(bi, traced ? BufferFlags.IS_TRACED : 0);
                frame.add(bi);
                frame.setTraced(frame.isTraced() || traced);
                expectedNexts[n] = ttl > 1 ? 0 : 1;
                if (ttl == 99) {
                    expectedErrors[1]++;
                } else if (ttl <= 1) {
                    expectedErrors[0]++;
                }
                if (traced) {
                    expectedTraces.add(bi + ":TtlTrace[bi=" + bi + ", next=" + expectedNexts[n] + "]");
                }
            }
            RecordingContext ctx = new RecordingContext(buffers);
            ctx.tracing = frame.isTraced();

            int processed = function.dispatch(ctx, frame);

            String seed = "seed " + SEED + ", frame of " + size;
            assertThat(processed).as(seed).isEqualTo(size);
            assertThat(ctx.nexts).as(seed).containsExactly(expectedNexts);
            assertThat(ctx.errors).as(seed).containsExactly(expectedErrors);
            assertThat(ctx.traces).as(seed).containsExactlyElementsOf(expectedTraces);
        }
    }

    @Test
    void shouldLookAtNoBufferFlagsInAFrameThatIsNotTraced() throws Exception {
        Compilation compilation = Sources.compile(Sources.ttlCheck());
        assertThat(compilation).succeeded();
        NodeFunction function = descriptor(new CompiledClasses(compilation), "com.acme.TtlCheck_Dispatch")
                .newFunction();
        Frame frame = new Frame();
        for (int n = 0; n < 12; n++) {
            int bi = pool.bufferIndex(n);
            buffers.setFlowId(bi, 64);
            buffers.setFlags(bi, BufferFlags.IS_TRACED);
            frame.add(bi);
        }

        for (boolean tracing : new boolean[] {false, true}) {
            RecordingContext ctx = new RecordingContext(buffers);
            ctx.tracing = tracing;

            function.dispatch(ctx, frame);

            assertThat(ctx.traces).as("tracing " + tracing).hasSize(tracing ? 12 : 0);
            assertThat(ctx.nexts).as("tracing " + tracing).hasSize(12).containsOnly(0);
        }
    }

    @Test
    void shouldHandAPerPacketMethodThatTakesOneEachBuffersOwnAddress() throws Exception {
        Compilation compilation = Sources.compile(Sources.source("LengthSplit", """
                @GraphNode(name = "length-split")
                public final class LengthSplit {
                    @Next("long-ones") static final int NEXT_LONG = 0;
                    @Next("short-ones") static final int NEXT_SHORT = 1;

                    @PerPacket
                    int process(NodeContext ctx, int bi, long b) {
                        return UncheckedBuffers.currentLength(b) > 100 ? NEXT_LONG : NEXT_SHORT;
                    }
                }
                """));
        assertThat(compilation).succeeded();
        NodeFunction function = descriptor(new CompiledClasses(compilation), "com.acme.LengthSplit_Dispatch")
                .newFunction();
        Random random = new Random(SEED);

        List<Integer> shuffled = new ArrayList<>();
        for (int n = 0; n < BUFFER_COUNT; n++) {
            shuffled.add(pool.bufferIndex(n));
        }
        for (int size : new int[] {1, 7, 9, 256}) {
            // distinct buffers out of order, so that an address taken from the wrong buffer shows
            Collections.shuffle(shuffled, random);
            Frame frame = new Frame();
            int[] expected = new int[size];
            for (int n = 0; n < size; n++) {
                int bi = shuffled.get(n);
                int length = random.nextInt(200);
                buffers.setCurrentLength(bi, length);
                frame.add(bi);
                expected[n] = length > 100 ? 0 : 1;
            }
            RecordingContext ctx = new RecordingContext(buffers);

            function.dispatch(ctx, frame);

            assertThat(ctx.nexts).as("frame of " + size).containsExactly(expected);
        }
    }

    private static final String ONE_ERROR_NODE = """
            @GraphNode(name = "short-drop", errors = ShortDrop.Error.class)
            public final class ShortDrop {
                @Next("long-ones") static final int NEXT_LONG = 0;
                @Next("error-drop") static final int NEXT_DROP = 1;

                enum Error {
                    @ErrorCounter(description = "too short") TOO_SHORT
                }

                /** A length of exactly 7 asks for an error code the node does not have. */
                @PerPacket
                int process(NodeContext ctx, int bi, long b) {
                    int length = UncheckedBuffers.currentLength(b);
                    return length > 100 ? NEXT_LONG
                            : Outcome.withError(NEXT_DROP, length == 7 ? 1 : Error.TOO_SHORT.ordinal());
                }
            }
            """;

    private static NodeFunction oneErrorNode() throws Exception {
        Compilation compilation = Sources.compile(Sources.source("ShortDrop", ONE_ERROR_NODE));
        assertThat(compilation).succeeded();
        return descriptor(new CompiledClasses(compilation), "com.acme.ShortDrop_Dispatch").newFunction();
    }

    @Test
    void shouldCountTheOneErrorOfANodeOverScatteredErrorsInEveryLoop() throws Exception {
        NodeFunction function = oneErrorNode();
        Random random = new Random(SEED);
        for (int size : new int[] {1, 7, 9, 256}) {
            for (boolean tracing : new boolean[] {false, true}) {
                Frame frame = new Frame();
                int expectedErrors = 0;
                for (int n = 0; n < size; n++) {
                    int bi = pool.bufferIndex(n);
                    int length = random.nextInt(16) == 0 ? 50 : 150;
                    expectedErrors += length > 100 ? 0 : 1;
                    buffers.setCurrentLength(bi, length);
                    frame.add(bi);
                }
                RecordingContext ctx = new RecordingContext(buffers);
                ctx.tracing = tracing;

                function.dispatch(ctx, frame);

                assertThat(ctx.errors[0]).as("frame of %d, tracing %s", size, tracing).isEqualTo(expectedErrors);
                assertThat(function.dispatch(new RecordingContext(buffers), frame)).isEqualTo(size);
            }
        }
    }

    @Test
    void shouldRefuseAnErrorCodeTheNodeDoesNotHaveNamingTheNode() throws Exception {
        NodeFunction function = oneErrorNode();
        Frame frame = new Frame();
        for (int n = 0; n < 12; n++) {
            buffers.setCurrentLength(pool.bufferIndex(n), n == 5 ? 7 : 150);
            frame.add(pool.bufferIndex(n));
        }

        assertThatThrownBy(() -> function.dispatch(new RecordingContext(buffers), frame))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("node short-drop returned an error code it does not have; its only one is 0");
    }

    @Test
    void shouldHandAFrameWhoseBuffersAllGoToOneNextToThatNextInOneCall() throws Exception {
        Compilation compilation = Sources.compile(Sources.ttlCheck());
        assertThat(compilation).succeeded();
        NodeFunction function = descriptor(new CompiledClasses(compilation), "com.acme.TtlCheck_Dispatch")
                .newFunction();

        for (int ttl : new int[] {64, 1}) {
            int expectedNext = ttl > 1 ? 0 : 1;
            for (int size : new int[] {1, 5, 8, 256}) {
                Frame frame = new Frame();
                for (int n = 0; n < size; n++) {
                    int bi = pool.bufferIndex(n);
                    buffers.setFlowId(bi, ttl);
                    buffers.setFlags(bi, 0);
                    frame.add(bi);
                }
                RecordingContext ctx = new RecordingContext(buffers);

                function.dispatch(ctx, frame);

                String what = "ttl " + ttl + ", frame of " + size;
                assertThat(ctx.singleNextCalls).as(what).isEqualTo(1);
                assertThat(ctx.nexts).as(what).hasSize(size).containsOnly(expectedNext);
                assertThat(ctx.errors).as(what).containsExactly(ttl > 1 ? 0 : size, 0);
            }
        }
    }

    @Test
    void shouldDescribeTheNodeWithItsNextsErrorsAndTrace() throws Exception {
        Compilation compilation = Sources.compile(Sources.ttlCheck());
        NodeDescriptor descriptor = descriptor(new CompiledClasses(compilation), "com.acme.TtlCheck_Dispatch");

        assertThat(descriptor.name()).isEqualTo("ttl-check");
        assertThat(descriptor.type()).isEqualTo(NodeType.INTERNAL);
        assertThat(descriptor.nextNames()).containsExactly("ip4-lookup", "error-drop");
        assertThat(descriptor.errors()).containsExactly(
                new ErrorDescriptor(0, "TTL_EXPIRED", "ttl expired", Severity.ERROR),
                new ErrorDescriptor(1, "OPTIONS", "options present", Severity.INFO));
        assertThat(descriptor.traceType().getName()).isEqualTo("com.acme.TtlCheck$TtlTrace");
        assertThat(descriptor.newFunction()).isNotSameAs(descriptor.newFunction());
    }

    @Test
    void shouldHandTheWholeFrameToAPerFrameNode() throws Exception {
        Compilation compilation = Sources.compile(Sources.source("Tx", """
                @GraphNode(name = "acme-tx", type = NodeType.INPUT)
                final class Tx {
                    @Next("interface-output") static final int NEXT_OUTPUT = 0;

                    @PerFrame
                    void process(NodeContext ctx, Frame frame) {
                        ctx.enqueueToSingleNext(frame.buffers(), NEXT_OUTPUT, frame.count());
                    }
                }
                """));
        assertThat(compilation).succeededWithoutWarnings();
        NodeDescriptor descriptor = descriptor(new CompiledClasses(compilation), "com.acme.Tx_Dispatch");
        Frame frame = new Frame();
        frame.add(pool.bufferIndex(0));
        frame.add(pool.bufferIndex(1));
        RecordingContext ctx = new RecordingContext(buffers);
        ctx.handsOn = frame;

        assertThat(descriptor.newFunction().dispatch(ctx, frame)).as("the frame's count before it was handed on")
                .isEqualTo(2);
        assertThat(ctx.nexts).containsExactly(0, 0);
        assertThat(frame.count()).as("the frame is the next node's").isZero();
        assertThat(descriptor.type()).isEqualTo(NodeType.INPUT);
        assertThat(descriptor.hasTrace()).isFalse();
        assertThat(descriptor.errors()).isEmpty();
    }

    @Test
    void shouldRegisterThePluginWithItsNodesArcsAndFeaturesForServiceLoader() throws Exception {
        Compilation compilation = Sources.compile(Sources.ttlCheck(), Sources.source("AclIn", """
                @GraphNode(name = "acl-in")
                @Feature(arc = "ip4-unicast", runsBefore = "ttl-check", runsAfter = "ip4-input-check")
                final class AclIn {
                    @Next("ttl-check") static final int NEXT = 0;
                    @PerPacket int process(NodeContext ctx, int bi) { return NEXT; }
                }
                """), Sources.source("AcmePlugin", """
                @Plugin(name = "acme", version = "2.1.0", description = "Acme nodes", enabledByDefault = false)
                @FeatureArc(name = "ip4-unicast", startNodes = "ip4-input", lastNode = "ip4-lookup")
                public final class AcmePlugin {
                }
                """));
        assertThat(compilation).succeededWithoutWarnings();
        String entry = compilation.generatedFile(StandardLocation.CLASS_OUTPUT,
                        "META-INF/services/io.vecta.sdk.node.PluginRegistration").orElseThrow()
                .getCharContent(false).toString();
        assertThat(entry).isEqualTo("com.acme.AcmePlugin_Registration\n");

        PluginRegistration plugin = (PluginRegistration) new CompiledClasses(compilation).loadClass(entry.strip())
                .getConstructor().newInstance();

        assertThat(plugin.name()).isEqualTo("acme");
        assertThat(plugin.version()).isEqualTo("2.1.0");
        assertThat(plugin.description()).isEqualTo("Acme nodes");
        assertThat(plugin.enabledByDefault()).isFalse();
        assertThat(plugin.sdkVersion()).isEqualTo(SdkVersion.CURRENT);
        assertThat(plugin.nodes()).extracting(NodeDescriptor::name).containsExactlyInAnyOrder("ttl-check", "acl-in");
        assertThat(plugin.featureArcs()).containsExactly(
                new FeatureArcDescriptor("ip4-unicast", List.of("ip4-input"), "ip4-lookup"));
        assertThat(plugin.features()).containsExactly(
                new FeatureDescriptor("acl-in", "ip4-unicast", List.of("ttl-check"), List.of("ip4-input-check")));
    }

    @Test
    void shouldNameARegistrationOfAPackageAfterThePackage() throws Exception {
        Compilation compilation = Sources.compile(Sources.ttlCheck(),
                com.google.testing.compile.JavaFileObjects.forSourceString("com.acme.package-info", """
                        @io.vecta.sdk.annotation.Plugin(name = "acme", version = "1.0.0")
                        package com.acme;
                        """));
        assertThat(compilation).succeededWithoutWarnings();
        String entry = new String(compilation.generatedFile(StandardLocation.CLASS_OUTPUT,
                        "META-INF/services/io.vecta.sdk.node.PluginRegistration").orElseThrow()
                .openInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(entry).isEqualTo("com.acme.Plugin_Registration\n");
        PluginRegistration plugin = (PluginRegistration) new CompiledClasses(compilation).loadClass(entry.strip())
                .getConstructor().newInstance();
        assertThat(plugin.nodes()).extracting(NodeDescriptor::name).containsExactly("ttl-check");
        assertThat(plugin.enabledByDefault()).isTrue();
    }

    private static NodeDescriptor descriptor(ClassLoader loader, String dispatcher) throws Exception {
        return (NodeDescriptor) loader.loadClass(dispatcher).getMethod("descriptor").invoke(null);
    }

    /** A context that records what a dispatcher hands over. */
    private static final class RecordingContext implements NodeContext {
        private final Buffers buffers;
        int[] nexts = new int[0];
        int[] errors = new int[2];
        int singleNextCalls;
        boolean tracing;
        final List<String> traces = new ArrayList<>();
        /** A frame handed on, as the runtime may, when its own array is enqueued: emptied here. */
        Frame handsOn;

        RecordingContext(Buffers buffers) {
            this.buffers = buffers;
        }

        @Override
        public Buffers buffers() {
            return buffers;
        }

        @Override
        public BufferAllocator allocator() {
            throw new UnsupportedOperationException("no allocator in this test");
        }

        @Override
        public void enqueueToNext(int[] from, int[] nextIndices, int count) {
            nexts = Arrays.copyOf(nextIndices, count);
            handOn(from);
        }

        private void handOn(int[] from) {
            if (handsOn != null && from == handsOn.buffers()) {
                handsOn.clear();
            }
        }

        @Override
        public void enqueueToSingleNext(int[] from, int next, int count) {
            singleNextCalls++;
            nexts = new int[count];
            Arrays.fill(nexts, next);
            handOn(from);
        }

        @Override
        public void addErrors(int[] counts, int offset) {
            for (int code = 0; code < errors.length && offset + code < counts.length; code++) {
                errors[code] += counts[offset + code];
            }
        }

        @Override
        public boolean tracing() {
            return tracing;
        }

        @Override
        public void traceBuffer(int bi) {
            throw new UnsupportedOperationException("dispatchers do not mark buffers traced");
        }

        @Override
        public void addTrace(int bi, Object record) {
            traces.add(bi + ":" + record);
        }

        @Override
        public int threadIndex() {
            return 1;
        }

        @Override
        public int nodeIndex() {
            return 7;
        }

        @Override
        public io.vecta.sdk.elog.EventLogger eventLog() {
            throw new UnsupportedOperationException("generated dispatchers log no events");
        }
    }
}
