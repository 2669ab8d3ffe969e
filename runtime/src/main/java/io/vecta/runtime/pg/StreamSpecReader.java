package io.vecta.runtime.pg;

import io.vecta.runtime.pg.PgStreamParser.DataOptionContext;
import io.vecta.runtime.pg.PgStreamParser.FieldContext;
import io.vecta.runtime.pg.PgStreamParser.HeaderContext;
import io.vecta.runtime.pg.PgStreamParser.HeaderFieldContext;
import io.vecta.runtime.pg.PgStreamParser.HexPayloadContext;
import io.vecta.runtime.pg.PgStreamParser.IncrementingPayloadContext;
import io.vecta.runtime.pg.PgStreamParser.InterfaceOptionContext;
import io.vecta.runtime.pg.PgStreamParser.LimitOptionContext;
import io.vecta.runtime.pg.PgStreamParser.NameOptionContext;
import io.vecta.runtime.pg.PgStreamParser.NodeOptionContext;
import io.vecta.runtime.pg.PgStreamParser.OptionContext;
import io.vecta.runtime.pg.PgStreamParser.PayloadContext;
import io.vecta.runtime.pg.PgStreamParser.PcapOptionContext;
import io.vecta.runtime.pg.PgStreamParser.RandomPayloadContext;
import io.vecta.runtime.pg.PgStreamParser.RateOptionContext;
import io.vecta.runtime.pg.PgStreamParser.SizeOptionContext;
import io.vecta.runtime.pg.PgStreamParser.TxInterfaceOptionContext;
import io.vecta.runtime.pg.PgStreamParser.ValueContext;
import io.vecta.runtime.pg.PgStreamParser.WordContext;
import io.vecta.runtime.pg.StreamSpec.EthernetHeader;
import io.vecta.runtime.pg.StreamSpec.Header;
import io.vecta.runtime.pg.StreamSpec.IcmpHeader;
import io.vecta.runtime.pg.StreamSpec.Ip4Header;
import io.vecta.runtime.pg.StreamSpec.Ip6Header;
import io.vecta.runtime.pg.StreamSpec.Ip6Range;
import io.vecta.runtime.pg.StreamSpec.PortsHeader;
import io.vecta.sdk.packet.Ethernet;
import io.vecta.sdk.packet.Icmp;
import io.vecta.sdk.packet.Ip4Address;
import io.vecta.sdk.packet.Ip6Address;
import io.vecta.sdk.packet.IpProtocol;
import io.vecta.sdk.packet.MacAddress;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * Reads the text after {@code packet-generator new} into a {@link StreamSpec}: the grammar
 * {@code PgStream.g4} checks the shape, this class the meaning, header by header, as VPP's
 * {@code unformat_pg_stream} does. Whether the node exists is the generator's check, which
 * knows the graph.
 */
public final class StreamSpecReader {

    private static final int MAX_FRAME = 9216;

    /** Where packets received on an interface start, unless the stream names a node. */
    static final String ETHERNET_INPUT = "ethernet-input";

    private StreamSpecReader() {
    }

    /**
     * The stream {@code text} describes.
     *
     * @throws PgStreamException naming the line and column of a syntax error, or the field of a
     *                           value that makes no sense
     */
    public static StreamSpec read(String text) {
        PgStreamLexer lexer = new PgStreamLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        PgStreamParser parser = new PgStreamParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(new PgSyntaxErrorListener());
        return new Builder().read(parser.stream().option());
    }

    private static final class Builder {
        private final Set<String> seen = new HashSet<>();
        private String name;
        private long limit;
        private int minSize;
        private int maxSize;
        private double rate;
        private String node;
        private final List<Header> headers = new ArrayList<>();
        private final ByteArrayOutputStream payload = new ByteArrayOutputStream();
        private boolean hasData;
        private Path pcap;
        private String rxInterface;
        private String txInterface;

