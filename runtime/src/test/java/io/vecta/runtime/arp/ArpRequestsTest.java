package io.vecta.runtime.arp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vecta.runtime.buffer.BufferConfig;
import io.vecta.runtime.buffer.BufferPageSize;
import io.vecta.runtime.buffer.BufferPools;
import io.vecta.runtime.ethernet.Loopbacks;
import io.vecta.runtime.graph.Graph;
import io.vecta.runtime.graph.LoadedPlugin;
import io.vecta.runtime.graph.PluginLoader;
import io.vecta.runtime.interfaces.InterfaceException;
import io.vecta.runtime.interfaces.InterfaceTable;
import io.vecta.runtime.interfaces.SwInterface;
import io.vecta.runtime.ip.Ip4InterfaceAddresses;
import io.vecta.sdk.buffer.Buffers;
import io.vecta.sdk.packet.ArpLayer;
import io.vecta.sdk.packet.DecodedPacket;
import io.vecta.sdk.packet.Ethernet;
import io.vecta.sdk.packet.Ip4Address;
import io.vecta.sdk.packet.Ip4Prefix;
import io.vecta.sdk.packet.MacAddress;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The ARP requests the IPv4 path sends: broadcast, from the right address, tagged on a sub-interface. */
class ArpRequestsTest {

    private final BufferPools pools = BufferPools.create(
            BufferConfig.builder().buffersPerNuma(64).pageSize(BufferPageSize.SIZE_4K).build(), 1);
    private final Buffers buffers = pools.buffers();
    private final Graph graph = Graph.build(PluginLoader.current().fromClassPath(getClass().getClassLoader()));
    private final InterfaceTable table = InterfaceTable.of(graph);
    private final Ip4InterfaceAddresses addresses = Ip4InterfaceAddresses.of(graph);

    @AfterEach
    void close() {
        pools.close();
    }

    private int buffer() {
        int[] bi = new int[1];
        pools.allocator(0).allocExactly(bi, 0, 1);
        buffers.setCurrentData(bi[0], 40);
        return bi[0];
    }

    @Test
    void shouldWriteABroadcastRequestFromTheAddressInTheTargetsSubnet() {
        SwInterface loop = Loopbacks.of(graph).create(OptionalLong.empty(), OptionalInt.empty());
        addresses.add(loop, Ip4Prefix.parse("192.0.2.1/24"));
        addresses.add(loop, Ip4Prefix.parse("10.1.0.1/16"));
        int bi = buffer();

        ArpRequests.write(buffers, bi, loop, addresses, Ip4Address.parse("10.1.7.7"));

        DecodedPacket packet = DecodedPacket.decode(buffers.contents(bi));
        assertThat(packet.ethernet().dst()).isEqualTo(Ethernet.BROADCAST);
        assertThat(packet.ethernet().src()).isEqualTo(MacAddress.parse("de:ad:00:00:00:00"));
        assertThat(packet.ethernet().etherType()).isEqualTo(Ethernet.ETHER_TYPE_ARP);
        ArpLayer arp = packet.arp();
        assertThat(arp.isEthernetIp4()).isTrue();
        assertThat(arp.opcode()).isEqualTo(1);
        assertThat(arp.senderMac()).isEqualTo(loop.mac());
        assertThat(arp.senderIp()).isEqualTo(Ip4Address.parse("10.1.0.1"));
        assertThat(arp.targetMac()).isZero();
        assertThat(arp.targetIp()).isEqualTo(Ip4Address.parse("10.1.7.7"));
        assertThat(buffers.currentLength(bi)).isEqualTo(Ethernet.HEADER_LENGTH + 28);
        assertThat(buffers.txSwIfIndex(bi)).isEqualTo(loop.swIfIndex());
        pools.allocator(0).free(new int[] {bi}, 0, 1);
    }

    @Test
    void shouldTagTheRequestOfASubInterface() {
        SwInterface loop = Loopbacks.of(graph).create(OptionalLong.empty(), OptionalInt.empty());
        SwInterface sub = table.createSubInterface(loop, 3, 300, true);
        addresses.add(sub, Ip4Prefix.parse("10.3.0.1/24"));
        int bi = buffer();

        ArpRequests.write(buffers, bi, sub, addresses, Ip4Address.parse("10.3.0.9"));

        DecodedPacket packet = DecodedPacket.decode(buffers.contents(bi));
        assertThat(packet.vlans()).singleElement().satisfies(tag -> {
            assertThat(tag.vid()).isEqualTo(300);
            assertThat(tag.etherType()).isEqualTo(Ethernet.ETHER_TYPE_ARP);
        });
        assertThat(packet.arp().senderIp()).isEqualTo(Ip4Address.parse("10.3.0.1"));
        assertThatThrownBy(() -> ArpRequests.write(buffers, bi, sub, addresses, Ip4Address.parse("10.4.0.9")))
                .isInstanceOf(InterfaceException.class)
                .hasMessage("cannot ARP for 10.4.0.9 on loop0.3: no address of the interface has it in its subnet"
                        + " ([10.3.0.1/24])");
        pools.allocator(0).free(new int[] {bi}, 0, 1);
    }
}
