package io.vecta.sdk.packet;

import java.util.List;

/**
 * A UDP header.
 *
 * @param srcPort  source port
 * @param dstPort  destination port
 * @param length   the header-plus-data length the header claims
 * @param checksum the checksum with the pseudo-header; a 0 over IPv4 is {@code ABSENT}
 * @param lengthCheck whether {@code length} agrees with the IP packet and the bytes present
 */
public record UdpLayer(int srcPort, int dstPort, int length, ChecksumCheck checksum, LengthCheck lengthCheck)
        implements Layer {

    @Override
    public String title() {
        return "UDP";
    }

    @Override
    public String summary() {
        return "UDP " + srcPort + " > " + dstPort + LayerText.invalidMark(isValid());
    }

    @Override
    public List<Field> fields() {
        return List.of(new Field("sport", Integer.toString(srcPort)), new Field("dport", Integer.toString(dstPort)),
                new Field("len", length + lengthCheck.suffix()), new Field("chksum", checksum.describe()));
    }

    @Override
    public boolean isValid() {
        return checksum.isCorrect() && lengthCheck.isCorrect();
    }
}
