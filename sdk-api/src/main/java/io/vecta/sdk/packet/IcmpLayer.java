package io.vecta.sdk.packet;

import java.util.List;

/**
 * An ICMP (over IPv4) or ICMPv6 (over IPv6) header; its message runs to the end of the IP
 * packet, which the checksum covers (with the IPv6 pseudo-header for ICMPv6).
 *
 * @param icmp6        true for ICMPv6
 * @param type         message type ({@code Icmp.TYPE_*} or {@code Icmp.TYPE6_*})
 * @param code         message code
 * @param checksum     the checksum, checked over the whole message
 * @param restOfHeader the type-specific second word (echo id and sequence, MTU, pointer)
 */
public record IcmpLayer(boolean icmp6, int type, int code, ChecksumCheck checksum, int restOfHeader)
        implements Layer {

    /** The echo identifier (the high half of the second word). */
    public int echoId() {
        return restOfHeader >>> 16;
    }

    /** The echo sequence number (the low half of the second word). */
    public int echoSequence() {
        return restOfHeader & 0xffff;
    }

    /** True for an echo request or reply of this ICMP version. */
    public boolean isEcho() {
        return icmp6 ? type == Icmp.TYPE6_ECHO_REQUEST || type == Icmp.TYPE6_ECHO_REPLY
                : type == Icmp.TYPE_ECHO_REQUEST || type == Icmp.TYPE_ECHO_REPLY;
    }

    /** {@code echo-request}, {@code neighbor-solicitation}, ..., or {@code type 42}. */
    public String typeName() {
        return LayerText.icmpType(icmp6, type);
    }

    @Override
    public String title() {
        return icmp6 ? "ICMPv6" : "ICMP";
    }

    @Override
    public String summary() {
        return title() + " " + typeName() + (isEcho() ? " id " + echoId() + " seq " + echoSequence()
                : code != 0 ? " code " + code : "") + LayerText.invalidMark(isValid());
    }

    @Override
    public List<Field> fields() {
        return List.of(new Field("type", type + " (" + typeName() + ")"),
                new Field("code", Integer.toString(code)),
                new Field("chksum", checksum.describe()),
                isEcho() ? new Field("id/seq", LayerText.hex16(echoId()) + " / " + echoSequence())
                        : new Field("rest", String.format("0x%08x", restOfHeader)));
    }

    @Override
    public boolean isValid() {
        return checksum.isCorrect();
    }
}
