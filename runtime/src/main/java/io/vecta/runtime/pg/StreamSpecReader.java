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
import io.vecta.runtime.pg.StreamSpec.PortsHeader;
import io.vecta.sdk.packet.Ethernet;
import io.vecta.sdk.packet.Icmp;
import io.vecta.sdk.packet.Ip4Address;
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
            for (PayloadContext p : o.payload()) {
                payload.writeBytes(switch (p) {
                    case IncrementingPayloadContext i -> incrementing(bytes(i.INT().getSymbol()));
                    case RandomPayloadContext r -> random(bytes(r.INT().getSymbol()));
                    case HexPayloadContext h -> hex(h.HEXNUM().getSymbol());
                    default -> throw new IllegalStateException("unknown payload " + p.getText());
                });
            }
        }

        private Header header(HeaderContext h, Header before) {
            String word = h.getStart().getText();
            String protocol = word.endsWith(":") ? word.substring(0, word.length() - 1) : word;
            if (h.ICMP_TYPE() != null) {
                if (!protocol.equals("ICMP") || !(before instanceof Ip4Header ip) || ip.protocol() != IpProtocol.ICMP) {
                    throw misplaced(h, "follows an IPv4 header written 'ICMP: a -> b'");
                }
                return new IcmpHeader(h.ICMP_TYPE().getText().equals("echo_request")
                        ? Icmp.TYPE_ECHO_REQUEST : Icmp.TYPE_ECHO_REPLY);
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
                if (before != null && !(before instanceof EthernetHeader e && e.etherType() == Ethernet.ETHER_TYPE_IP4)) {
                    throw misplaced(h, "is first or follows 'IP4: mac -> mac'");
                }
                header = new Ip4Header(ipProtocol, range(h.src, PgStreamLexer.IP4), range(h.dst, PgStreamLexer.IP4),
                        ttl(h.headerField()));
            } else {
                int ipProtocol = switch (protocol) {
                    case "UDP" -> IpProtocol.UDP;
                    case "TCP" -> IpProtocol.TCP;
                    default -> throw misplaced(h, "names UDP or TCP before ports");
                };
                if (!(before instanceof Ip4Header ip) || ip.protocol() != ipProtocol) {
                    throw misplaced(h, "follows an IPv4 header written '" + protocol + ": a -> b'");
                }
                header = new PortsHeader(ipProtocol, port(h.src), port(h.dst));
            }
            if (!(header instanceof Ip4Header) && !h.headerField().isEmpty()) {
                throw new PgStreamException("data: '" + h.headerField().getFirst().getText() + "' at "
                        + where(h.headerField().getFirst().getStart()) + " is not a field of a " + protocol + " header");
            }
            return header;
        }

        private static int ttl(List<HeaderFieldContext> fields) {
            int ttl = 64;
            for (HeaderFieldContext f : fields) {
                if (!f.WORD().getText().equals("ttl") || f.value().getStart().getType() != PgStreamLexer.INT) {
                    throw new PgStreamException("data: '" + f.getText() + "' at " + where(f.getStart())
                            + ": an IPv4 header takes 'ttl N'");
                }
                ttl = (int) Math.min(256, number(f.value().getStart(), "ttl"));
                if (ttl > 255) {
                    throw new PgStreamException("data: ttl " + f.value().getText() + " at " + where(f.getStart())
                            + " is above 255");
                }
            }
            return ttl;
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
                    default -> "a port number";
                };
                throw new PgStreamException("data: expected " + wanted + " at " + where(token) + ", got '"
                        + token.getText() + "'");
            }
            return switch (type) {
                case PgStreamLexer.MAC -> mac(token);
                case PgStreamLexer.IP4 -> ip4(token);
                case PgStreamLexer.HEXNUM -> Long.parseLong(token.getText().substring(2), 16);
                default -> number(token, "port");
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
