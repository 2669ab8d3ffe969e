package io.vecta.runtime.fib;

/**
 * VPP's IPv4 flow hash, which picks a load-balance bucket so that every packet of a flow takes
 * the same path: the fields the table's configuration selects (addresses, protocol, TCP/UDP
 * ports) mixed with Bob Jenkins' lookup3 mix and final steps. The fields are taken as VPP loads
 * them from the packet on a little-endian host, so the value is the one VPP computes there.
 */
public final class Ip4FlowHash {

    /** Hash the source address. */
    public static final int SRC = 1;
    /** Hash the destination address. */
    public static final int DST = 1 << 1;
    /** Hash the TCP/UDP source port. */
    public static final int SPORT = 1 << 2;
    /** Hash the TCP/UDP destination port. */
    public static final int DPORT = 1 << 3;
    /** Hash the protocol. */
    public static final int PROTO = 1 << 4;
    /** Swap source and destination before hashing. */
    public static final int REVERSE = 1 << 5;
    /** Order each pair so that both directions of a flow hash the same. */
    public static final int SYMMETRIC = 1 << 6;
    /** Hash the IPv6 flow label (no effect on IPv4; shown as VPP shows it). */
    public static final int FLOWLABEL = 1 << 7;
    /** What a new table hashes, as in VPP. */
    public static final int DEFAULT = SRC | DST | SPORT | DPORT | PROTO | FLOWLABEL;

    private static final String[] NAMES = {"src", "dst", "sport", "dport", "proto", "reverse", "symmetric",
        "flowlabel"};
    private static final int TCP = 6;
    private static final int UDP = 17;

    private Ip4FlowHash() {
    }

    /**
     * The flow hash of a packet from {@code src} to {@code dst} (host order) with IP protocol
     * {@code protocol} and, for TCP and UDP, ports {@code srcPort} and {@code dstPort} (host order).
     */
    public static int hash(int config, int src, int dst, int protocol, int srcPort, int dstPort) {
        int t1 = (config & SRC) != 0 ? Integer.reverseBytes(src) : 0;
        int t2 = (config & DST) != 0 ? Integer.reverseBytes(dst) : 0;
        boolean reverse = (config & REVERSE) != 0;
        int a = reverse ? t2 : t1;
        int b = reverse ? t1 : t2;
        boolean tcpOrUdp = protocol == TCP || protocol == UDP;
        int p1 = tcpOrUdp && (config & SPORT) != 0 ? Short.reverseBytes((short) srcPort) & 0xffff : 0;
        int p2 = tcpOrUdp && (config & DPORT) != 0 ? Short.reverseBytes((short) dstPort) & 0xffff : 0;
        if ((config & SYMMETRIC) != 0) {
            if (Integer.compareUnsigned(b, a) < 0) {
                int swap = a;
                a = b;
                b = swap;
            }
            if (p2 < p1) {
                int swap = p1;
                p1 = p2;
                p2 = swap;
            }
        }
        b ^= (config & PROTO) != 0 ? protocol & 0xff : 0;
        int c = reverse ? (p1 << 16) | p2 : (p2 << 16) | p1;

        a -= c; a ^= Integer.rotateLeft(c, 4); c += b;
        b -= a; b ^= Integer.rotateLeft(a, 6); a += c;
        c -= b; c ^= Integer.rotateLeft(b, 8); b += a;
        a -= c; a ^= Integer.rotateLeft(c, 16); c += b;
        b -= a; b ^= Integer.rotateLeft(a, 19); a += c;
        c -= b; c ^= Integer.rotateLeft(b, 4); b += a;

        c ^= b; c -= Integer.rotateLeft(b, 14);
        a ^= c; a -= Integer.rotateLeft(c, 11);
        b ^= a; b -= Integer.rotateLeft(a, 25);
        c ^= b; c -= Integer.rotateLeft(b, 16);
        a ^= c; a -= Integer.rotateLeft(c, 4);
        b ^= a; b -= Integer.rotateLeft(a, 14);
        c ^= b; c -= Integer.rotateLeft(b, 24);
        return c;
    }

    /** {@code config} as VPP prints it: {@code "src dst sport dport proto flowlabel "}. */
    public static String format(int config) {
        StringBuilder text = new StringBuilder();
        for (int bit = 0; bit < NAMES.length; bit++) {
            if ((config & (1 << bit)) != 0) {
                text.append(NAMES[bit]).append(' ');
            }
        }
        return text.toString();
    }
}
