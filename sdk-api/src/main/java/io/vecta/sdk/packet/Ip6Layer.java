package io.vecta.sdk.packet;

import java.util.List;

/**
 * An IPv6 fixed header; extension headers follow as {@link Ip6ExtensionLayer}s. Addresses are
 * two {@code long}s each, as in {@link Ip6}; {@link #src()} and {@link #dst()} give the 16 bytes.
 *
 * @param version       6 unless the packet lies
 * @param trafficClass  DSCP and ECN
 * @param flowLabel     20-bit flow label
 * @param payloadLength the length after the fixed header the header claims
 * @param nextHeader    the {@link IpProtocol} of what follows the fixed header
 * @param hopLimit      hop limit
 * @param srcHi         source address bytes 0..7
 * @param srcLo         source address bytes 8..15
 * @param dstHi         destination address bytes 0..7
 * @param dstLo         destination address bytes 8..15
 * @param lengthCheck whether the payload length agrees with the bytes present
 */
public record Ip6Layer(int version, int trafficClass, int flowLabel, int payloadLength, int nextHeader,
        int hopLimit, long srcHi, long srcLo, long dstHi, long dstLo, LengthCheck lengthCheck) implements Layer {

    /** The source address as 16 bytes in wire order (a new array). */
    public byte[] src() {
        return Ip6Address.toBytes(srcHi, srcLo);
    }

    /** The destination address as 16 bytes in wire order (a new array). */
    public byte[] dst() {
        return Ip6Address.toBytes(dstHi, dstLo);
    }

    @Override
    public String title() {
        return "IPv6";
    }

    @Override
    public String summary() {
        return "IPv6 " + Ip6Address.format(srcHi, srcLo) + " > " + Ip6Address.format(dstHi, dstLo)
                + LayerText.invalidMark(isValid());
    }

    @Override
    public List<Field> fields() {
        return List.of(
                new Field("version", Integer.toString(version)),
                new Field("tc", String.format("0x%02x (dscp %d, ecn %d)", trafficClass, trafficClass >>> 2,
                        trafficClass & 3)),
                new Field("fl", String.format("0x%05x", flowLabel)),
                new Field("plen", payloadLength + lengthCheck.suffix()),
                new Field("nh", nextHeader + " (" + IpProtocol.name(nextHeader) + ")"),
                new Field("hlim", Integer.toString(hopLimit)),
                new Field("src", Ip6Address.format(srcHi, srcLo)),
                new Field("dst", Ip6Address.format(dstHi, dstLo)));
    }

    @Override
    public boolean isValid() {
        return lengthCheck.isCorrect();
    }
}
