package io.vecta.sdk.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Model-based: random frames of every shape {@link PacketBuilder} makes decode back into the
 * layers a plain model of the chosen fields predicts, with every checksum correct; and every
 * prefix of them decodes without throwing and ends with a truncation marker.
 */
class DecodedPacketRoundTripTest {

    private static final long SEED = 0x5eed_dec0_de00L;
    private static final int CASES = 400;

    private enum Network { ARP, IP4, IP6, OTHER }

    private enum Transport { NONE, ICMP, UDP, TCP }

    /** The model: every field a case chose, and the layers a correct decoder must report. */
    private record Case(PacketBuilder builder, List<Layer> expected, boolean transportUnverifiable) {
    }

    @Test
    void shouldDecodeEveryBuiltShapeBackToItsFields() {
        Random random = new Random(SEED);
        for (int i = 0; i < CASES; i++) {
            Case c = randomCase(random);
            byte[] frame = c.builder().build();
            DecodedPacket packet = DecodedPacket.decode(frame);
            int index = i;
            Supplier<String> context = () -> "seed 0x" + Long.toHexString(SEED) + " case " + index + "\n"
                    + packet.show();

            assertThat(packet.layers()).as(context).hasSameSizeAs(c.expected());
            for (int l = 0; l < c.expected().size(); l++) {
                Layer actual = packet.layers().get(l);
                assertThat(actual).as(context).isEqualTo(withChecksumOf(c.expected().get(l), actual));
                checksumOf(actual).ifPresent(check -> assertThat(check.verdict()).as(context).isEqualTo(
                        c.transportUnverifiable() && !(actual instanceof Ip4Layer)
                                ? ChecksumCheck.Verdict.UNVERIFIED : ChecksumCheck.Verdict.CORRECT));
            }
            assertThat(packet.length()).as(context).isEqualTo(frame.length);
        }
    }

    @Test
    void shouldDecodeEveryPrefixOfEveryShapeWithoutThrowing() {
        Random random = new Random(SEED + 1);
        for (int i = 0; i < CASES / 8; i++) {
            byte[] frame = randomCase(random).builder().build();
            assertPrefixesDecode(frame, "seed 0x" + Long.toHexString(SEED + 1) + " case " + i);
        }
    }

    @Test
    void shouldDecodeEveryPrefixOfATcpOverIp6SegmentWithoutThrowing() {
        byte[] frame = PacketBuilder.ethernet(CapturedFrames.MAC_B, CapturedFrames.MAC_A)
                .vlan(Ethernet.ETHER_TYPE_QINQ, 1, false, 10).vlan(Ethernet.ETHER_TYPE_VLAN, 2, true, 20)
                .ip6(Ip6Address.parse("2001:db8::1"), Ip6Address.parse("2001:db8::2"))
                .tcp(40000, 80).tcpOptions(new byte[] {2, 4, 5, (byte) 0xb4, 1, 1, 4, 2}).tcpFlags(Tcp.FLAG_SYN)
                .payload(new byte[] {1, 2, 3, 4, 5}).build();
        assertPrefixesDecode(frame, "tcp over ipv6");
        assertPrefixesDecode(CapturedFrames.bytes(CapturedFrames.TCP6_SYN), "captured tcp over ipv6");
        assertPrefixesDecode(CapturedFrames.bytes(CapturedFrames.IP4_RECORD_ROUTE), "captured ipv4 options");
    }

    @Test
    void shouldDecodeCorruptedFramesWithoutThrowing() {
        long seed = SEED + 2;
        Random random = new Random(seed);
        for (int i = 0; i < CASES; i++) {
            byte[] frame = randomCase(random).builder().build();
            int flips = 1 + random.nextInt(6);
            for (int f = 0; f < flips; f++) {
                // mostly in the headers, where a wrong byte changes how the rest is read
                frame[random.nextInt(Math.min(frame.length, 80))] = (byte) random.nextInt(256);
            }
            int index = i;
            DecodedPacket packet;
            try {
                packet = DecodedPacket.decode(frame);
            } catch (RuntimeException e) {
                throw new AssertionError("seed 0x" + Long.toHexString(seed) + " case " + index + ": decoding threw", e);
            }
            assertThat(packet.show()).as(() -> "seed 0x" + Long.toHexString(seed) + " case " + index).isNotEmpty();
            assertThat(packet.layers().getFirst()).isInstanceOf(EthernetLayer.class);
        }
    }

