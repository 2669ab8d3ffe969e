package io.vecta.sdk.packet;

import java.util.List;

/**
 * An IPv4 header with its options.
 *
 * @param version                  4 unless the packet lies
 * @param ihl                      header length in 32-bit words
 * @param tos                      the type-of-service byte (DSCP and ECN)
 * @param totalLength              the datagram length the header claims
 * @param identification           the fragment identification
 * @param flagsAndFragmentOffset   flags ({@code Ip4.FLAG_*}) and the fragment offset in 8-byte units
 * @param ttl                      time to live
 * @param protocol                 the {@link IpProtocol} of the payload
 * @param checksum                 the header checksum, checked over {@code ihl * 4} bytes
 * @param src                      source address (as in {@link Ip4Address})
 * @param dst                      destination address
 * @param options                  the option bytes, {@code ihl * 4 - 20} of them
 * @param lengthCheck whether IHL and total length agree with each other and the bytes present
 */
public record Ip4Layer(int version, int ihl, int tos, int totalLength, int identification,
        int flagsAndFragmentOffset, int ttl, int protocol, ChecksumCheck checksum, int src, int dst, Bytes options,
        LengthCheck lengthCheck) implements Layer {

    public int headerLength() {
        return ihl * 4;
    }

    public int dscp() {
        return tos >>> 2;
    }

    public int ecn() {
        return tos & 3;
    }

    public boolean isDontFragment() {
        return (flagsAndFragmentOffset & Ip4.FLAG_DONT_FRAGMENT) != 0;
    }

    public boolean isMoreFragments() {
        return (flagsAndFragmentOffset & Ip4.FLAG_MORE_FRAGMENTS) != 0;
    }

    /** Fragment offset in 8-byte units, as on the wire. */
    public int fragmentOffset() {
        return flagsAndFragmentOffset & Ip4.FRAGMENT_OFFSET_MASK;
    }

    /** True for any fragment of a larger datagram. */
    public boolean isFragment() {
        return isMoreFragments() || fragmentOffset() != 0;
    }

    @Override
    public String title() {
        return "IPv4";
    }

    @Override
    public String summary() {
        return "IPv4 " + Ip4Address.format(src) + " > " + Ip4Address.format(dst)
                + (isFragment() ? " frag " + fragmentOffset() * 8 + (isMoreFragments() ? "+" : "") : "")
                + LayerText.invalidMark(isValid());
    }

    @Override
    public List<Field> fields() {
        return List.of(
                new Field("version", Integer.toString(version)),
                new Field("ihl", ihl + " (" + headerLength() + " bytes)"),
                new Field("tos", String.format("0x%02x (dscp %d, ecn %d)", tos, dscp(), ecn())),
                new Field("len", totalLength + lengthCheck.suffix()),
                new Field("id", LayerText.hex16(identification)),
                new Field("flags", LayerText.ip4Flags(flagsAndFragmentOffset)),
                new Field("frag", fragmentOffset() + " (" + fragmentOffset() * 8 + " bytes)"),
                new Field("ttl", Integer.toString(ttl)),
                new Field("proto", protocol + " (" + IpProtocol.name(protocol) + ")"),
                new Field("chksum", checksum.describe()),
                new Field("src", Ip4Address.format(src)),
                new Field("dst", Ip4Address.format(dst)),
                new Field("options", LayerText.bytes(options)));
    }

    @Override
    public boolean isValid() {
        return checksum.isCorrect() && lengthCheck.isCorrect();
    }
}
