package io.vecta.testkit.ip4;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.sdk.packet.Checksum;
import io.vecta.sdk.packet.DecodedPacket;
import io.vecta.sdk.packet.Ethernet;
import io.vecta.sdk.packet.Icmp;
import io.vecta.sdk.packet.Ip4Address;
import io.vecta.sdk.packet.Ip4Layer;
import io.vecta.sdk.packet.IpProtocol;
import io.vecta.sdk.packet.MacAddress;
import io.vecta.testkit.Packets;
import io.vecta.testkit.PgPort;
import io.vecta.testkit.VectaExtension;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** IPv4 forwarding through ip4-input, ip4-lookup and ip4-rewrite, pg port to pg port, as VPP forwards. */
class Ip4ForwardingTest {

    private static final String NEIGHBOUR_MAC = "02:00:00:00:01:02";

    @RegisterExtension
    final VectaExtension vecta = VectaExtension.withDefaults();

    private PgPort pg0;
    private PgPort pg1;

    @BeforeEach
    void twoSubnetsAndARoute() {
        pg0 = vecta.pg(0);
        pg1 = vecta.pg(1);
        vecta.cli("set interface ip address pg0 10.0.0.1/24");
        vecta.cli("set interface ip address pg1 10.0.1.1/24");
        vecta.cli("set ip neighbor pg0 10.0.0.2 " + pg0.peerMac());
        vecta.cli("set ip neighbor pg1 10.0.1.2 " + NEIGHBOUR_MAC);
        vecta.cli("ip route add 48.0.0.0/8 via 10.0.1.2 pg1");
    }

    private Packets udpTo(String dst) {
        return Packets.ethernet(pg0.peerMac(), pg0.mac()).ip4("10.0.0.2", dst).udp(1234, 5678).payload(18);
    }

    @Test
    void shouldForwardWithTheNeighboursMacOneLessTtlAndAValidChecksum() {
        byte[] sent = udpTo("48.0.0.1").build();

        DecodedPacket out = vecta.sendAndExpect(pg0, List.of(sent), pg1).getFirst();

        DecodedPacket in = DecodedPacket.decode(sent);
        assertThat(out.ethernet().dst()).isEqualTo(MacAddress.parse(NEIGHBOUR_MAC));
        assertThat(out.ethernet().src()).isEqualTo(pg1.macValue());
        assertThat(out.ethernet().etherType()).isEqualTo(Ethernet.ETHER_TYPE_IP4);
        Ip4Layer ip = out.ip4();
        Ip4Layer before = in.ip4();
        assertThat(ip.ttl()).isEqualTo(before.ttl() - 1);
        assertThat(ip.checksum().isCorrect()).as(out.show()).isTrue();
        assertThat(ip.checksum().value()).isNotEqualTo(before.checksum().value());
        assertThat(ip.src()).isEqualTo(Ip4Address.parse("10.0.0.2"));
        assertThat(ip.dst()).isEqualTo(Ip4Address.parse("48.0.0.1"));
        assertThat(List.of(ip.version(), ip.ihl(), ip.tos(), ip.totalLength(), ip.identification(),
                ip.flagsAndFragmentOffset(), ip.protocol())).isEqualTo(List.of(before.version(), before.ihl(),
                before.tos(), before.totalLength(), before.identification(), before.flagsAndFragmentOffset(),
                before.protocol()));
        assertThat(out.udp()).isEqualTo(in.udp());
        assertThat(out.payload()).isEqualTo(in.payload());
        assertThat(out.length()).isEqualTo(sent.length);
        assertThat(out.isValid()).as(out.show()).isTrue();
        assertThat(vecta.vectors("ip4-rewrite")).isEqualTo(1);
    }