        StreamSpec read(List<OptionContext> options) {
            for (OptionContext option : options) {
                String keyword = option.getStart().getText();
                if (!seen.add(keyword.equals("source") ? "interface" : keyword)) {
                    throw new PgStreamException(keyword + ": given twice (" + where(option.getStart()) + ")");
                }
                switch (option) {
                    case NameOptionContext o -> name = text(o.name);
                    case LimitOptionContext o -> limit = limit(o);
                    case SizeOptionContext o -> size(o);
                    case RateOptionContext o -> rate = rate(o);
                    case NodeOptionContext o -> node = text(o.word());
                    case InterfaceOptionContext o -> rxInterface = text(o.word());
                    case TxInterfaceOptionContext o -> txInterface = text(o.word());
                    case PcapOptionContext o -> pcap = Path.of(text(o.word()));
                    case DataOptionContext o -> data(o);
                    default -> throw new IllegalStateException("unknown option " + keyword);
                }
            }
            if (name == null) {
                throw new PgStreamException("name: a stream needs a name");
            }
            if (node == null && rxInterface == null) {
                throw new PgStreamException("node: stream '" + name
                        + "' needs a node to give its packets to, or an interface to receive them on");
            }
            if (node == null) {
                // as in VPP, packets that arrive on an interface start at ethernet-input
                node = ETHERNET_INPUT;
            }
            if (hasData == (pcap != null)) {
                throw new PgStreamException(hasData
                        ? "pcap: stream '" + name + "' takes its packets from data { } or from a pcap file, not both"
                        : "data: stream '" + name + "' needs data { ... } or a pcap file");
            }
            return new StreamSpec(name, limit, minSize, maxSize, rate, node, Optional.ofNullable(rxInterface),
                    Optional.ofNullable(txInterface), headers, payload.toByteArray(),
                    Optional.ofNullable(pcap));
        }

        private static long limit(LimitOptionContext o) {
            long limit = number(o.INT().getSymbol(), "limit");
            if (limit == 0) {
                throw new PgStreamException("limit: 0 packets would send nothing; leave limit out to send without end");
            }
            return limit;
        }

        private void size(SizeOptionContext o) {
            long lo = number(o.lo, "size");
            long hi = number(o.hi, "size");
            if (lo > hi) {
                throw new PgStreamException("size: " + lo + "-" + hi + " is inverted; the first size must not exceed the second");
            }
            if (lo < Ethernet.HEADER_LENGTH || hi > MAX_FRAME) {
                throw new PgStreamException("size: " + lo + "-" + hi + " is outside " + Ethernet.HEADER_LENGTH
                        + "-" + MAX_FRAME + " bytes");
            }
            minSize = (int) lo;
            maxSize = (int) hi;
        }

        private static double rate(RateOptionContext o) {
            double rate = Double.parseDouble(o.number().getText());
            if (!(rate > 0) || Double.isInfinite(rate)) {
                throw new PgStreamException("rate: " + o.number().getText() + " packets per second; give a rate above 0");
            }
            return rate;
        }

        private void data(DataOptionContext o) {
            hasData = true;
            for (HeaderContext header : o.header()) {
                headers.add(header(header, headers.isEmpty() ? null : headers.getLast()));
            }
            if (o.reader != null) {
                checkReader(o.reader);
            }
            for (PayloadContext p : o.payload()) {
                payload.writeBytes(switch (p) {
                    case IncrementingPayloadContext i -> incrementing(bytes(i.INT().getSymbol()));
                    case RandomPayloadContext r -> random(bytes(r.INT().getSymbol()));
                    case HexPayloadContext h -> hex(h.HEXNUM().getSymbol());
                    default -> throw new IllegalStateException("unknown payload " + p.getText());
                });
            }
        }

        /**
         * VPP reads the headers as the node named first in {@code data { }} reads them
         * ({@code data { ethernet-input IP4: ... }}); here the values already say where a packet
         * starts, so a named node must agree with the first header.
         */
        private void checkReader(WordContext reader) {
            String node = reader.getText();
            record Start(Class<? extends Header> header, String description) { }
            Start start = switch (node) {
                case "ethernet-input" -> new Start(EthernetHeader.class, "its Ethernet header (MAC addresses)");
                case "ip4-input" -> new Start(Ip4Header.class, "its IPv4 header");
                case "ip6-input" -> new Start(Ip6Header.class, "its IPv6 header");
                default -> throw new PgStreamException("data: " + node + " (" + where(reader.getStart()) + ") does not"
                        + " read packet headers; name ethernet-input, ip4-input or ip6-input, or none");
            };
            if (headers.isEmpty() || !start.header().isInstance(headers.getFirst())) {
                throw new PgStreamException("data: " + node + " (" + where(reader.getStart()) + ") reads a packet from "
                        + start.description() + ", which the first header here is not");
            }
        }