    /**
     * Every prefix decodes. One that stops before the packet's end (the bytes its length fields
     * and headers need, padding excluded) ends with a {@link TruncatedLayer}, is not valid, and
     * has the full frame's layers before the marker; a longer one is not truncated.
     */
    private static void assertPrefixesDecode(byte[] frame, String what) {
        DecodedPacket full = DecodedPacket.decode(frame);
        int packetEnd = frame.length - full.find(PaddingLayer.class).map(p -> p.bytes().length()).orElse(0);
        boolean lengthKnown = full.has(Ip4Layer.class) || full.has(Ip6Layer.class) || full.has(ArpLayer.class);
        if (!lengthKnown) {
            packetEnd -= full.find(RawLayer.class).map(r -> r.bytes().length()).orElse(0);
        }
        for (int cut = 0; cut < frame.length; cut++) {
            byte[] prefix = Arrays.copyOf(frame, cut);
            int bytes = cut;
            Supplier<String> context = () -> what + ", first " + bytes + " of " + frame.length + " bytes of "
                    + full.summary();
            DecodedPacket packet;
            try {
                packet = DecodedPacket.decode(prefix);
            } catch (RuntimeException e) {
                throw new AssertionError(context.get() + ": decoding threw", e);
            }
            List<Layer> layers = packet.layers();
            Supplier<String> decoded = () -> context.get() + " -> " + packet.summary();
            assertThat(packet.isTruncated()).as(decoded).isEqualTo(cut < packetEnd);
            if (cut < packetEnd) {
                assertThat(layers.getLast()).as(decoded).isInstanceOf(TruncatedLayer.class);
                assertThat(packet.isValid()).as(decoded).isFalse();
            }
            for (int l = 0; l < layers.size() - 1; l++) {
                assertThat(layers.get(l).getClass()).as(decoded).isEqualTo(full.layers().get(l).getClass());
            }
            assertThat(packet.show()).as(decoded).isNotEmpty();
        }
    }

