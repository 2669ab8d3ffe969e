package io.vecta.sdk.packet;

/** The text pieces the layer records share when they print their fields. */
final class LayerText {

    /** TCP flag letters from bit 0 up, as scapy and tcpdump spell them. */
    private static final String TCP_FLAG_LETTERS = "FSRPAUEC";

    private LayerText() {
    }

    static String hex16(int value) {
        return String.format("0x%04x", value);
    }

    /** {@code 0x0800 (IPv4)}. */
    static String etherType(int etherType) {
        String name = switch (etherType) {
            case Ethernet.ETHER_TYPE_IP4 -> "IPv4";
            case Ethernet.ETHER_TYPE_ARP -> "ARP";
            case Ethernet.ETHER_TYPE_VLAN -> "802.1Q";
            case Ethernet.ETHER_TYPE_IP6 -> "IPv6";
            case Ethernet.ETHER_TYPE_MPLS -> "MPLS";
            case Ethernet.ETHER_TYPE_QINQ -> "802.1ad";
            case Ethernet.ETHER_TYPE_LLDP -> "LLDP";
            default -> "";
        };
        return hex16(etherType) + (name.isEmpty() ? "" : " (" + name + ")");
    }

    /** Marks a summary piece whose layer is not valid; {@code show()} says why. */
    static String invalidMark(boolean valid) {
        return valid ? "" : " [invalid]";
    }

    /** {@code DF}, {@code MF}, {@code DF+MF}, {@code none}; the reserved bit shows as {@code evil}, as in scapy. */
    static String ip4Flags(int flagsAndFragmentOffset) {
        StringBuilder text = new StringBuilder();
        appendFlag(text, flagsAndFragmentOffset, Ip4.FLAG_RESERVED, "evil");
        appendFlag(text, flagsAndFragmentOffset, Ip4.FLAG_DONT_FRAGMENT, "DF");
        appendFlag(text, flagsAndFragmentOffset, Ip4.FLAG_MORE_FRAGMENTS, "MF");
        return text.isEmpty() ? "none" : text.toString();
    }

    private static void appendFlag(StringBuilder text, int word, int bit, String name) {
        if ((word & bit) != 0) {
            text.append(text.isEmpty() ? "" : "+").append(name);
        }
    }

    /** {@code S}, {@code PA}, {@code RA}: one letter per flag set, {@code -} for none. */
    static String tcpFlags(int flags) {
        StringBuilder text = new StringBuilder();
        for (int bit = 0; bit < TCP_FLAG_LETTERS.length(); bit++) {
            if ((flags & (1 << bit)) != 0) {
                text.append(TCP_FLAG_LETTERS.charAt(bit));
            }
        }
        return text.isEmpty() ? "-" : text.toString();
    }

    /** {@code none} or {@code 4 bytes: 01 01 08 0a}. */
    static String bytes(Bytes bytes) {
        return bytes.isEmpty() ? "none" : bytes.length() + " bytes: " + bytes.toHex();
    }

    static String icmpType(boolean icmp6, int type) {
        String name = icmp6 ? switch (type) {
            case Icmp.TYPE6_DESTINATION_UNREACHABLE -> "dest-unreach";
            case Icmp.TYPE6_PACKET_TOO_BIG -> "packet-too-big";
            case Icmp.TYPE6_TIME_EXCEEDED -> "time-exceeded";
            case Icmp.TYPE6_PARAMETER_PROBLEM -> "parameter-problem";
            case Icmp.TYPE6_ECHO_REQUEST -> "echo-request";
            case Icmp.TYPE6_ECHO_REPLY -> "echo-reply";
            case Icmp.TYPE6_ROUTER_SOLICITATION -> "router-solicitation";
            case Icmp.TYPE6_ROUTER_ADVERTISEMENT -> "router-advertisement";
            case Icmp.TYPE6_NEIGHBOR_SOLICITATION -> "neighbor-solicitation";
            case Icmp.TYPE6_NEIGHBOR_ADVERTISEMENT -> "neighbor-advertisement";
            default -> "";
        } : switch (type) {
            case Icmp.TYPE_ECHO_REPLY -> "echo-reply";
            case Icmp.TYPE_DESTINATION_UNREACHABLE -> "dest-unreach";
            case Icmp.TYPE_REDIRECT -> "redirect";
            case Icmp.TYPE_ECHO_REQUEST -> "echo-request";
            case Icmp.TYPE_TIME_EXCEEDED -> "time-exceeded";
            case Icmp.TYPE_PARAMETER_PROBLEM -> "parameter-problem";
            default -> "";
        };
        return name.isEmpty() ? "type " + type : name;
    }
}