        private Header header(HeaderContext h, Header before) {
            String word = h.getStart().getText();
            String protocol = word.endsWith(":") ? word.substring(0, word.length() - 1) : word;
            if (h.ICMP_TYPE() != null) {
                return icmp(h, protocol, before);
            }
            if (!word.endsWith(":")) {
                throw misplaced(h, "is written with a ':' after the protocol");
            }
            int valueType = h.src.lo.getStart().getType();
            Header header;
            if (valueType == PgStreamLexer.MAC) {
                int etherType = switch (protocol) {
                    case "IP4" -> Ethernet.ETHER_TYPE_IP4;
                    case "IP6" -> Ethernet.ETHER_TYPE_IP6;
                    case "ARP" -> Ethernet.ETHER_TYPE_ARP;
                    default -> throw misplaced(h, "names IP4, IP6 or ARP before Ethernet addresses");
                };
                if (before != null) {
                    throw misplaced(h, "is the first header");
                }
                header = new EthernetHeader(etherType, range(h.src, PgStreamLexer.MAC), range(h.dst, PgStreamLexer.MAC));
            } else if (valueType == PgStreamLexer.IP4) {
                int ipProtocol = switch (protocol) {
                    case "UDP" -> IpProtocol.UDP;
                    case "TCP" -> IpProtocol.TCP;
                    case "ICMP" -> IpProtocol.ICMP;
                    default -> throw misplaced(h, "names UDP, TCP or ICMP before IPv4 addresses");
                };
                requireEtherType(h, before, Ethernet.ETHER_TYPE_IP4);
                int[] fields = extraFields(h.headerField(), "an IPv4", List.of("ttl"), 64);
                header = new Ip4Header(ipProtocol, range(h.src, PgStreamLexer.IP4), range(h.dst, PgStreamLexer.IP4),
                        fields[0]);
            } else if (valueType == PgStreamLexer.IP6) {
                int ipProtocol = switch (protocol) {
                    case "UDP" -> IpProtocol.UDP;
                    case "TCP" -> IpProtocol.TCP;
                    case "ICMP", "ICMP6" -> IpProtocol.ICMP6;
                    default -> throw misplaced(h, "names UDP, TCP, ICMP or ICMP6 before IPv6 addresses");
                };
                requireEtherType(h, before, Ethernet.ETHER_TYPE_IP6);
                int[] fields = extraFields(h.headerField(), "an IPv6", List.of("hop-limit", "traffic-class"), 64, 0);
                header = new Ip6Header(ipProtocol, ip6Range(h.src), ip6Range(h.dst), fields[0], fields[1]);
            } else {
                int ipProtocol = switch (protocol) {
                    case "UDP" -> IpProtocol.UDP;
                    case "TCP" -> IpProtocol.TCP;
                    default -> throw misplaced(h, "names UDP or TCP before ports");
                };
                if (ipProtocol(before) != ipProtocol) {
                    throw misplaced(h, "follows an IPv4 or IPv6 header written '" + protocol + ": a -> b'");
                }
                header = new PortsHeader(ipProtocol, port(h.src), port(h.dst));
            }
            if (header instanceof EthernetHeader || header instanceof PortsHeader) {
                if (!h.headerField().isEmpty()) {
                    throw new PgStreamException("data: '" + h.headerField().getFirst().getText() + "' at "
                            + where(h.headerField().getFirst().getStart()) + " is not a field of a " + protocol
                            + " header");
                }
            }
            return header;
        }

        /** {@code ICMP echo_request} after {@code ICMP: a -> b}, or after {@code ICMP6: a -> b} for ICMPv6. */
        private static IcmpHeader icmp(HeaderContext h, String protocol, Header before) {
            boolean request = h.ICMP_TYPE().getText().equals("echo_request");
            if (protocol.equals("ICMP") && before instanceof Ip4Header ip && ip.protocol() == IpProtocol.ICMP) {
                return new IcmpHeader(request ? Icmp.TYPE_ECHO_REQUEST : Icmp.TYPE_ECHO_REPLY);
            }
            if ((protocol.equals("ICMP") || protocol.equals("ICMP6"))
                    && before instanceof Ip6Header ip && ip.protocol() == IpProtocol.ICMP6) {
                return new IcmpHeader(request ? Icmp.TYPE6_ECHO_REQUEST : Icmp.TYPE6_ECHO_REPLY);
            }
            throw misplaced(h, "follows an IPv4 header written 'ICMP: a -> b' or an IPv6 header written "
                    + "'ICMP6: a -> b'");
        }