    private static Case randomCase(Random random) {
        List<Layer> expected = new ArrayList<>();
        long dst = random.nextLong() >>> 16;
        long src = random.nextLong() >>> 16;
        PacketBuilder builder = PacketBuilder.ethernet(dst, src);

        int tagCount = random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 0;
        int[][] tags = new int[tagCount][];
        for (int t = 0; t < tagCount; t++) {
            int tpid = random.nextBoolean() ? Ethernet.ETHER_TYPE_VLAN : Ethernet.ETHER_TYPE_QINQ;
            tags[t] = new int[] {tpid, random.nextInt(8), random.nextInt(2), random.nextInt(4096)};
            builder.vlan(tpid, tags[t][1], tags[t][2] == 1, tags[t][3]);
        }

        Network network = Network.values()[random.nextInt(Network.values().length)];
        int networkType = switch (network) {
            case ARP -> Ethernet.ETHER_TYPE_ARP;
            case IP4 -> Ethernet.ETHER_TYPE_IP4;
            case IP6 -> Ethernet.ETHER_TYPE_IP6;
            case OTHER -> 0x88b5; // IEEE local experimental
        };
        expected.add(new EthernetLayer(dst, src, tagCount > 0 ? tags[0][0] : networkType));
        for (int t = 0; t < tagCount; t++) {
            expected.add(new VlanLayer(tags[t][0], tags[t][1], tags[t][2] == 1, tags[t][3],
                    t + 1 < tagCount ? tags[t + 1][0] : networkType));
        }

        byte[] payload = randomBytes(random, random.nextInt(4) == 0 ? 0 : random.nextInt(80));
        Transport transport = network == Network.IP4 || network == Network.IP6
                ? Transport.values()[random.nextInt(Transport.values().length)] : Transport.NONE;
        byte[] tcpOptions = randomBytes(random, transport == Transport.TCP && random.nextBoolean()
                ? 4 * random.nextInt(11) : 0);
        int transportHeader = transportLength(transport, tcpOptions.length);
        int headers = Ethernet.HEADER_LENGTH + Vlan.TAG_LENGTH * tagCount;
        boolean unverifiable = false;
        boolean transportDecoded = true;
        int ip4Options = 0;

        switch (network) {
            case ARP -> {
                int opcode = random.nextBoolean() ? Arp.OPCODE_REQUEST : Arp.OPCODE_REPLY;
                long senderMac = random.nextLong() >>> 16;
                long targetMac = random.nextLong() >>> 16;
                int senderIp = random.nextInt();
                int targetIp = random.nextInt();
                builder.arp(opcode, senderMac, senderIp, targetMac, targetIp);
                expected.add(new ArpLayer(Arp.HARDWARE_TYPE_ETHERNET, Ethernet.ETHER_TYPE_IP4, 6, 4, opcode,
                        senderMac, senderIp, targetMac, targetIp));
                headers += Arp.LENGTH;
                payload = new byte[0];
            }
            case IP4 -> {
                int ip4Src = random.nextInt();
                int ip4Dst = random.nextInt();
                int tos = random.nextInt(256);
                int id = random.nextInt(65536);
                int ttl = random.nextInt(256);
                int flags = switch (random.nextInt(6)) {
                    case 0 -> Ip4.FLAG_MORE_FRAGMENTS;
                    case 1 -> Ip4.FLAG_MORE_FRAGMENTS | (1 + random.nextInt(100));
                    case 2 -> 1 + random.nextInt(100);
                    case 3 -> 0;
                    default -> Ip4.FLAG_DONT_FRAGMENT;
                };
                byte[] options = randomBytes(random, random.nextInt(3) == 0 ? 4 * random.nextInt(11) : 0);
                ip4Options = options.length;
                builder.ip4(ip4Src, ip4Dst).tos(tos).identification(id).ttl(ttl).flagsAndFragmentOffset(flags)
                        .ip4Options(options);
                int protocol = switch (transport) {
                    case NONE -> 253; // experimentation and testing
                    case ICMP -> IpProtocol.ICMP;
                    case UDP -> IpProtocol.UDP;
                    case TCP -> IpProtocol.TCP;
                };
                if (transport == Transport.NONE) {
                    builder.protocol(protocol);
                }
                int totalLength = 20 + options.length + transportHeader + payload.length;
                expected.add(new Ip4Layer(4, 5 + options.length / 4, tos, totalLength, id, flags, ttl, protocol, null,
                        ip4Src, ip4Dst, Bytes.of(options), LengthCheck.CORRECT));
                unverifiable = (flags & Ip4.FLAG_MORE_FRAGMENTS) != 0;
                transportDecoded = (flags & Ip4.FRAGMENT_OFFSET_MASK) == 0;
                headers += 20 + options.length;
            }
            case IP6 -> {
                byte[] ip6Src = randomBytes(random, 16);
                byte[] ip6Dst = randomBytes(random, 16);
                int trafficClass = random.nextInt(256);
                int flowLabel = random.nextInt(1 << 20);
                int hopLimit = random.nextInt(256);
                builder.ip6(ip6Src, ip6Dst).trafficClass(trafficClass).flowLabel(flowLabel).hopLimit(hopLimit);
                int nextHeader = switch (transport) {
                    case NONE -> IpProtocol.NO_NEXT_HEADER;
                    case ICMP -> IpProtocol.ICMP6;
                    case UDP -> IpProtocol.UDP;
                    case TCP -> IpProtocol.TCP;
                };
                expected.add(new Ip6Layer(6, trafficClass, flowLabel, transportHeader + payload.length,
                        nextHeader, hopLimit, Ip6Address.hi(ip6Src), Ip6Address.lo(ip6Src), Ip6Address.hi(ip6Dst),
                        Ip6Address.lo(ip6Dst), LengthCheck.CORRECT));
                headers += Ip6.HEADER_LENGTH;
            }
            case OTHER -> builder.etherType(networkType);
        }

        int transportStart = headers;
        switch (transport) {
            case NONE -> { }
            case ICMP -> {
                int type = random.nextInt(256);
                int code = random.nextInt(256);
                int rest = random.nextInt();
                builder.icmp(type, code, rest);
                expected.add(new IcmpLayer(network == Network.IP6, type, code, null, rest));
            }
            case UDP -> {
                int srcPort = random.nextInt(65536);
                int dstPort = random.nextInt(65536);
                builder.udp(srcPort, dstPort);
                expected.add(new UdpLayer(srcPort, dstPort, 8 + payload.length, null, LengthCheck.CORRECT));
            }
            case TCP -> {
                int srcPort = random.nextInt(65536);
                int dstPort = random.nextInt(65536);
                long sequence = random.nextLong() >>> 32;
                long acknowledgment = random.nextLong() >>> 32;
                int flags = random.nextInt(256);
                int window = random.nextInt(65536);
                int urgent = random.nextInt(65536);
                builder.tcp(srcPort, dstPort).sequence(sequence).acknowledgment(acknowledgment).tcpFlags(flags)
                        .window(window).urgentPointer(urgent).tcpOptions(tcpOptions);
                expected.add(new TcpLayer(srcPort, dstPort, sequence, acknowledgment, 5 + tcpOptions.length / 4,
                        flags, window, null, urgent, Bytes.of(tcpOptions), LengthCheck.CORRECT));
            }
        }
        builder.payload(payload);

        byte[] payloadAsDecoded = payload;
        if (!transportDecoded && transport != Transport.NONE) {
            // a later fragment: its transport header is the middle of someone's payload
            expected.removeLast();
            payloadAsDecoded = null;
        }
        int packetEnd = transportStart + transportHeader + payload.length;
        int padTo = random.nextInt(3) == 0 ? packetEnd + 1 + random.nextInt(30) : 0;
        builder.padTo(padTo);
        byte[] frame = builder.build();
        int rawStart = transportDecoded ? transportStart + transportHeader : transportStart;
        int rawEnd = network == Network.OTHER ? frame.length : packetEnd;
        if (rawStart < rawEnd) {
            expected.add(new RawLayer(Bytes.copyOf(frame, rawStart, rawEnd)));
        }
        if (payloadAsDecoded != null && network != Network.OTHER && rawStart < rawEnd) {
            assertThat(Arrays.copyOfRange(frame, rawStart, rawEnd)).isEqualTo(payloadAsDecoded);
        }
        if (rawEnd < frame.length) {
            expected.add(new PaddingLayer(Bytes.of(new byte[frame.length - rawEnd])));
        }
        assertThat(ip4Options % 4).isZero();
        return new Case(builder, expected, unverifiable);
    }

