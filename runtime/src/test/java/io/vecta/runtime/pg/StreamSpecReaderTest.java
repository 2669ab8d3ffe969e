package io.vecta.runtime.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vecta.runtime.pg.StreamSpec.EthernetHeader;
import io.vecta.runtime.pg.StreamSpec.IcmpHeader;
import io.vecta.runtime.pg.StreamSpec.Ip4Header;
import io.vecta.runtime.pg.StreamSpec.Ip6Header;
import io.vecta.runtime.pg.StreamSpec.Ip6Range;
import io.vecta.runtime.pg.StreamSpec.PortsHeader;
import io.vecta.sdk.packet.Ethernet;
import io.vecta.sdk.packet.Icmp;
import io.vecta.sdk.packet.Ip4Address;
import io.vecta.sdk.packet.IpProtocol;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StreamSpecReaderTest {

    @Test
    void shouldReadTheBracedFormAsVppWritesIt() {
        StreamSpec spec = StreamSpecReader.read("""
                {
                  name drop limit 50000000 size 64-64 rate 1e6 node error-drop
                  data { IP4: 02:00:00:00:00:aa -> 02:00:00:00:00:05
                         UDP: 10.0.4.2 -> 48.0.0.1
                         UDP: 1234 -> 5678
                         incrementing 22 }
                }
                """);

        assertThat(spec.name()).isEqualTo("drop");
        assertThat(spec.limit()).isEqualTo(50_000_000L);
        assertThat(spec.minSize()).isEqualTo(64);
        assertThat(spec.maxSize()).isEqualTo(64);
        assertThat(spec.rate()).isEqualTo(1e6);
        assertThat(spec.node()).isEqualTo("error-drop");
        assertThat(spec.headers()).containsExactly(
                new EthernetHeader(Ethernet.ETHER_TYPE_IP4, FieldRange.fixed(0x0200_0000_00aaL),
                        FieldRange.fixed(0x0200_0000_0005L)),
                new Ip4Header(IpProtocol.UDP, FieldRange.fixed(Ip4Address.parse("10.0.4.2") & 0xffff_ffffL),
                        FieldRange.fixed(Ip4Address.parse("48.0.0.1") & 0xffff_ffffL), 64),
                new PortsHeader(IpProtocol.UDP, FieldRange.fixed(1234), FieldRange.fixed(5678)));
        assertThat(spec.payload()).hasSize(22).startsWith(0, 1, 2, 3).endsWith(21);
    }

    @Test
    void shouldReadTheOneLineFormWithShortMacsRangesAndIcmp() {
        StreamSpec spec = StreamSpecReader.read("name x limit 10 size 64-64 node ethernet-input data { "
                + "IP4: 1.2.3 -> 4.5.6 ICMP: 10.0.0.1 - 10.0.0.100 -> 10.0.1.1 + 10.0.1.9 ICMP echo_request hex 0xc0ffee }");

        assertThat(spec.headers().get(0)).isEqualTo(new EthernetHeader(Ethernet.ETHER_TYPE_IP4,
                FieldRange.fixed(0x0001_0002_0003L), FieldRange.fixed(0x0004_0005_0006L)));
        Ip4Header ip = (Ip4Header) spec.headers().get(1);
        assertThat(ip.protocol()).isEqualTo(IpProtocol.ICMP);
        assertThat(ip.src()).isEqualTo(new FieldRange(0x0a00_0001L, 0x0a00_0064L, FieldRange.Kind.INCREMENT));
        assertThat(ip.dst()).isEqualTo(new FieldRange(0x0a00_0101L, 0x0a00_0109L, FieldRange.Kind.RANDOM));
        assertThat(spec.headers().get(2)).isEqualTo(new IcmpHeader(Icmp.TYPE_ECHO_REQUEST));
        assertThat(spec.payload()).containsExactly(0xc0, 0xff, 0xee);
    }

    @Test
    void shouldReadPortRangesTcpTtlAndAPcapStream() {
        StreamSpec tcp = StreamSpecReader.read("name t node ip4-input data { TCP: 1.1.1.1 -> 2.2.2.2 ttl 5 "
                + "TCP: 1000 - 1009 -> 80 random 4 }");
        assertThat(tcp.headers().get(0)).isEqualTo(new Ip4Header(IpProtocol.TCP, FieldRange.fixed(0x0101_0101L),
                FieldRange.fixed(0x0202_0202L), 5));
        assertThat(tcp.headers().get(1)).isEqualTo(new PortsHeader(IpProtocol.TCP,
                new FieldRange(1000, 1009, FieldRange.Kind.INCREMENT), FieldRange.fixed(80)));
        assertThat(tcp.payload()).hasSize(4);
        assertThat(tcp.limit()).isZero();

        StreamSpec pcap = StreamSpecReader.read("name r node error-drop pcap \"/tmp/a b.pcap\"");
        assertThat(pcap.pcap()).contains(Path.of("/tmp/a b.pcap"));
        assertThat(pcap.headers()).isEmpty();
    }

    @Test
    void shouldReadAnIp6StreamAsVppWritesIt() {
        StreamSpec spec = StreamSpecReader.read("name v6 limit 5 node ethernet-input data { "
                + "IP6: 00:01:02:03:04:05 -> 00:06:07:08:09:0a  UDP: 2001:db8::1 -> 2001:db8::2  "
                + "UDP: 1234 -> 2345  incrementing 100 }");

        assertThat(spec.headers()).containsExactly(
                new EthernetHeader(Ethernet.ETHER_TYPE_IP6, FieldRange.fixed(0x0001_0203_0405L),
                        FieldRange.fixed(0x0006_0708_090aL)),
                new Ip6Header(IpProtocol.UDP, new Ip6Range(0x2001_0db8_0000_0000L, FieldRange.fixed(1)),
                        new Ip6Range(0x2001_0db8_0000_0000L, FieldRange.fixed(2)), 64, 0),
                new PortsHeader(IpProtocol.UDP, FieldRange.fixed(1234), FieldRange.fixed(2345)));
        assertThat(spec.payload()).hasSize(100);
    }

    @Test
    void shouldReadIp6RangesExtraFieldsTcpAndIcmp6() {
        StreamSpec tcp = StreamSpecReader.read("name t node ip6-input data { "
                + "TCP: 2001:db8::1 - 2001:db8::ff -> fe80::a + fe80::1:0 hop-limit 5 traffic-class 0xb8 "
                + "TCP: 80 -> 1024 - 1030 }");
        assertThat(tcp.headers().getFirst()).isEqualTo(new Ip6Header(IpProtocol.TCP,
                new Ip6Range(0x2001_0db8_0000_0000L, new FieldRange(1, 0xff, FieldRange.Kind.INCREMENT)),
                new Ip6Range(0xfe80_0000_0000_0000L, new FieldRange(0xa, 0x1_0000, FieldRange.Kind.RANDOM)), 5, 0xb8));
        assertThat(tcp.headers().get(1)).isEqualTo(new PortsHeader(IpProtocol.TCP, FieldRange.fixed(80),
                new FieldRange(1024, 1030, FieldRange.Kind.INCREMENT)));

        for (String icmp : new String[] {"ICMP6", "ICMP"}) {
            StreamSpec ping = StreamSpecReader.read("name p node ip6-input data { " + icmp + ": ::1 -> ::ffff:10.0.0.1 "
                    + icmp + " echo_request }");
            assertThat(ping.headers().getFirst()).isEqualTo(new Ip6Header(IpProtocol.ICMP6,
                    new Ip6Range(0, FieldRange.fixed(1)), new Ip6Range(0, FieldRange.fixed(0xffff_0a00_0001L)), 64, 0));
            assertThat(ping.headers().get(1)).isEqualTo(new IcmpHeader(Icmp.TYPE6_ECHO_REQUEST));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            name x node a data { UDP: 2001:db8:::1 -> ::2 }                      | data: '2001:db8:::1' at line 1, column 27 is not an IPv6 address: invalid IPv6 address "2001:db8:::1": expected '::' at most once (like 2001:db8::1)
            name x node a data { UDP: 1:2:3 -> ::2 }                             | data: '1:2:3' at line 1, column 27 is not an IPv6 address: invalid IPv6 address "1:2:3": expected 8 groups of 16 bits (or '::' for a run of zero groups), found 3 (like 2001:db8::1)
            name x node a data { UDP: fe80::1%eth0 -> ::2 }                      | data: 'fe80::1%eth0' at line 1, column 27 is not an IPv6 address: invalid IPv6 address "fe80::1%eth0": expected no zone index ('%' and what follows) in an address (like 2001:db8::1)
            name x node a data { UDP: ::9 - ::1 -> ::2 }                         | data: range ::9 - ::1 at line 1, column 27 is inverted; the first value must not exceed the second
            name x node a data { UDP: 2001:db8::1 - 2001:db9::1 -> ::2 }         | data: range 2001:db8::1 - 2001:db9::1 at line 1, column 27 crosses a /64; the addresses of a range differ in their last 64 bits only
            name x node a data { UDP: ::0 - ::ffff:ffff:ffff:ffff -> ::2 }       | data: range ::0 - ::ffff:ffff:ffff:ffff at line 1, column 27 holds 2^64 addresses; a range holds one fewer at most
            name x node a data { UDP: 2001:db8::1 -> 10.0.0.2 }                  | data: expected an IPv6 address at line 1, column 42, got '10.0.0.2'
            name x node a data { UDP: 10.0.0.1 -> ::2 }                          | data: expected an IPv4 address at line 1, column 39, got '::2'
            name x node a data { IP6: 1.2.3 -> 4.5.6 UDP: 10.0.0.1 -> 10.0.0.2 } | data: header 'UDP:10.0.0.1 -> 10.0.0.2' at line 1, column 42 is out of place: it has IPv4 addresses, so the Ethernet header before it is written 'IP4: mac -> mac'
            name x node a data { IP4: 1.2.3 -> 4.5.6 UDP: ::1 -> ::2 }           | data: header 'UDP:::1 -> ::2' at line 1, column 42 is out of place: it has IPv6 addresses, so the Ethernet header before it is written 'IP6: mac -> mac'
            name x node a data { ICMP6: ::1 -> ::2 ICMP6: 1 -> 2 }               | data: header 'ICMP6:1 -> 2' at line 1, column 40 is out of place: it names UDP or TCP before ports
            name x node a data { ARP: ::1 -> ::2 }                               | data: header 'ARP:::1 -> ::2' at line 1, column 22 is out of place: it names UDP, TCP, ICMP or ICMP6 before IPv6 addresses
            name x node a data { UDP: ::1 -> ::2 ICMP6 echo_request }            | data: header 'ICMP6echo_request' at line 1, column 38 is out of place: it follows an IPv4 header written 'ICMP: a -> b' or an IPv6 header written 'ICMP6: a -> b'
            name x node a data { UDP: ::1 -> ::2 ttl 5 }                         | data: 'ttl5' at line 1, column 38: an IPv6 header takes 'hop-limit N' or 'traffic-class N'
            name x node a data { UDP: ::1 -> ::2 hop-limit 256 }                 | data: hop-limit 256 at line 1, column 38 is above 255
            name x node a data { UDP: ::1 -> ::2 UDP: 1 -> 2 hop-limit 1 }       | data: 'hop-limit1' at line 1, column 50 is not a field of a UDP header
            """)
    void shouldNameTheFieldOfABadIp6Header(String text, String message) {
        assertThatThrownBy(() -> StreamSpecReader.read(text)).isInstanceOf(PgStreamException.class)
                .hasMessage(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            name x limit ten node a data { }              | line 1, column 14: expected a number, got 'ten'
            { name x node a data { }                      | line 1, column 25: expected '}', 'name', 'limit', 'size', 'rate', 'node', 'interface', 'source', 'tx-interface', 'pcap' or 'data', got the end of the stream
            name x size 64 node a data { }                | line 1, column 16: expected '-', got 'node'
            name x node a data { UDP: 1.2.3.4 -> }        | line 1, column 38: expected an IPv4 address, a MAC address, an IPv6 address, a hex number (0x...) or a number, got '}'
            name x node a data { UDP 1.2.3.4 -> 5.6.7.8 } | line 1, column 26: expected '}', 'incrementing', 'random', 'hex', a header such as 'UDP:', a quoted string or a word, got '1.2.3.4'
            name x node a data { ICMP 1.2.3.4 -> 5.6.7.8 } | line 1, column 27: expected '}', 'incrementing', 'random', 'hex', a header such as 'UDP:', a quoted string or a word, got '1.2.3.4'
            name x node a data { incrementing 4 } }       | line 1, column 39: expected the end of the stream, 'name', 'limit', 'size', 'rate', 'node', 'interface', 'source', 'tx-interface', 'pcap' or 'data', got '}'
            """)
    void shouldNameLineColumnAndWhatWasExpected(String text, String message) {
        assertThatThrownBy(() -> StreamSpecReader.read(text)).isInstanceOf(PgStreamException.class)
                .hasMessage(message);
    }

    @Test
    void shouldCountLinesOfAMultiLineStream() {
        assertThatThrownBy(() -> StreamSpecReader.read("{\n  name x\n  limit -1\n}"))
                .hasMessage("line 3, column 9: expected a number, got '-'");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            name x limit 0 node a data { }                   | limit: 0 packets would send nothing; leave limit out to send without end
            name x size 128-64 node a data { }               | size: 128-64 is inverted; the first size must not exceed the second
            name x size 4-64 node a data { }                 | size: 4-64 is outside 14-9216 bytes
            name x data { }                                  | node: stream 'x' needs a node to give its packets to, or an interface to receive them on
            limit 5 node a data { }                          | name: a stream needs a name
            name x node a                                    | data: stream 'x' needs data { ... } or a pcap file
            name x node a pcap f.pcap data { }               | pcap: stream 'x' takes its packets from data { } or from a pcap file, not both
            name x name y node a data { }                    | name: given twice (line 1, column 8)
            name x rate 0 node a data { }                    | rate: 0 packets per second; give a rate above 0
            name x interface pg0 source pg4 node a data { }  | source: given twice (line 1, column 22)
            name x node a data { UDP: 1234 -> 5678 }         | data: header 'UDP:1234 -> 5678' at line 1, column 22 is out of place: it follows an IPv4 or IPv6 header written 'UDP: a -> b'
            name x node a data { UDP: 1.2.3.4 -> 5.6.7.8 UDP: 9 -> 70000 } | data: port 70000 at line 1, column 56 is above 65535
            name x node a data { UDP: 1.2.3.9 - 1.2.3.1 -> 5.6.7.8 } | data: range 1.2.3.9 - 1.2.3.1 at line 1, column 27 is inverted; the first value must not exceed the second
            name x node a data { UDP: 1.2.3.4 -> 1.2.3 }     | data: expected an IPv4 address at line 1, column 38, got '1.2.3'
            name x node a data { UDP: 1.2.3.999 -> 1.2.3.4 } | data: '1.2.3.999' at line 1, column 27 is not an IPv4 address
            name x node a data { hex 0xabc }                 | data: hex 0xabc at line 1, column 26 has an odd number of digits
            """)
    void shouldNameTheFieldOfASemanticError(String text, String message) {
        assertThatThrownBy(() -> StreamSpecReader.read(text)).isInstanceOf(PgStreamException.class)
                .hasMessage(message);
    }

    @Test
    void shouldTakeTheNodeVppReadsTheHeadersWithWhenItAgreesWithTheFirstHeader() {
        String headers = "IP4: 02:00:00:00:00:aa -> 02:00:00:00:00:05 UDP: 10.0.4.2 -> 48.0.0.1 UDP: 1234 -> 5678 }";
        StreamSpec plain = StreamSpecReader.read("name d node error-drop data { " + headers);
        StreamSpec named = StreamSpecReader.read("name d node error-drop data { ethernet-input " + headers);
        assertThat(named.headers()).isEqualTo(plain.headers()).hasSize(3);
        assertThat(StreamSpecReader.read("name t node ip4-input data { ip4-input TCP: 1.1.1.1 -> 2.2.2.2 }").headers())
                .hasSize(1);

        assertThatThrownBy(() -> StreamSpecReader.read("name d node error-drop data { ip4-input " + headers))
                .isInstanceOf(PgStreamException.class).hasMessage("data: ip4-input (line 1, column 31) reads a packet"
                        + " from its IPv4 header, which the first header here is not");
        assertThatThrownBy(() -> StreamSpecReader.read("name d node error-drop data { l2-input " + headers))
                .isInstanceOf(PgStreamException.class).hasMessage("data: l2-input (line 1, column 31) does not read"
                        + " packet headers; name ethernet-input, ip4-input or ip6-input, or none");
    }

    @Test
    void shouldReceiveOnTheNamedInterfaceAndStartAtEthernetInputUnlessANodeIsNamed() {
        StreamSpec onInterface = StreamSpecReader.read("name x interface pg0 data { hex 0x00 }");
        StreamSpec withNode = StreamSpecReader.read("name y source pg1 node ip4-input data { hex 0x00 }");
        StreamSpec onNode = StreamSpecReader.read("name z node ip4-input data { hex 0x00 }");

        assertThat(onInterface.rxInterface()).contains("pg0");
        assertThat(onInterface.node()).isEqualTo("ethernet-input");
        assertThat(withNode.rxInterface()).contains("pg1");
        assertThat(withNode.node()).isEqualTo("ip4-input");
        assertThat(onNode.rxInterface()).isEmpty();
    }
}