    @Test
    void shouldTraceEachIp4NodeInVppsLayout() {
        vecta.sendAndExpect(pg0, List.of(udpTo("48.0.0.1").build()), pg1);

        String trace = vecta.cli("show trace");
        assertThat(trace).contains("ip4-input\n  UDP: 10.0.0.2 -> 48.0.0.1\n    tos 0x00, ttl 64,");
        assertThat(trace).containsPattern("ip4-lookup\n  fib 0 dpo-idx \\d+ flow hash: 0x00000000\n  UDP: 10.0.0.2 -> 48.0.0.1");
        assertThat(trace).containsPattern("ip4-rewrite\n  tx_sw_if_index " + pg1.swIfIndex() + " dpo-idx \\d+ : ipv4 via"
                + " 10.0.1.2 pg1: mtu:9000 next:0 flags:\\[\\] 020000000102" + pg1.mac().replace(":", "")
                + "0800 flow hash: 0x00000000\n  00000000: 020000000102");
    }

    @Test
    void shouldDropEachBadHeaderUnderItsOwnReason() {
        byte[] good = udpTo("48.0.0.1").build();
        int ip = Ethernet.HEADER_LENGTH;
        byte[] shortOne = Arrays.copyOf(good, ip + 16);
        byte[] badChecksum = good.clone();
        badChecksum[ip + 10] ^= 0x5a;
        byte[] version6 = good.clone();
        version6[ip] = 0x65;
        byte[] ihl4 = good.clone();
        ihl4[ip] = 0x44;
        byte[] tooLong = good.clone();
        tooLong[ip + 2] = 0x03;
        fixChecksum(tooLong);
        byte[] ttl0 = udpTo("48.0.0.1").ttl(0).build();

        vecta.sendAndAssertNoReplies(pg0, List.of(shortOne, badChecksum, version6, ihl4, tooLong, ttl0), pg1);

        assertThat(vecta.errors("ip4-input", "ip4 length < 20 bytes")).isEqualTo(1);
        assertThat(vecta.errors("ip4-input", "bad ip4 checksum")).isEqualTo(1);
        assertThat(vecta.errors("ip4-input", "ip4 version != 4")).isEqualTo(1);
        assertThat(vecta.errors("ip4-input", "ip4 IHL < 5")).isEqualTo(1);
        assertThat(vecta.errors("ip4-input", "ip4 length > l2 length")).isEqualTo(1);
        assertThat(vecta.errors("ip4-input", "ip4 ttl <= 1")).isEqualTo(1);
        assertThat(vecta.vectors("ip4-lookup")).as("only the time exceeded message").isEqualTo(1);
        assertThat(vecta.errors("ip4-icmp-error", "hop limit exceeded response sent")).isEqualTo(1);
    }

    @Test
    void shouldDropEachBadPacketSentAloneUnderItsOwnCounterOnly() {
        byte[] good = udpTo("48.0.0.1").build();
        int ip = Ethernet.HEADER_LENGTH;
        byte[] badChecksum = good.clone();
        badChecksum[ip + 10] ^= 0x5a;
        byte[] version5 = good.clone();
        version5[ip] = 0x55;
        Packets unknownType = Packets.ethernet(pg0.peerMac(), pg0.mac()).payload(46);
        unknownType.builder().etherType(0x88b5);
        Map<String, byte[]> bad = new java.util.LinkedHashMap<>();
        bad.put("ethernet-input/ethernet header truncated", Arrays.copyOf(good, 12));
        bad.put("ethernet-input/unknown ethernet type", unknownType.build());
        bad.put("ip4-input/ip4 length < 20 bytes", Arrays.copyOf(good, ip + 19));
        bad.put("ip4-input/bad ip4 checksum", badChecksum);
        bad.put("ip4-input/ip4 version != 4", version5);
        bad.put("ip4-rewrite/ip4 ttl <= 1", udpTo("48.0.0.1").ttl(1).build());

        for (Map.Entry<String, byte[]> each : bad.entrySet()) {
            vecta.cli("clear errors");
            String[] nodeAndReason = each.getKey().split("/");

            vecta.sendAndAssertNoReplies(pg0, List.of(each.getValue()), pg1);

            assertThat(vecta.errors(nodeAndReason[0], nodeAndReason[1])).as(each.getKey()).isEqualTo(1);
            assertThat(countedReasons()).as("the only reason counted for " + each.getKey())
                    .containsExactlyInAnyOrderElementsOf(nodeAndReason[1].equals("ip4 ttl <= 1")
                            ? List.of("ip4 ttl <= 1", "hop limit exceeded response sent") : List.of(nodeAndReason[1]));
        }
    }