        /** An IP header comes first or after the Ethernet header that announces its version. */
        private static void requireEtherType(HeaderContext h, Header before, int etherType) {
            if (before == null || before instanceof EthernetHeader e && e.etherType() == etherType) {
                return;
            }
            String ip = etherType == Ethernet.ETHER_TYPE_IP4 ? "IPv4" : "IPv6";
            String announce = etherType == Ethernet.ETHER_TYPE_IP4 ? "IP4" : "IP6";
            if (before instanceof EthernetHeader) {
                throw misplaced(h, "has " + ip + " addresses, so the Ethernet header before it is written '"
                        + announce + ": mac -> mac'");
            }
            throw misplaced(h, "is first or follows '" + announce + ": mac -> mac'");
        }

        /** The IP protocol the header {@code before} announces for the next one; -1 if none. */
        private static int ipProtocol(Header before) {
            return switch (before) {
                case Ip4Header ip -> ip.protocol();
                case Ip6Header ip -> ip.protocol();
                case null, default -> -1;
            };
        }

        /**
         * The extra fields of an IP header ({@code ttl 5}, {@code hop-limit 5}, {@code traffic-class 0x10}),
         * each a byte, in the order of {@code names}, starting from {@code defaults}.
         */
        private static int[] extraFields(List<HeaderFieldContext> fields, String header, List<String> names,
                int... defaults) {
            int[] values = defaults.clone();
            for (HeaderFieldContext f : fields) {
                int i = names.indexOf(f.WORD().getText());
                int type = f.value().getStart().getType();
                if (i < 0 || (type != PgStreamLexer.INT && type != PgStreamLexer.HEXNUM)) {
                    throw new PgStreamException("data: '" + f.getText() + "' at " + where(f.getStart()) + ": "
                            + header + " header takes " + String.join(" or ", names.stream()
                                    .map(n -> "'" + n + " N'").toList()));
                }
                long value = Math.min(256, integer(f.value().getStart(), names.get(i)));
                if (value > 255) {
                    throw new PgStreamException("data: " + names.get(i) + " " + f.value().getText() + " at "
                            + where(f.getStart()) + " is above 255");
                }
                values[i] = (int) value;
            }
            return values;
        }

        /**
         * An IPv6 address or a range of them; a range keeps the high 64 bits, as its addresses
         * step or are drawn in the low 64.
         */
        private static Ip6Range ip6Range(FieldContext f) {
            byte[] lo = ip6(f.lo);
            if (f.hi == null) {
                return new Ip6Range(Ip6Address.hi(lo), FieldRange.fixed(Ip6Address.lo(lo)));
            }
            byte[] hi = ip6(f.hi);
            String range = "data: range " + f.lo.getText() + " - " + f.hi.getText() + " at " + where(f.getStart());
            if (Ip6Address.hi(lo) != Ip6Address.hi(hi)) {
                throw new PgStreamException(range + " crosses a /64; the addresses of a range differ in their "
                        + "last 64 bits only");
            }
            long low = Ip6Address.lo(lo);
            long high = Ip6Address.lo(hi);
            if (Long.compareUnsigned(high, low) < 0) {
                throw new PgStreamException(range + " is inverted; the first value must not exceed the second");
            }
            if (high - low + 1 == 0) {
                throw new PgStreamException(range + " holds 2^64 addresses; a range holds one fewer at most");
            }
            return new Ip6Range(Ip6Address.hi(lo),
                    new FieldRange(low, high, f.PLUS() != null ? FieldRange.Kind.RANDOM : FieldRange.Kind.INCREMENT));
        }

        private static byte[] ip6(ValueContext v) {
            Token token = v.getStart();
            if (token.getType() != PgStreamLexer.IP6) {
                throw new PgStreamException("data: expected an IPv6 address at " + where(token) + ", got '"
                        + token.getText() + "'");
            }
            try {
                return Ip6Address.parse(token.getText());
            } catch (IllegalArgumentException e) {
                throw new PgStreamException("data: '" + token.getText() + "' at " + where(token)
                        + " is not an IPv6 address: " + e.getMessage());
            }
        }

        private static FieldRange port(FieldContext f) {
            FieldRange range = range(f, -1);
            if (range.hi() > 0xffff) {
                throw new PgStreamException("data: port " + f.getText() + " at " + where(f.getStart())
                        + " is above 65535");
            }
            return range;
        }

