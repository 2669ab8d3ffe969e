package io.vecta.sdk.packet;

import java.util.List;

/**
 * A TCP header with its options.
 *
 * @param srcPort        source port
 * @param dstPort        destination port
 * @param sequence       sequence number (u32)
 * @param acknowledgment acknowledgment number (u32)
 * @param dataOffset     header length in 32-bit words
 * @param flags          the flag byte, {@code Tcp.FLAG_*}
 * @param window         window
 * @param checksum       the checksum with the pseudo-header, checked over the whole segment
 * @param urgentPointer  urgent pointer
 * @param options        the option bytes, {@code dataOffset * 4 - 20} of them
 * @param lengthCheck whether the data offset agrees with the segment
 */
public record TcpLayer(int srcPort, int dstPort, long sequence, long acknowledgment, int dataOffset, int flags,
        int window, ChecksumCheck checksum, int urgentPointer, Bytes options, LengthCheck lengthCheck)
        implements Layer {

    public int headerLength() {
        return dataOffset * 4;
    }

    public int optionsLength() {
        return options.length();
    }

    /** True when every flag in {@code mask} is set. */
    public boolean hasFlags(int mask) {
        return (flags & mask) == mask;
    }

    @Override
    public String title() {
        return "TCP";
    }

    @Override
    public String summary() {
        return "TCP " + srcPort + " > " + dstPort + " " + LayerText.tcpFlags(flags) + LayerText.invalidMark(isValid());
    }

    @Override
    public List<Field> fields() {
        return List.of(
                new Field("sport", Integer.toString(srcPort)),
                new Field("dport", Integer.toString(dstPort)),
                new Field("seq", Long.toString(sequence)),
                new Field("ack", Long.toString(acknowledgment)),
                new Field("dataofs", dataOffset + " (" + headerLength() + " bytes)" + lengthCheck.suffix()),
                new Field("flags", LayerText.tcpFlags(flags) + String.format(" (0x%02x)", flags)),
                new Field("window", Integer.toString(window)),
                new Field("chksum", checksum.describe()),
                new Field("urgptr", Integer.toString(urgentPointer)),
                new Field("options", LayerText.bytes(options)));
    }

    @Override
    public boolean isValid() {
        return checksum.isCorrect() && lengthCheck.isCorrect();
    }
}