    /** The reasons {@code show errors} lists with a count. */
    private List<String> countedReasons() {
        return vecta.cli("show errors").lines().skip(1).filter(line -> !line.isBlank())
                .map(line -> line.strip().split("\\s{2,}")).filter(columns -> columns.length >= 3)
                .map(columns -> columns[2]).toList();
    }

    @Test
    void shouldAnswerTtlExpiryWithTimeExceededToTheSender() {
        byte[] sent = udpTo("48.0.0.1").ttl(1).build();

        DecodedPacket reply = vecta.sendAndExpect(pg0, List.of(sent), pg0).getFirst();

        assertThat(reply.ethernet().dst()).isEqualTo(MacAddress.parse(pg0.peerMac()));
        assertThat(reply.ethernet().src()).isEqualTo(pg0.macValue());
        assertThat(reply.ip4().src()).isEqualTo(Ip4Address.parse("10.0.0.1"));
        assertThat(reply.ip4().dst()).isEqualTo(Ip4Address.parse("10.0.0.2"));
        assertThat(reply.ip4().protocol()).isEqualTo(IpProtocol.ICMP);
        assertThat(reply.ip4().ttl()).as("made here: not forwarded, so not decremented").isEqualTo(255);
        assertThat(reply.ip4().checksum().isCorrect()).isTrue();
        assertThat(reply.icmp().type()).isEqualTo(Icmp.TYPE_TIME_EXCEEDED);
        assertThat(reply.icmp().code()).isZero();
        assertThat(reply.icmp().checksum().isCorrect()).as(reply.show()).isTrue();
        byte[] quoted = Arrays.copyOfRange(sent, Ethernet.HEADER_LENGTH, sent.length);
        assertThat(reply.ip4().totalLength()).isEqualTo(28 + quoted.length);
        byte[] frame = reply.payload();
        assertThat(Arrays.copyOfRange(frame, frame.length - quoted.length, frame.length)).isEqualTo(quoted);
        assertThat(vecta.errors("ip4-rewrite", "ip4 ttl <= 1")).isEqualTo(1);
        assertThat(vecta.errors("ip4-icmp-error", "hop limit exceeded response sent")).isEqualTo(1);
    }

    @Test
    void shouldForwardEveryGoodPacketOfAFrameThatAlsoHoldsAnExpiredOne() {
        // a frame of expired packets first, so that the node's per-packet state holds their outcome
        vecta.sendAndExpect(pg0, Packets.each(3, i -> udpTo("48.0.0.9").ttl(1)), pg0);
        List<byte[]> frame = Packets.each(7, i -> udpTo("48.0.0." + (i + 1)).ttl(i == 3 ? 1 : 64));

        List<DecodedPacket> forwarded = vecta.sendAndExpect(pg0, frame, pg1, 6);

        assertThat(forwarded).extracting(p -> p.ip4().dst()).containsExactly(Ip4Address.parse("48.0.0.1"),
                Ip4Address.parse("48.0.0.2"), Ip4Address.parse("48.0.0.3"), Ip4Address.parse("48.0.0.5"),
                Ip4Address.parse("48.0.0.6"), Ip4Address.parse("48.0.0.7"));
        assertThat(forwarded).allSatisfy(p -> assertThat(p.ip4().ttl()).isEqualTo(63));
        assertThat(vecta.errors("ip4-rewrite", "ip4 ttl <= 1")).isEqualTo(3 + 1);
    }

