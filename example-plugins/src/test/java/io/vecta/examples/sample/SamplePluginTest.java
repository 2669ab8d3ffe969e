package io.vecta.examples.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.runtime.buffer.BufferConfig;
import io.vecta.runtime.buffer.BufferPageSize;
import io.vecta.runtime.buffer.BufferPool;
import io.vecta.runtime.buffer.BufferPools;
import io.vecta.runtime.dispatch.ThreadRuntime;
import io.vecta.runtime.dispatch.TraceRecord;
import io.vecta.runtime.graph.Graph;
import io.vecta.runtime.graph.LoadedPlugin;
import io.vecta.runtime.graph.PluginLoader;
import io.vecta.runtime.show.DispatchThread;
import io.vecta.runtime.show.ShowErrors;
import io.vecta.sdk.buffer.BufferFlags;
import io.vecta.sdk.buffer.Buffers;
import io.vecta.sdk.node.Frame;
import io.vecta.sdk.packet.IpProtocol;
import io.vecta.sdk.packet.PacketBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sample plugin as the runtime runs it: found through ServiceLoader beside the built-in
 * nodes, its node dispatched over frames of real buffers built from real packet bytes.
 */
class SamplePluginTest {

    private static final long SEED = 0x5a3b1eL;
    private static final long MAC_A = 0x02_00_00_00_00_01L;
    private static final long MAC_B = 0x02_00_00_00_00_02L;

    private final BufferPools pools = BufferPools.create(
            BufferConfig.builder().buffersPerNuma(1500).pageSize(BufferPageSize.SIZE_4K).build(), 1);
    private final Buffers buffers = pools.buffers();

    @AfterEach
    void closePools() {
        pools.close();
    }

    @Test
    void shouldBeFoundThroughServiceLoaderBesideTheBuiltinNodes() {
        List<LoadedPlugin> plugins = PluginLoader.current().fromClassPath(getClass().getClassLoader());

        assertThat(plugins).extracting(LoadedPlugin::name).containsExactlyInAnyOrder("builtin", "sample");
        Graph graph = Graph.build(plugins);
        var node = graph.node("sample-protocol-count");
        assertThat(node.plugin()).isEqualTo("sample");
        assertThat(graph.node(node.nexts().target(0)).name()).isEqualTo("null-node");
        assertThat(graph.node(node.nexts().target(1)).name()).isEqualTo("error-drop");
        assertThat(node.descriptor().traceType()).isEqualTo(ProtocolCount.ProtocolTrace.class);
    }

    @Test
    void shouldCountEveryPacketPassItOnAndFreeEveryBuffer() {
        Graph graph = Graph.build(PluginLoader.current().fromClassPath(getClass().getClassLoader()));
        ThreadRuntime thread = new ThreadRuntime(graph, 0, pools.allocator(0));
        Random random = new Random(SEED);
        int total = 1000;
        int[] bis = new int[total];
        pools.allocator(0).allocExactly(bis, 0, total);
        int ip4 = 0;
        int notIp4 = 0;
        int truncated = 0;
        List<String> expectedTraces = new ArrayList<>();
        for (int bi : bis) {
            byte[] packet;
            int kind = random.nextInt(5);
            packet = switch (kind) {
                case 0 -> PacketBuilder.ethernet(MAC_A, MAC_B).ip4(0x0a000001, 0x0a000002).udp(1000, 53).build();
                case 1 -> PacketBuilder.ethernet(MAC_A, MAC_B).ip4(0x0a000001, 0x0a000002).tcp(1000, 80).build();
                case 2 -> PacketBuilder.ethernet(MAC_A, MAC_B).ip4(0x0a000001, 0x0a000002).icmpEcho(8, 1, 1).build();
                case 3 -> PacketBuilder.ethernet(MAC_A, MAC_B).arp(1, MAC_B, 0x0a000001, 0, 0x0a000002).build();
                default -> new byte[20];
            };
            buffers.copyIn(bi, 0, packet, 0, packet.length);
            buffers.setCurrentLength(bi, packet.length);
            boolean traced = random.nextInt(8) == 0;
            if (traced) {
                buffers.addFlags(bi, BufferFlags.IS_TRACED);
            }
            int next;
            String trace;
            if (kind <= 2) {
                ip4++;
                next = 0;
                int protocol = kind == 0 ? IpProtocol.UDP : kind == 1 ? IpProtocol.TCP : IpProtocol.ICMP;
                trace = "sample: ip4 protocol " + protocol + ", next 0";
            } else if (kind == 3) {
                notIp4++;
                next = 1;
                trace = "sample: ethertype 0x0806 is not ip4, next 1";
            } else {
                truncated++;
                next = 1;
                trace = "sample: too short, next " + next;
            }
            if (traced) {
                expectedTraces.add(bi + " " + trace);
            }
        }
        int node = graph.node("sample-protocol-count").index();
        for (int start = 0; start < total; start += Frame.CAPACITY) {
            Frame frame = thread.takeFrame();
            int n = Math.min(Frame.CAPACITY, total - start);
            System.arraycopy(bis, start, frame.buffers(), 0, n);
            frame.setCount(n);
            frame.setTraced(true);
            thread.putPending(node, frame);
        }

        thread.runOnce();

        String seed = "seed " + SEED;
        BufferPool pool = pools.pool(0);
        assertThat(pool.used()).as(seed).isZero();
        assertThat(pool.available() + pool.cached()).isEqualTo(pool.total());
        var sample = thread.node("sample-protocol-count");
        assertThat(sample.calls()).isEqualTo(4);
        assertThat(sample.vectors()).isEqualTo(total);
        assertThat(sample.errorCount(0)).as(seed).isEqualTo(notIp4);
        assertThat(sample.errorCount(1)).as(seed).isEqualTo(truncated);
        assertThat(thread.node("null-node").vectors()).as(seed).isEqualTo(ip4);
        assertThat(thread.node("null-node").errorCount(0)).as(seed).isEqualTo(ip4);
        assertThat(thread.node("error-drop").vectors()).as(seed).isEqualTo(notIp4 + truncated);
        assertThat(thread.node("error-drop").calls()).isEqualTo(4);
        // traced packets that are dropped also get error-drop's record, naming the reason
        assertThat(thread.traces()).extracting(TraceRecord::node).containsOnly("sample-protocol-count", "error-drop");
        assertThat(thread.traces()).filteredOn(t -> t.node().equals("sample-protocol-count"))
                .extracting(t -> t.bi() + " " + ((ProtocolCount.ProtocolTrace) t.record()).format())
                .as(seed).containsExactlyInAnyOrderElementsOf(expectedTraces);
        String notIp4Count = String.format("%10d", notIp4);
        String truncatedCount = String.format("%10d", truncated);
        int ip4Count = ip4;
        assertThat(ShowErrors.format(List.of(DispatchThread.of(thread)), false).lines())
                .as("each drop once, under the sample node's reason; error-drop has no counter").hasSize(4)
                .noneMatch(line -> line.contains("error-drop"))
                .anySatisfy(line -> assertThat(line).startsWith(notIp4Count)
                        .contains("sample-protocol-count").contains("not an IPv4 packet"))
                .anySatisfy(line -> assertThat(line).startsWith(truncatedCount)
                        .contains("sample-protocol-count").contains("shorter than Ethernet and IPv4"))
                .anySatisfy(line -> assertThat(line).startsWith(String.format("%10d", ip4Count))
                        .contains("null-node").contains("blackholed packets"));
    }
}