        private static FieldRange range(FieldContext f, int tokenType) {
            long lo = value(f.lo, tokenType);
            if (f.hi == null) {
                return FieldRange.fixed(lo);
            }
            long hi = value(f.hi, tokenType);
            if (hi < lo) {
                throw new PgStreamException("data: range " + f.lo.getText() + " - " + f.hi.getText() + " at "
                        + where(f.getStart()) + " is inverted; the first value must not exceed the second");
            }
            return new FieldRange(lo, hi, f.PLUS() != null ? FieldRange.Kind.RANDOM : FieldRange.Kind.INCREMENT);
        }

        private static long value(ValueContext v, int tokenType) {
            Token token = v.getStart();
            int type = token.getType();
            boolean number = type == PgStreamLexer.INT || type == PgStreamLexer.HEXNUM;
            if (tokenType == -1 ? !number : type != tokenType) {
                String wanted = switch (tokenType) {
                    case PgStreamLexer.MAC -> "a MAC address";
                    case PgStreamLexer.IP4 -> "an IPv4 address";
                    case PgStreamLexer.IP6 -> "an IPv6 address";
                    default -> "a port number";
                };
                throw new PgStreamException("data: expected " + wanted + " at " + where(token) + ", got '"
                        + token.getText() + "'");
            }
            return switch (type) {
                case PgStreamLexer.MAC -> mac(token);
                case PgStreamLexer.IP4 -> ip4(token);
                default -> integer(token, "port");
            };
        }

        /** VPP's short form {@code 1.2.3} is three 16-bit groups; the colon form goes to MacAddress. */
        private static long mac(Token token) {
            String text = token.getText();
            if (text.contains(":")) {
                return MacAddress.parse(text);
            }
            long mac = 0;
            for (String group : text.split("\\.")) {
                mac = mac << 16 | Long.parseLong(group, 16);
            }
            return mac;
        }

        private static long ip4(Token token) {
            try {
                return Ip4Address.parse(token.getText()) & 0xffff_ffffL;
            } catch (IllegalArgumentException e) {
                throw new PgStreamException("data: '" + token.getText() + "' at " + where(token)
                        + " is not an IPv4 address");
            }
        }

        /** A decimal or {@code 0x} hex number. */
        private static long integer(Token token, String field) {
            if (token.getType() != PgStreamLexer.HEXNUM) {
                return number(token, field);
            }
            try {
                return Long.parseLong(token.getText().substring(2), 16);
            } catch (NumberFormatException e) {
                throw new PgStreamException(field + ": " + token.getText() + " is too large");
            }
        }

        private static long number(Token token, String field) {
            try {
                return Long.parseLong(token.getText());
            } catch (NumberFormatException e) {
                throw new PgStreamException(field + ": " + token.getText() + " is too large");
            }
        }

        private static int bytes(Token token) {
            long n = number(token, "data");
            if (n > MAX_FRAME) {
                throw new PgStreamException("data: " + n + " payload bytes at " + where(token) + " exceed "
                        + MAX_FRAME);
            }
            return (int) n;
        }

        private static byte[] incrementing(int n) {
            byte[] b = new byte[n];
            for (int i = 0; i < n; i++) {
                b[i] = (byte) i;
            }
            return b;
        }

        /** Random bytes drawn once, from a seed fixed so that a stream sends the same bytes every run. */
        private byte[] random(int n) {
            byte[] b = new byte[n];
            new Random(0x5eed_0000L + payload.size()).nextBytes(b);
            return b;
        }

        private static byte[] hex(Token token) {
            String digits = token.getText().substring(2);
            if (digits.length() % 2 != 0) {
                throw new PgStreamException("data: hex " + token.getText() + " at " + where(token)
                        + " has an odd number of digits");
            }
            byte[] b = new byte[digits.length() / 2];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) Integer.parseInt(digits, 2 * i, 2 * i + 2, 16);
            }
            return b;
        }

        private static PgStreamException misplaced(ParserRuleContext h, String rule) {
            return new PgStreamException("data: header '" + h.getText().replace("->", " -> ") + "' at "
                    + where(h.getStart()) + " is out of place: it " + rule);
        }

        private static String text(WordContext word) {
            String text = word.getText();
            return word.STRING() != null ? text.substring(1, text.length() - 1) : text;
        }

        private static String where(Token token) {
            return "line " + token.getLine() + ", column " + (token.getCharPositionInLine() + 1);
        }
    }
}