    @Test
    void shouldAnswerTooBigWithDfSetWithFragmentationNeededAndTheMtu() {
        vecta.cli("set interface mtu 100 pg1");
        byte[] sent = Packets.ethernet(pg0.peerMac(), pg0.mac()).ip4("10.0.0.2", "48.0.0.1").udp(1, 2).payload(200)
                .builder().flagsAndFragmentOffset(0x4000).build();
        byte[] noDf = udpTo("48.0.0.1").payload(200).build();

        DecodedPacket reply = vecta.sendAndExpect(pg0, List.of(sent, noDf), pg0, 1).getFirst();

        assertThat(reply.icmp().type()).isEqualTo(Icmp.TYPE_DESTINATION_UNREACHABLE);
        assertThat(reply.icmp().code()).isEqualTo(4);
        assertThat(reply.icmp().restOfHeader()).isEqualTo(100);
        assertThat(vecta.errors("ip4-rewrite", "ip4 MTU exceeded and DF set")).isEqualTo(1);
        assertThat(vecta.errors("ip4-rewrite", "ip4 MTU exceeded, fragmentation not done")).isEqualTo(1);
    }

    @Test
    void shouldSpreadFlowsOverFourEqualPathsAndKeepEachFlowOnOne() {
        vecta.cli("ip route del 48.0.0.0/8");
        for (int h = 3; h <= 5; h++) {
            vecta.cli("set ip neighbor pg1 10.0.1." + h + " 02:00:00:00:01:0" + h);
        }
        vecta.cli("ip route add 48.0.0.0/8 via 10.0.1.2 pg1 via 10.0.1.3 pg1 via 10.0.1.4 pg1 via 10.0.1.5 pg1");
        List<byte[]> flows = Packets.each(128, i -> Packets.ethernet(pg0.peerMac(), pg0.mac())
                .ip4("10.0.0.2", "48.0.0." + (i % 64)).udp(1000 + i, 5678).payload(18));

        List<DecodedPacket> first = vecta.sendAndExpect(pg0, flows, pg1);
        List<DecodedPacket> again = vecta.sendAndExpect(pg0, flows, pg1);

        Map<Long, Long> perNeighbour = first.stream().collect(Collectors.groupingBy(p -> p.ethernet().dst(),
                Collectors.counting()));
        assertThat(perNeighbour.keySet()).containsExactlyInAnyOrder(MacAddress.parse(NEIGHBOUR_MAC),
                MacAddress.parse("02:00:00:00:01:03"), MacAddress.parse("02:00:00:00:01:04"),
                MacAddress.parse("02:00:00:00:01:05"));
        assertThat(perNeighbour.values()).allSatisfy(n -> assertThat(n).isGreaterThan(10));
        Function<DecodedPacket, String> flowAndPath = p -> p.udp().srcPort() + ">" + p.ethernet().dst();
        assertThat(again.stream().map(flowAndPath).sorted().toList())
                .isEqualTo(first.stream().map(flowAndPath).sorted().toList());
        assertThat(vecta.cli("show ip fib 48.0.0.0/8")).contains("buckets:4");
    }

    @Test
    void shouldAskForAnUnknownNextHopWithArpAndForwardOnceItAnswers() {
        vecta.cli("ip route add 49.0.0.0/8 via 10.0.1.9 pg1");

        DecodedPacket request = vecta.sendAndExpect(pg0, List.of(udpTo("49.0.0.1").build()), pg1).getFirst();

        assertThat(request.ethernet().dst()).isEqualTo(Ethernet.BROADCAST);
        assertThat(request.ethernet().src()).isEqualTo(pg1.macValue());
        assertThat(request.arp().opcode()).isEqualTo(1);
        assertThat(request.arp().senderMac()).isEqualTo(pg1.macValue());
        assertThat(request.arp().senderIp()).isEqualTo(Ip4Address.parse("10.0.1.1"));
        assertThat(request.arp().targetIp()).isEqualTo(Ip4Address.parse("10.0.1.9"));
        assertThat(vecta.errors("ip4-arp", "ARP requests sent")).isEqualTo(1);

        vecta.sendAndAssertNoReplies(pg1, List.of(Packets.ethernet("02:00:00:00:01:09", pg1.mac())
                .arpReply("02:00:00:00:01:09", "10.0.1.9", pg1.mac(), "10.0.1.1").build()), pg0, pg1);
        List<DecodedPacket> forwarded = vecta.sendAndExpect(pg0, udpTo("49.0.0.1").times(2), pg1);

        assertThat(forwarded).allSatisfy(p -> {
            assertThat(p.ethernet().dst()).isEqualTo(MacAddress.parse("02:00:00:00:01:09"));
            assertThat(p.ip4().ttl()).isEqualTo(63);
        });
    }

