package io.vecta.sdk.packet;

import java.util.List;

/**
 * An ARP packet, read at the Ethernet/IPv4 offsets of {@link Arp} whatever its sizes say;
 * {@link #isValid} is false when they announce anything else.
 *
 * @param hardwareType  1 for Ethernet
 * @param protocolType  the protocol as an EtherType, 0x0800 for IPv4
 * @param hardwareSize  6 for Ethernet
 * @param protocolSize  4 for IPv4
 * @param opcode        {@link Arp#OPCODE_REQUEST} or {@link Arp#OPCODE_REPLY}
 * @param senderMac     sender hardware address (as in {@link MacAddress})
 * @param senderIp      sender protocol address (as in {@link Ip4Address})
 * @param targetMac     target hardware address
 * @param targetIp      target protocol address
 */
public record ArpLayer(int hardwareType, int protocolType, int hardwareSize, int protocolSize, int opcode,
        long senderMac, int senderIp, long targetMac, int targetIp) implements Layer {

    /** True when the packet announces Ethernet and IPv4 addresses, the only kind decoded. */
    public boolean isEthernetIp4() {
        return hardwareType == Arp.HARDWARE_TYPE_ETHERNET && protocolType == Ethernet.ETHER_TYPE_IP4
                && hardwareSize == MacAddress.LENGTH && protocolSize == Ip4Address.LENGTH;
    }

    @Override
    public String title() {
        return "ARP";
    }

    @Override
    public String summary() {
        return switch (opcode) {
            case Arp.OPCODE_REQUEST -> "ARP who-has " + Ip4Address.format(targetIp) + " tell "
                    + Ip4Address.format(senderIp);
            case Arp.OPCODE_REPLY -> "ARP " + Ip4Address.format(senderIp) + " is-at " + MacAddress.format(senderMac);
            default -> "ARP opcode " + opcode;
        } + LayerText.invalidMark(isValid());
    }

    @Override
    public List<Field> fields() {
        return List.of(
                new Field("hwtype", LayerText.hex16(hardwareType)),
                new Field("ptype", LayerText.etherType(protocolType)),
                new Field("hwlen", Integer.toString(hardwareSize)
                        + (isEthernetIp4() ? "" : " (only ethernet/ipv4 addresses are decoded)")),
                new Field("plen", Integer.toString(protocolSize)),
                new Field("op", opcode + switch (opcode) {
                    case Arp.OPCODE_REQUEST -> " (who-has)";
                    case Arp.OPCODE_REPLY -> " (is-at)";
                    default -> "";
                }),
                new Field("hwsrc", MacAddress.format(senderMac)),
                new Field("psrc", Ip4Address.format(senderIp)),
                new Field("hwdst", MacAddress.format(targetMac)),
                new Field("pdst", Ip4Address.format(targetIp)));
    }

    @Override
    public boolean isValid() {
        return isEthernetIp4();
    }
}