    /** Header length of a transport layer with {@code options} bytes of options. */
    private static int transportLength(Transport transport, int options) {
        return switch (transport) {
            case NONE -> 0;
            case ICMP -> Icmp.HEADER_LENGTH;
            case UDP -> Udp.HEADER_LENGTH;
            case TCP -> Tcp.MIN_HEADER_LENGTH + options;
        };
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static java.util.Optional<ChecksumCheck> checksumOf(Layer layer) {
        return Optional.ofNullable(switch (layer) {
            case Ip4Layer ip -> ip.checksum();
            case IcmpLayer icmp -> icmp.checksum();
            case UdpLayer udp -> udp.checksum();
            case TcpLayer tcp -> tcp.checksum();
            default -> null;
        });
    }

    /**
     * The model's layer with the checksum the decoder reported: the model cannot predict
     * checksum values, so their verdicts are checked instead.
     */
    private static Layer withChecksumOf(Layer model, Layer actual) {
        ChecksumCheck check = checksumOf(actual).orElse(null);
        return switch (model) {
            case Ip4Layer ip -> new Ip4Layer(ip.version(), ip.ihl(), ip.tos(), ip.totalLength(), ip.identification(),
                    ip.flagsAndFragmentOffset(), ip.ttl(), ip.protocol(), check, ip.src(), ip.dst(), ip.options(),
                    ip.lengthCheck());
            case IcmpLayer icmp -> new IcmpLayer(icmp.icmp6(), icmp.type(), icmp.code(), check, icmp.restOfHeader());
            case UdpLayer udp -> new UdpLayer(udp.srcPort(), udp.dstPort(), udp.length(), check, udp.lengthCheck());
            case TcpLayer tcp -> new TcpLayer(tcp.srcPort(), tcp.dstPort(), tcp.sequence(), tcp.acknowledgment(),
                    tcp.dataOffset(), tcp.flags(), tcp.window(), check, tcp.urgentPointer(), tcp.options(),
                    tcp.lengthCheck());
            default -> model;
        };
    }
}