    @Test
    void shouldSendOneArpRequestForABurstTowardsOneUnknownNextHop() {
        vecta.cli("ip route add 49.0.0.0/8 via 10.0.1.9 pg1");

        List<DecodedPacket> requests = vecta.sendAndExpect(pg0, udpTo("49.0.0.1").times(3), pg1, 1);

        assertThat(requests.getFirst().arp().targetIp()).isEqualTo(Ip4Address.parse("10.0.1.9"));
        assertThat(vecta.errors("ip4-arp", "ARP requests sent")).isEqualTo(1);
        assertThat(vecta.errors("ip4-arp", "ARP requests throttled")).isEqualTo(2);
    }

    @Test
    void shouldGleanAnUnknownHostOfAConnectedSubnet() {
        DecodedPacket request = vecta.sendAndExpect(pg0, List.of(udpTo("10.0.1.77").build()), pg1).getFirst();

        assertThat(request.arp().targetIp()).isEqualTo(Ip4Address.parse("10.0.1.77"));
        assertThat(request.arp().senderIp()).isEqualTo(Ip4Address.parse("10.0.1.1"));
        assertThat(vecta.errors("ip4-glean", "ARP requests sent")).isEqualTo(1);
    }

    @Test
    void shouldDropWhatNoRouteCoversAndCountIt() {
        vecta.sendAndAssertNoReplies(pg0, List.of(udpTo("99.1.2.3").build()), pg0, pg1);

        assertThat(vecta.errors("ip4-lookup", "ip4 destination lookup miss")).isEqualTo(1);
    }

    @Test
    void shouldAnswerAnEchoRequestToOurAddress() {
        byte[] sent = Packets.ethernet(pg0.peerMac(), pg0.mac()).ip4("10.0.0.2", "10.0.0.1").icmpEcho(77, 3)
                .payload(32).build();

        DecodedPacket reply = vecta.sendAndExpect(pg0, List.of(sent), pg0).getFirst();

        assertThat(reply.ethernet().dst()).isEqualTo(MacAddress.parse(pg0.peerMac()));
        assertThat(reply.ip4().src()).isEqualTo(Ip4Address.parse("10.0.0.1"));
        assertThat(reply.ip4().dst()).isEqualTo(Ip4Address.parse("10.0.0.2"));
        assertThat(reply.ip4().checksum().isCorrect()).isTrue();
        assertThat(reply.ip4().ttl()).isEqualTo(64);
        assertThat(reply.icmp().type()).isEqualTo(Icmp.TYPE_ECHO_REPLY);
        assertThat(reply.icmp().echoId()).isEqualTo(77);
        assertThat(reply.icmp().echoSequence()).isEqualTo(3);
        assertThat(reply.icmp().checksum().isCorrect()).as(reply.show()).isTrue();
        assertThat(reply.payload()).isEqualTo(DecodedPacket.decode(sent).payload());
        assertThat(vecta.errors("ip4-icmp-input", "echo replies sent")).isEqualTo(1);
    }

    @Test
    void shouldDropOtherProtocolsForUsAsUnknown() {
        vecta.sendAndAssertNoReplies(pg0, List.of(udpTo("10.0.0.1").build()), pg0, pg1);

        assertThat(vecta.errors("ip4-local", "unknown ip protocol")).isEqualTo(1);
    }

    private static void fixChecksum(byte[] frame) {
        MemorySegment m = MemorySegment.ofArray(frame);
        int ip = Ethernet.HEADER_LENGTH;
        frame[ip + 10] = 0;
        frame[ip + 11] = 0;
        int sum = Checksum.compute(m, ip, 20);
        frame[ip + 10] = (byte) (sum >>> 8);
        frame[ip + 11] = (byte) sum;
    }
}
