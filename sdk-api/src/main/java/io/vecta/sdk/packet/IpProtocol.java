package io.vecta.sdk.packet;

/**
 * IP protocol numbers (IANA "Assigned Internet Protocol Numbers"): the IPv4 {@code protocol}
 * field and the IPv6 {@code next header} field share one registry.
 */
public final class IpProtocol {

    /** IPv6 hop-by-hop options extension header. */
    public static final int HOP_BY_HOP = 0;
    public static final int ICMP = 1;
    public static final int IGMP = 2;
    /** IPv4 in IP (RFC 2003). */
    public static final int IP_IN_IP = 4;
    public static final int TCP = 6;
    public static final int UDP = 17;
    /** IPv6 encapsulation (RFC 2473, 6in4). */
    public static final int IP6 = 41;
    /** IPv6 routing extension header. */
    public static final int ROUTING = 43;
    /** IPv6 fragment extension header. */
    public static final int FRAGMENT = 44;
    public static final int GRE = 47;
    public static final int ESP = 50;
    public static final int AH = 51;
    public static final int ICMP6 = 58;
    /** IPv6 "no next header": nothing follows. */
    public static final int NO_NEXT_HEADER = 59;
    /** IPv6 destination options extension header. */
    public static final int DESTINATION_OPTIONS = 60;
    public static final int SCTP = 132;

    private IpProtocol() {
    }

    /** A short name for trace output ({@code "tcp"}, {@code "icmp6"}), or the number as text. */
    public static String name(int protocol) {
        return switch (protocol) {
            case HOP_BY_HOP -> "hop-by-hop";
            case ICMP -> "icmp";
            case IGMP -> "igmp";
            case IP_IN_IP -> "ip-in-ip";
            case TCP -> "tcp";
            case UDP -> "udp";
            case IP6 -> "ipv6";
            case ROUTING -> "routing";
            case FRAGMENT -> "fragment";
            case GRE -> "gre";
            case ESP -> "esp";
            case AH -> "ah";
            case ICMP6 -> "icmp6";
            case NO_NEXT_HEADER -> "no-next-header";
            case DESTINATION_OPTIONS -> "destination-options";
            case SCTP -> "sctp";
            default -> "protocol-" + protocol;
        };
    }
}
